using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>
/// A <c>reasoningContent</c> block: the model's reasoning (extended thinking), a union of
/// <see cref="ReasoningText"/> and <see cref="RedactedContent"/>. Send it back unchanged in later turns of the same
/// conversation (tool loops, repair turns): Claude rejects a turn whose thinking was altered or dropped.
/// </summary>
public sealed class ReasoningContentBlock
{
    /// <summary>The reasoning text and its signature (<c>reasoningText</c>).</summary>
    public ReasoningTextBlock? ReasoningText { get; set; }

    /// <summary>Reasoning the provider encrypted (base64 on the wire).</summary>
    public byte[]? RedactedContent { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>Reasoning text with the signature that authenticates it.</summary>
public sealed class ReasoningTextBlock
{
    /// <summary>The reasoning (<c>text</c>).</summary>
    public string Text { get; set; } = "";

    /// <summary>The signature that authenticates <see cref="Text"/> (<c>signature</c>); send it back unchanged.</summary>
    public string? Signature { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}
