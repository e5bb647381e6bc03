using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Descriptors;

/// <summary>A method whose result is the answer's text.</summary>
internal sealed class TextPromptInvoker<TArguments> : PromptInvoker
{
    private readonly Func<byte[], ParseOutcome<TArguments>> _parse;
    private readonly Func<TArguments, ConverseRequest> _build;
    private readonly IReadOnlyList<ModelChoice> _models;

    public TextPromptInvoker(Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, ConverseRequest> build, IReadOnlyList<ModelChoice> models)
    {
        _parse = parse;
        _build = build;
        _models = models;
    }

    internal override PromptPreview Render(PromptDescriptor descriptor, string argumentsJson)
    {
        ConverseRequest request = _build(ReadArguments(descriptor, argumentsJson, _parse));
        return Preview(_models[0].ModelId, request, request);
    }

    internal override async Task<PromptRunResult> RunAsync(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ConverseRequest request = _build(ReadArguments(descriptor, argumentsJson, _parse));
        PromptInvocation.Enter(descriptor.InterfaceName, descriptor.MethodName);
        PromptResult<string> result = await TextPrompt.RunWithDetailsAsync(bedrock, descriptor.ModelsFor(modelId, _models), request, cancellationToken).ConfigureAwait(false);
        return ToRunResult(result, WriteJson(writer => writer.WriteStringValue(result.Value)));
    }

    internal override PromptStream Stream(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ConverseRequest request = _build(ReadArguments(descriptor, argumentsJson, _parse));
        return StreamText(descriptor, bedrock, request, descriptor.ModelsFor(modelId, _models), cancellationToken);
    }
}
