using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Bedrock;

public sealed partial class ConverseResponse
{
    /// <summary>
    /// The model's reasoning (extended thinking) in the answer, its text blocks concatenated; empty when the model
    /// did not reason or its reasoning came back redacted only.
    /// </summary>
    public string GetReasoningText() => ReasoningTextOf(Output?.Message);

    /// <summary>The answer's reasoning blocks in order, text and redacted alike.</summary>
    public IEnumerable<ReasoningContentBlock> GetReasoningBlocks() => ReasoningBlocksOf(Output?.Message);

    /// <summary>The reasoning text blocks of <paramref name="message"/> concatenated; empty when there are none.</summary>
    internal static string ReasoningTextOf(Message? message) =>
        string.Concat(ReasoningBlocksOf(message).Select(block => block.ReasoningText?.Text));

    private static IEnumerable<ReasoningContentBlock> ReasoningBlocksOf(Message? message) =>
        message?.Content is { } content
            ? content.Where(block => block.ReasoningContent is not null).Select(block => block.ReasoningContent!)
            : Enumerable.Empty<ReasoningContentBlock>();
}
