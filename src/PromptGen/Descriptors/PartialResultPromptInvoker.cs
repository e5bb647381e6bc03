using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Descriptors;

/// <summary>
/// A method that returns <c>ResultStream&lt;T, TPartial&gt;</c>: previewed and run whole as any typed method (the
/// structured invoker does both), and streamed through the same <see cref="ResultStream{T, TPartial}"/> the method
/// returns, each snapshot written as JSON by the generated writer of its partial type.
/// </summary>
internal sealed class PartialResultPromptInvoker<TArguments, TResult, TPartial> : PromptInvoker
{
    private readonly StructuredPromptInvoker<TArguments, TResult> _whole;
    private readonly Func<byte[], ParseOutcome<TArguments>> _parse;
    private readonly Func<TArguments, ConverseRequest> _build;
    private readonly StructuredOutputSpec<TResult> _spec;
    private readonly Action<Utf8JsonWriter, TResult> _write;
    private readonly Func<PartialValueBuilder<TPartial>> _createBuilder;
    private readonly Action<Utf8JsonWriter, TPartial> _writePartial;
    private readonly IReadOnlyList<ModelChoice> _models;

    public PartialResultPromptInvoker(
        Func<byte[], ParseOutcome<TArguments>> parse,
        Func<TArguments, ConverseRequest> build,
        StructuredOutputSpec<TResult> spec,
        Action<Utf8JsonWriter, TResult> write,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        Action<Utf8JsonWriter, TPartial> writePartial,
        IReadOnlyList<ModelChoice> models)
    {
        _whole = new StructuredPromptInvoker<TArguments, TResult>(parse, build, spec, write, models);
        _parse = parse;
        _build = build;
        _spec = spec;
        _write = write;
        _createBuilder = createBuilder;
        _writePartial = writePartial;
        _models = models;
    }

    internal override bool WrapsResult => _whole.WrapsResult;

    internal override bool StreamsPartials => true;

    internal override PromptPreview Render(PromptDescriptor descriptor, string argumentsJson) => _whole.Render(descriptor, argumentsJson);

    internal override Task<PromptRunResult> RunAsync(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken) =>
        _whole.RunAsync(descriptor, bedrock, argumentsJson, modelId, cancellationToken);

    // Its answer is a typed result: no text stream (see StreamPartials).
    internal override PromptStream? Stream(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken) => null;

    internal override PromptPartialStream StreamPartials(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        // Arguments are read (and refused) at the call, as the method renders its templates at the call.
        ConverseRequest request = _build(ReadArguments(descriptor, argumentsJson, _parse));
        var stream = new ResultStream<TResult, TPartial>(bedrock, descriptor.ModelsFor(modelId, _models), request, _spec, _createBuilder, tools: null, toolOptions: null, cancellationToken);
        return new PromptPartialStream(
            token => Snapshots(descriptor, stream, token).GetAsyncEnumerator(token),
            () => ToRunResult(stream.ToResult(), WriteJson(writer => _write(writer, stream.Value))),
            () => stream.ModelId);
    }

    private async IAsyncEnumerable<PromptPartial> Snapshots(PromptDescriptor descriptor, ResultStream<TResult, TPartial> stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PromptInvocation.Enter(descriptor.InterfaceName, descriptor.MethodName);
        await foreach (TPartial partial in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new PromptPartial(stream.Attempt, WriteJson(writer => _writePartial(writer, partial)));
        }
    }
}
