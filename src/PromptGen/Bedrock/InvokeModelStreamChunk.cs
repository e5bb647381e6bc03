using System;
using System.Text;

namespace PromptGen.Bedrock;

/// <summary>
/// One <c>chunk</c> event of an <c>InvokeModelWithResponseStream</c> answer: the model's native chunk (for Claude, a
/// Messages stream event such as <c>{"type":"content_block_delta",…}</c>), its base64 already decoded.
/// </summary>
public sealed class InvokeModelStreamChunk
{
    /// <summary>Creates a chunk, e.g. in a test double of <see cref="IBedrockRuntime"/>.</summary>
    /// <param name="bytes">The chunk's bytes.</param>
    public InvokeModelStreamChunk(ReadOnlyMemory<byte> bytes)
    {
        Bytes = bytes;
    }

    /// <summary>The chunk's bytes: the decoded <c>bytes</c> member of the event.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The media type of the chunks (the response's <c>X-Amzn-Bedrock-Content-Type</c>), when Bedrock sent it.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>x-amzn-RequestId</c> of the response the chunk came in.</summary>
    public string? RequestId { get; init; }

    /// <summary>The chunk as UTF-8 text (invalid bytes become U+FFFD).</summary>
    public string GetText() => Encoding.UTF8.GetString(Bytes.Span);
}
