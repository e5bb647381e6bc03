using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Bedrock;

public sealed partial class ConverseResponse
{
    /// <summary>
    /// The model's reasoning (extended thinking) in the answer, its text blocks concatenated; empty when the model
    /// did not reason or its reasoning came back redacted only.
    /// </summary>
    public string GetReasoningText() => string.Concat(ReasoningBlocks().Select(block => block.ReasoningText?.Text));

    /// <summary>The answer's reasoning blocks in order, text and redacted alike.</summary>
    public IEnumerable<ReasoningContentBlock> ReasoningBlocks() =>
        Output?.Message?.Content is { } content
            ? content.Where(block => block.ReasoningContent is not null).Select(block => block.ReasoningContent!)
            : Enumerable.Empty<ReasoningContentBlock>();
}
