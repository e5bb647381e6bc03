using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using PromptGen.Bedrock;
using PromptGen.Tools;

namespace PromptGen.CompilerServices;

/// <summary>
/// Streams of prompts with fallback models: the next model is tried only while no text has reached the caller.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PromptStreams
{
    /// <summary>A stream of <paramref name="request"/>'s answer from the first of <paramref name="models"/> that starts answering.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="models"/> is empty or names a model without an id.</exception>
    public static PromptStream WithFallbacks(IBedrockRuntime bedrock, ModelChoice[] models, ConverseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        for (int index = 0; index < models.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(models[index].ModelId))
            {
                throw new ArgumentException($"Model {index + 1} of the prompt has no id.", nameof(models));
            }
        }

        return new PromptStream(bedrock, models, request, cancellationToken);
    }

    /// <summary>
    /// A stream of <paramref name="request"/>'s answer that runs the model's calls of <paramref name="tools"/> between
    /// its turns: text deltas of every turn are streamed, and the stream's tool events say when each call runs and
    /// returns. Each model turn may fall back to the next of <paramref name="models"/> until its first text reached the
    /// caller; the model that answered a turn keeps the conversation.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No models, a model without an id, no tools, two tools with one name, or a request with its own toolConfig.</exception>
    public static PromptStream WithTools(
        IBedrockRuntime bedrock, ModelChoice[] models, ConverseRequest request, IReadOnlyList<ToolDefinition> tools, ToolLoopOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(options);
        _ = new TurnModels(models);
        // The tools are checked at the call, as a tool loop that does not stream checks them; nothing is sent yet.
        _ = ToolLoop.OpenText(request, tools, options, out _);
        return new PromptStream(bedrock, models, request, tools, options, cancellationToken);
    }

    /// <summary>A stream of <paramref name="request"/>'s answer from <paramref name="modelId"/> that runs the model's tool calls between its turns.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No tools, two tools with one name, or a request with its own toolConfig.</exception>
    public static PromptStream WithTools(
        IBedrockRuntime bedrock, string modelId, ConverseRequest request, IReadOnlyList<ToolDefinition> tools, ToolLoopOptions options, CancellationToken cancellationToken) =>
        WithTools(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, tools, options, cancellationToken);
}
