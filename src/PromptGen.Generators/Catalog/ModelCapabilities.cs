using System;

namespace PromptGen.Generators.Catalog;

/// <summary>What a model accepts through the Converse API (wire spec §3, §7).</summary>
[Flags]
internal enum ModelCapabilities
{
    None = 0,
    Converse = 1,
    ConverseStream = 2,
    SystemPrompt = 4,
    ToolUse = 8,

    /// <summary><c>toolChoice</c> <c>any</c> or <c>tool</c>; <c>auto</c> needs only <see cref="ToolUse"/>.</summary>
    ForcedToolChoice = 16,
    StreamingToolUse = 32,

    /// <summary><c>outputConfig.textFormat</c> of type <c>json_schema</c>.</summary>
    NativeStructuredOutput = 64,
    Images = 128,
    Documents = 256,
    Video = 512,

    /// <summary>Extended thinking / reasoning content blocks.</summary>
    Reasoning = 1024,

    All = Converse | ConverseStream | SystemPrompt | ToolUse | ForcedToolChoice | StreamingToolUse
        | NativeStructuredOutput | Images | Documents | Video | Reasoning,
}
