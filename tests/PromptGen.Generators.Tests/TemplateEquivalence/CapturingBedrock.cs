using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>Keeps the first request a generated client sends, then stops the call: only the rendering matters here.</summary>
internal sealed class CapturingBedrock : IBedrockRuntime
{
    public ConverseRequest? Request { get; private set; }

    public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        Request ??= request;
        throw new RequestCapturedException();
    }

    public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        Request ??= request;
        throw new RequestCapturedException();
    }
}

internal sealed class RequestCapturedException : Exception
{
}
