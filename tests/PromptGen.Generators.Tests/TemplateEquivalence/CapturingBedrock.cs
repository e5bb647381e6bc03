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

    /// <summary>The prompt an image method sent (Stability's <c>prompt</c>, Nova Canvas' and Titan's <c>textToImageParams.text</c>).</summary>
    public string? ImagePrompt { get; private set; }

    public Task<InvokeModelResponse> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        System.Text.Json.JsonElement root = document.RootElement;
        ImagePrompt ??= root.TryGetProperty("prompt", out System.Text.Json.JsonElement prompt)
            ? prompt.GetString()
            : root.GetProperty("textToImageParams").GetProperty("text").GetString();
        throw new RequestCapturedException();
    }
}

internal sealed class RequestCapturedException : Exception
{
}
