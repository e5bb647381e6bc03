using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using PromptGen.Bedrock;
using PromptGen.Tools;

namespace PromptGen.CompilerServices;

/// <summary>
/// Typed result streams with fallback models or tools. Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultStreams
{
    /// <summary>
    /// The stream of a typed result: <paramref name="models"/> are tried in order while no snapshot reached the caller
    /// (each with its own strategy), and with <paramref name="tools"/> the model's calls run between its turns, the
    /// partial value continuing across each round; the stream's tool events say when each call runs and returns.
    /// </summary>
    /// <param name="bedrock">The runtime that sends the <c>ConverseStream</c> requests.</param>
    /// <param name="models">The models in the order tried: the method's, then its fallback models.</param>
    /// <param name="request">The request to send, before the result's strategy shapes it.</param>
    /// <param name="spec">The result's schema, strategy and generated parser.</param>
    /// <param name="createBuilder">Creates the generated builder of <typeparamref name="TPartial"/> snapshots, once per attempt.</param>
    /// <param name="tools">The tools the model may call, or null for none.</param>
    /// <param name="options">How the tool loop runs; required with <paramref name="tools"/>.</param>
    /// <param name="cancellationToken">Cancels the stream, in addition to the enumeration's own token.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">No models, a model without an id, or (with tools) no tools, two tools with one name, or a tool named like the result tool.</exception>
    public static ResultStream<T, TPartial> Create<T, TPartial>(
        IBedrockRuntime bedrock,
        ModelChoice[] models,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        IReadOnlyList<ToolDefinition>? tools,
        ToolLoopOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        _ = new TurnModels(models);
        if (tools is not null)
        {
            // The tools are checked at the call, as a tool loop that does not stream checks them; nothing is sent yet.
            _ = ToolLoop.OpenStructured(request, spec, tools, options ?? throw new ArgumentNullException(nameof(options)), models, out _);
        }

        return new ResultStream<T, TPartial>(bedrock, models, request, spec, createBuilder, tools, options, cancellationToken);
    }
}
