namespace PromptGen.Descriptors;

/// <summary>
/// One snapshot of a typed result as it streams in (<see cref="PromptDescriptor.StreamPartials"/>): the generated
/// partial type written as JSON, a member null until the model has written it completely.
/// </summary>
public sealed class PromptPartial
{
    internal PromptPartial(int attempt, string json)
    {
        Attempt = attempt;
        Json = json;
    }

    /// <summary>
    /// The attempt the snapshot belongs to: 1, then 2 for the first repair (whose snapshots start again from an empty
    /// object), and so on.
    /// </summary>
    public int Attempt { get; }

    /// <summary>The partial value as JSON, with the member names of the result's schema.</summary>
    public string Json { get; }
}
