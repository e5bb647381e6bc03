using System.Linq;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// The answer to a valid call that no rule answers: derived from the call alone, so it is the same every time. A forced
/// tool gets a tool use whose input fits the tool's schema; structured output gets JSON that fits the request's schema;
/// anything else gets a text naming the model and echoing the prompt.
/// </summary>
internal static class DefaultReply
{
    private const int PromptPreviewLength = 60;

    public static EmulatorReply For(ConverseCall call)
    {
        Wire.ConverseFeatures request = call.Features;
        if (request.IsToolUseForced && request.Tools.Count > 0)
        {
            var tool = request.Tools.FirstOrDefault(candidate => candidate.Name == request.ForcedToolName);
            if (tool.Name is null)
            {
                tool = request.Tools[0];
            }

            return EmulatorReply.FromToolUse(tool.Name, tool.InputSchema is { } schema ? JsonSchemaSample.For(schema) : "{}");
        }

        if (request.OutputSchema is not null)
        {
            return EmulatorReply.FromJson(JsonSchemaSample.For(request.OutputSchema));
        }

        return EmulatorReply.FromText($"Emulated reply from {call.ModelId} to: {Preview(call.UserText)}{Attachments(call)}");
    }

    /// <summary>What the turn carried besides text, e.g. <c> (with image png 1,234 bytes; document 'notes' md 210 bytes)</c>.</summary>
    private static string Attachments(ConverseCall call)
    {
        string[] media = call.UserContent.Where(block => block.Kind != ContentKinds.Text).Select(block => block.ToString()).ToArray();
        return media.Length == 0 ? string.Empty : $" (with {string.Join("; ", media)})";
    }

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
