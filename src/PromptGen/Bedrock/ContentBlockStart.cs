using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>The <c>start</c> union of a <see cref="ContentBlockStartEvent"/>: exactly one member is set.</summary>
public sealed class ContentBlockStart
{
    /// <summary>A tool call begins; its input follows as <see cref="ToolUseBlockDelta"/> fragments.</summary>
    public ToolUseBlockStart? ToolUse { get; set; }

    /// <summary>A result of a tool Bedrock ran itself begins.</summary>
    public ToolResultBlockStart? ToolResult { get; set; }

    /// <summary>A generated image begins.</summary>
    public ImageBlockStart? Image { get; set; }

    /// <summary>Start members added to the service after this library.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>The start of a tool use block: which tool, and the id its result must quote.</summary>
public sealed class ToolUseBlockStart
{
    /// <summary>The id of the call (<c>toolUseId</c>); the matching tool result quotes it.</summary>
    public string ToolUseId { get; set; } = "";

    /// <summary>The name of the tool called (<c>name</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>server_tool_use</c> for tools Bedrock runs itself; otherwise absent.</summary>
    public string? Type { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>The start of a tool result block (server-side tools).</summary>
public sealed class ToolResultBlockStart
{
    /// <summary>The id of the call this result answers (<c>toolUseId</c>).</summary>
    public string ToolUseId { get; set; } = "";

    /// <summary>The kind of server-side tool result (<c>type</c>), as the service sent it.</summary>
    public string? Type { get; set; }

    /// <summary>Whether the server-side tool succeeded.</summary>
    public ToolResultStatus? Status { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>The start of an image block.</summary>
public sealed class ImageBlockStart
{
    /// <summary><c>png</c>, <c>jpeg</c>, <c>gif</c> or <c>webp</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}
