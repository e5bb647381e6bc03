using System;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.AI;

/// <summary>
/// Bedrock reasoning blocks as <see cref="TextReasoningContent"/> and back. The signature (or the redacted bytes,
/// base64) travels in <see cref="TextReasoningContent.ProtectedData"/>, so a conversation sent back keeps the
/// reasoning Claude requires unchanged.
/// </summary>
internal static class ReasoningContents
{
    public static TextReasoningContent FromBlock(ReasoningContentBlock reasoning, ContentBlock block) => new(reasoning.ReasoningText?.Text ?? string.Empty)
    {
        ProtectedData = reasoning.ReasoningText?.Signature ?? Base64(reasoning.RedactedContent),
        RawRepresentation = block,
    };

    public static TextReasoningContent FromDelta(ReasoningContentBlockDelta delta) => new(delta.Text ?? string.Empty)
    {
        ProtectedData = delta.Signature ?? Base64(delta.RedactedContent),
        RawRepresentation = delta,
    };

    /// <summary>The block as Bedrock sent it when known; else rebuilt from text and signature, or from redacted data.</summary>
    public static ContentBlock? ToBlock(TextReasoningContent reasoning)
    {
        if (reasoning.RawRepresentation is ContentBlock { ReasoningContent: not null } original)
        {
            return original;
        }

        if (reasoning.Text.Length > 0)
        {
            return new ContentBlock { ReasoningContent = new ReasoningContentBlock { ReasoningText = new ReasoningTextBlock { Text = reasoning.Text, Signature = reasoning.ProtectedData } } };
        }

        return reasoning.ProtectedData is { Length: > 0 } data && TryBase64(data) is { } redacted
            ? new ContentBlock { ReasoningContent = new ReasoningContentBlock { RedactedContent = redacted } }
            : null;
    }

    private static string? Base64(byte[]? bytes) => bytes is null ? null : Convert.ToBase64String(bytes);

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, buffer, out int written) ? buffer.AsSpan(0, written).ToArray() : null;
    }
}
