using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PromptGen.Bedrock;
using PromptGen.Telemetry;

namespace PromptGen;

/// <summary>
/// An <see cref="IBedrockRuntime"/> that logs, traces and measures every call of the runtime it wraps: a span per
/// call and the <c>gen_ai.client.*</c> histograms following the OpenTelemetry GenAI semantic conventions, tagged
/// with the prompt interface and method; logs in category <see cref="PromptGenTelemetry.LoggerCategory"/>.
/// <c>services.AddPromptGen()</c> registers it in front of the Bedrock client; without DI, wrap the client:
/// <c>ISupportPrompts.Create(new InstrumentedBedrockRuntime(bedrock, loggerFactory))</c>.
/// </summary>
public sealed partial class InstrumentedBedrockRuntime : IBedrockRuntime
{
    private readonly IBedrockRuntime _inner;
    private readonly BedrockInstrumentation _instrumentation;

    /// <param name="inner">The runtime calls go to.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="meterFactory">The application's meter factory; a shared meter when null.</param>
    /// <param name="timeProvider">The clock durations are measured with; the system clock when null.</param>
    /// <param name="enableSensitiveData">Log rendered prompts and raw answers at Trace level (they can hold personal data).</param>
    public InstrumentedBedrockRuntime(
        IBedrockRuntime inner,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        TimeProvider? timeProvider = null,
        bool enableSensitiveData = false)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _instrumentation = new BedrockInstrumentation(
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(PromptGenTelemetry.LoggerCategory),
            PromptGenMetrics.Create(meterFactory),
            timeProvider ?? TimeProvider.System,
            (inner as BedrockRuntimeClient)?.Endpoint,
            enableSensitiveData);
    }

    /// <summary>The runtime calls go to.</summary>
    public IBedrockRuntime Inner => _inner;

    /// <inheritdoc />
    public async Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        using BedrockCallScope call = BedrockCallScope.Start(_instrumentation, modelId, request);
        try
        {
            ConverseResponse response = await _inner.ConverseAsync(modelId, request, cancellationToken).ConfigureAwait(false);
            call.Complete(response);
            return response;
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            throw;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using BedrockCallScope call = BedrockCallScope.Start(_instrumentation, modelId, request);
        IAsyncEnumerator<ConverseStreamEvent> events = _inner.ConverseStreamAsync(modelId, request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ConverseStreamEvent current;
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    current = events.Current;
                }
                catch (Exception exception)
                {
                    call.Fail(exception);
                    throw;
                }

                switch (current)
                {
                    case MessageStopEvent stop:
                        call.Observe(usage: null, stop.StopReason);
                        break;
                    case ConverseStreamMetadataEvent metadata:
                        call.Observe(metadata.Usage, stopReason: null);
                        break;
                }

                yield return current;
            }

            call.Complete();
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The span's operation is <c>embeddings</c> for embedding models, <c>generate_content</c> for image models,
    /// <c>text_completion</c> for raw-prompt models (Llama, Mistral) and <c>chat</c> otherwise, unless
    /// <see cref="InvokeModelOptions.Operation"/> says; token usage comes from Bedrock's token-count headers.
    /// </remarks>
    public async Task<InvokeModelResponse> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        using BedrockCallScope call = BedrockCallScope.StartInvoke(
            _instrumentation, modelId, "InvokeModel", InvokeBodies.OperationName(modelId, options?.Operation), body, options?.ContentType);
        try
        {
            InvokeModelResponse response = await _inner.InvokeModelAsync(modelId, body, options, cancellationToken).ConfigureAwait(false);
            call.Complete(response);
            return response;
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One span covers the whole stream; token usage comes from the <c>amazon-bedrock-invocationMetrics</c> Bedrock adds
    /// to the last chunk.
    /// </remarks>
    public async IAsyncEnumerable<InvokeModelStreamChunk> InvokeModelWithResponseStreamAsync(
        string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using BedrockCallScope call = BedrockCallScope.StartInvoke(
            _instrumentation, modelId, "InvokeModelWithResponseStream", InvokeBodies.OperationName(modelId, options?.Operation), body, options?.ContentType);
        IAsyncEnumerator<InvokeModelStreamChunk> chunks;
        try
        {
            chunks = _inner.InvokeModelWithResponseStreamAsync(modelId, body, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            throw;
        }

        try
        {
            while (true)
            {
                InvokeModelStreamChunk current;
                try
                {
                    if (!await chunks.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    current = chunks.Current;
                }
                catch (Exception exception)
                {
                    call.Fail(exception);
                    throw;
                }

                if (InvokeBodies.TryReadInvocationMetrics(current.Bytes.Span, out int? inputTokens, out int? outputTokens))
                {
                    call.ObserveTokens(inputTokens, outputTokens);
                }

                yield return current;
            }

            call.Complete();
        }
        finally
        {
            await chunks.DisposeAsync().ConfigureAwait(false);
        }
    }
}
