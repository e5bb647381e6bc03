namespace PromptGen.Testing;

/// <summary>What a script rule sees of a Converse request that passed authentication and validation.</summary>
public sealed class ConverseCall
{
    internal ConverseCall(string modelId, string? systemText, string? userText)
    {
        ModelId = modelId;
        SystemText = systemText;
        UserText = userText;
    }

    /// <summary>The model id, percent-decoded from the path.</summary>
    public string ModelId { get; }

    /// <summary>The text blocks of <c>system</c>, joined with newlines; null when there are none.</summary>
    public string? SystemText { get; }

    /// <summary>The prompt: the text blocks of the last user message, joined with newlines; null when there are none.</summary>
    public string? UserText { get; }
}
