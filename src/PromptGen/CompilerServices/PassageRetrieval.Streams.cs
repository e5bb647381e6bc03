using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Tools;

namespace PromptGen.CompilerServices;

// Streaming methods that retrieve: the method returns its stream at once, as every streaming method does, and the
// stream retrieves and builds the request (whose templates read the passages) when it is enumerated, before the first
// model turn. So a template error of such a method is thrown by the enumeration, not by the call.
public static partial class PassageRetrieval
{
    /// <summary>
    /// The text stream of a method that retrieves: <paramref name="prepare"/> retrieves and builds the request when the
    /// stream is enumerated; then it streams like any prompt stream (fallback <paramref name="models"/>, and with
    /// <paramref name="tools"/> the model's calls between its turns). The passages are on <see cref="PromptStream.Passages"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">No models, or a model without an id.</exception>
    public static PromptStream Stream(
        IBedrockRuntime bedrock,
        ModelChoice[] models,
        Func<CancellationToken, Task<RetrievedRequest>> prepare,
        IReadOnlyList<ToolDefinition>? tools,
        ToolLoopOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        _ = new TurnModels(models ?? throw new ArgumentNullException(nameof(models)));
        if (tools is not null)
        {
            ArgumentNullException.ThrowIfNull(options);
        }

        return new PromptStream(bedrock, models, prepare, tools, options, cancellationToken);
    }

    /// <summary>
    /// The typed result stream of a method that retrieves: <paramref name="prepare"/> retrieves and builds the request
    /// when the stream is enumerated; then it streams snapshots like <see cref="ResultStreams.Create"/>. The passages are
    /// on <see cref="ResultStream{T, TPartial}.Passages"/> and on the result.
    /// </summary>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">No models, or a model without an id.</exception>
    public static ResultStream<T, TPartial> ResultStream<T, TPartial>(
        IBedrockRuntime bedrock,
        ModelChoice[] models,
        Func<CancellationToken, Task<RetrievedRequest>> prepare,
        StructuredOutputSpec<T> spec,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        IReadOnlyList<ToolDefinition>? tools,
        ToolLoopOptions? options,
        CancellationToken cancellationToken)
    {
        _ = new TurnModels(models ?? throw new ArgumentNullException(nameof(models)));
        return new ResultStream<T, TPartial>(bedrock, models, prepare, spec, createBuilder, tools, options, cancellationToken);
    }
}
