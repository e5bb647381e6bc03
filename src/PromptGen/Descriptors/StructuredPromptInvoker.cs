using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;

namespace PromptGen.Descriptors;

/// <summary>A method whose result is typed: asked for by its strategy, read and repaired by its spec, written back as JSON.</summary>
internal sealed class StructuredPromptInvoker<TArguments, TResult> : PromptInvoker
{
    private readonly Func<byte[], ParseOutcome<TArguments>> _parse;
    private readonly Func<TArguments, ConverseRequest> _build;
    private readonly StructuredOutputSpec<TResult> _spec;
    private readonly Action<Utf8JsonWriter, TResult> _write;
    private readonly IReadOnlyList<ModelChoice> _models;

    public StructuredPromptInvoker(
        Func<byte[], ParseOutcome<TArguments>> parse,
        Func<TArguments, ConverseRequest> build,
        StructuredOutputSpec<TResult> spec,
        Action<Utf8JsonWriter, TResult> write,
        IReadOnlyList<ModelChoice> models)
    {
        _parse = parse;
        _build = build;
        _spec = spec;
        _write = write;
        _models = models;
    }

    // Only a plain object is its own schema's root (ResultRoot; the generator's JsonSchemaWriter wraps the rest).
    internal override bool WrapsResult => _spec.Reader.Root != ResultRoot.Object;

    internal override PromptPreview Render(PromptDescriptor descriptor, string argumentsJson)
    {
        ConverseRequest request = _build(ReadArguments(descriptor, argumentsJson, _parse));
        // What StructuredPrompt sends on the first attempt: the request shaped for the first model's strategy.
        ConverseRequest sent = StructuredRequestShaper.Shape(request, _spec.WithStrategy(_models[0].Strategy));
        return Preview(_models[0].ModelId, request, sent);
    }

    internal override async Task<PromptRunResult> RunAsync(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ConverseRequest request = _build(ReadArguments(descriptor, argumentsJson, _parse));
        PromptInvocation.Enter(descriptor.InterfaceName, descriptor.MethodName);
        PromptResult<TResult> result = await StructuredPrompt.RunWithDetailsAsync(bedrock, descriptor.ModelsFor(modelId, _models), request, _spec, cancellationToken).ConfigureAwait(false);
        return ToRunResult(result, WriteJson(writer => _write(writer, result.Value)));
    }

    // A typed answer is JSON read whole (streamed partial objects need ResultStream methods, which have no descriptor yet).
    internal override PromptStream? Stream(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken) => null;
}
