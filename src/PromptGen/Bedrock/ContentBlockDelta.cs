using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>The <c>delta</c> union of a <see cref="ContentBlockDeltaEvent"/>: exactly one member is set.</summary>
public sealed class ContentBlockDelta
{
    /// <summary>The next fragment of a text block.</summary>
    public string? Text { get; set; }

    /// <summary>The next fragment of a tool call's JSON input.</summary>
    public ToolUseBlockDelta? ToolUse { get; set; }

    /// <summary>The next piece of the model's reasoning (extended thinking).</summary>
    public ReasoningContentBlockDelta? ReasoningContent { get; set; }

    /// <summary>A citation for the text generated so far, as the service sent it.</summary>
    public JsonElement? Citation { get; set; }

    /// <summary>The next pieces of a server-side tool result.</summary>
    public List<ToolResultBlockDelta>? ToolResult { get; set; }

    /// <summary>The next piece of a generated image (<c>source</c> or <c>error</c>), as the service sent it.</summary>
    public JsonElement? Image { get; set; }

    /// <summary>Delta members added to the service after this library.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// A fragment of a tool call's input. Fragments are not JSON on their own: concatenate every fragment of one
/// <see cref="ContentBlockDeltaEvent.ContentBlockIndex"/> and parse the result at <see cref="ContentBlockStopEvent"/>.
/// </summary>
public sealed class ToolUseBlockDelta
{
    /// <summary>The next fragment of the tool's JSON input (<c>input</c>); not JSON on its own.</summary>
    public string Input { get; set; } = "";

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>A reasoning delta: one of the members is set.</summary>
public sealed class ReasoningContentBlockDelta
{
    /// <summary>The next fragment of the reasoning text.</summary>
    public string? Text { get; set; }

    /// <summary>Reasoning the provider encrypted (base64 on the wire); send it back unchanged in later turns.</summary>
    public byte[]? RedactedContent { get; set; }

    /// <summary>The signature that authenticates the reasoning text; send it back unchanged in later turns.</summary>
    public string? Signature { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>A piece of a server-side tool result: <c>text</c> or <c>json</c>.</summary>
public sealed class ToolResultBlockDelta
{
    /// <summary>The next piece as text (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>The next piece as JSON (<c>json</c>).</summary>
    public JsonElement? Json { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}
