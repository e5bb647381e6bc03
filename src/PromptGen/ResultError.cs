namespace PromptGen;

/// <summary>
/// One thing wrong with a model's answer. <see cref="Path"/> is a JSONPath into the answer (<c>$</c> for the whole
/// answer, <c>$.items[2].price</c> for a member); <see cref="Message"/> says what was expected and what was there,
/// worded so that it can be shown to the model when asking it to correct itself.
/// </summary>
public readonly record struct ResultError(string Path, ResultErrorKind Kind, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
