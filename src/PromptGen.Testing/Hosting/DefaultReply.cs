namespace PromptGen.Testing.Hosting;

/// <summary>The answer to a valid call that no rule answers: derived from the call alone, so it is the same every time.</summary>
internal static class DefaultReply
{
    private const int PromptPreviewLength = 60;

    public static EmulatorReply For(ConverseCall call) =>
        EmulatorReply.FromText($"Emulated reply from {call.ModelId} to: {Preview(call.UserText)}");

    private static string Preview(string? prompt)
    {
        if (prompt is null)
        {
            return "(no text)";
        }

        if (prompt.Length <= PromptPreviewLength)
        {
            return prompt;
        }

        // Do not cut a surrogate pair in half: the reply must stay valid UTF-16 (and so valid JSON).
        int length = char.IsHighSurrogate(prompt[PromptPreviewLength - 1]) ? PromptPreviewLength - 1 : PromptPreviewLength;
        return prompt[..length];
    }
}
