using System.Collections.Generic;
using System.Linq;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing;

/// <summary>What a script rule sees of a Converse request that passed authentication and validation.</summary>
public sealed class ConverseCall
{
    internal ConverseCall(string modelId, string? systemText, string? userText, ConverseFeatures features)
    {
        ModelId = modelId;
        SystemText = systemText;
        UserText = userText;
        Features = features;
        ToolNames = features.Tools.Select(tool => tool.Name).ToArray();
    }

    /// <summary>
    /// The operation: <c>Converse</c>, <c>ConverseStream</c>, <c>InvokeModel</c> or <c>InvokeModelWithResponseStream</c>. For the
    /// InvokeModel operations <see cref="UserText"/> is what the native body asks about (an image prompt, the last user
    /// message of a chat body, the texts to embed joined with newlines) and the tool and media members are empty.
    /// <c>RetrieveAndGenerate</c> (a knowledge base answer): <see cref="ModelId"/> is the model of its <c>modelArn</c> and
    /// <see cref="UserText"/> the prompt rendered with the retrieved passages.
    /// </summary>
    public string Operation { get; internal init; } = "Converse";

    /// <summary>The model id, percent-decoded from the path.</summary>
    public string ModelId { get; }

    /// <summary>The text blocks of <c>system</c>, joined with newlines; null when there are none.</summary>
    public string? SystemText { get; }

    /// <summary>The prompt: the text blocks of the last user message, joined with newlines; null when there are none.</summary>
    public string? UserText { get; }

    /// <summary>True when the request has a <c>toolConfig</c>.</summary>
    public bool HasToolConfig => Features.HasToolConfig;

    /// <summary>The names of the request's <c>toolSpec</c> tools, in order.</summary>
    public IReadOnlyList<string> ToolNames { get; }

    /// <summary>The <c>toolChoice</c> kind: <c>auto</c>, <c>any</c> or <c>tool</c>; null when the request sets none.</summary>
    public string? ToolChoice => Features.ToolChoice;

    /// <summary>The tool that <c>toolChoice.tool</c> forces; null otherwise.</summary>
    public string? ForcedToolName => Features.ForcedToolName;

    /// <summary>True when the request has an <c>outputConfig</c> (native structured output).</summary>
    public bool HasOutputConfig => Features.HasOutputConfig;

    /// <summary>How many messages the conversation holds, the last user turn included.</summary>
    public int MessageCount => Features.MessageCount;

    /// <summary>
    /// The <c>toolResult</c> blocks of the last user turn, in order: what the client sent back for the previous
    /// answer's tool calls. Empty on a first turn.
    /// </summary>
    public IReadOnlyList<EmulatorToolResult> ToolResults => Features.LastToolResults;

    /// <summary>True when the last user turn answers the tool call <paramref name="toolUseId"/>.</summary>
    public bool HasToolResultFor(string toolUseId) => ToolResults.Any(result => result.ToolUseId == toolUseId);

    /// <summary>The content blocks of the last user message in order, media included.</summary>
    public IReadOnlyList<RecordedContentBlock> UserContent => Features.UserContent;

    internal ConverseFeatures Features { get; }
}
