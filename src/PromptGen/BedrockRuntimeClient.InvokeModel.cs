using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.EventStream;
using PromptGen.Bedrock.Http;
using PromptGen.Pricing;

namespace PromptGen;

// InvokeModel and InvokeModelWithResponseStream (wire spec §5): model-native bodies, sent through the same signing,
// retry pipeline, error mapping and cancellation rules as Converse and ConverseStream.
public sealed partial class BedrockRuntimeClient
{
    /// <inheritdoc />
    /// <remarks>
    /// Signed, retried and timed like <see cref="ConverseAsync"/>: every attempt is signed afresh, throttling and
    /// transient failures are retried as <see cref="BedrockOptions.Retry"/> says, and the caller's token cancels at
    /// once. The body is copied once, so the caller may reuse its buffer when the call returns. The answer is read whole,
    /// up to <see cref="BedrockOptions.MaxResponseSize"/> (32 MiB by default): several large images can exceed it.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is null, empty or too long, the body is larger than 25,000,000 bytes, or an option is malformed.</exception>
    /// <exception cref="BedrockServiceException">Bedrock answered with an error; the subclass names it (a body the model rejects is <see cref="BedrockValidationException"/>).</exception>
    /// <exception cref="BedrockConfigurationException">No usable credentials.</exception>
    /// <exception cref="BedrockConnectionException">Bedrock could not be reached, or the connection broke.</exception>
    /// <exception cref="BedrockTimeoutException">The call took longer than the time limit.</exception>
    /// <exception cref="BedrockResponseTooLargeException">The answer or error response is larger than <see cref="BedrockOptions.MaxResponseSize"/>; not retried.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<InvokeModelResponse> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateModelId(modelId);
        InvokeModelHeaders.Validate(body, options);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        byte[] requestBody = body.ToArray();
        Uri uri = BedrockOperationUri.Invoke(Endpoint, modelId);
        string invocationId = InvocationIds.Next();
        InvokeModelResponse response = await _pipeline.ExecuteAsync(
                (attempt, maxAttempts, attemptToken) => InvokeAttemptAsync(uri, requestBody, options, invocationId, attempt, maxAttempts, attemptToken),
                cancellationToken)
            .ConfigureAwait(false);
        response.EstimatedCostUsd = ModelPriceTable.AtStandardPrices(options) ? _prices.EstimateInvoke(modelId, Region, requestBody, response) : null;
        return response;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Opening the stream goes through the retry policy and time limit of <see cref="InvokeModelAsync"/>; once the
    /// first chunk may have reached the caller nothing is retried. Each frame is checked (checksums, lengths, at most
    /// <see cref="BedrockOptions.MaxResponseSize"/> and 16 MiB) as it arrives; the whole stream is bounded by
    /// <see cref="BedrockOptions.StreamTimeout"/> and each wait for a frame by <see cref="BedrockOptions.StreamIdleTimeout"/>, as for
    /// ConverseStream. A stream may end after
    /// any chunk: the model's own chunks say when an answer is complete. Errors: as for ConverseStream — an
    /// exception Bedrock sends inside the stream as the same <see cref="BedrockServiceException"/> subclass, a
    /// corrupt or truncated stream as <see cref="BedrockEventStreamException"/>, a broken connection as
    /// <see cref="BedrockConnectionException"/>, a stalled one as <see cref="BedrockTimeoutException"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is null, empty or too long, the body is too large, or an option is malformed (raised at the call, not at enumeration).</exception>
    public IAsyncEnumerable<InvokeModelStreamChunk> InvokeModelWithResponseStreamAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateModelId(modelId);
        InvokeModelHeaders.Validate(body, options);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return InvokeStreamAsync(BedrockOperationUri.InvokeWithResponseStream(Endpoint, modelId), body.ToArray(), options, cancellationToken);
    }

    private async Task<InvokeModelResponse> InvokeAttemptAsync(
        Uri uri, byte[] body, InvokeModelOptions? options, string invocationId, int attempt, int maxAttempts, CancellationToken cancellationToken)
    {
        // cancellationToken is the pipeline's: it carries the caller's token and both time limits.
        using var message = new HttpRequestMessage(HttpMethod.Post, uri);
        message.Content = new ByteArrayContent(body);
        InvokeModelHeaders.Apply(message, options, stream: false);
        BedrockRequestHeaders.Apply(message, invocationId, attempt, maxAttempts);

        try
        {
            using HttpResponseMessage response = await SendAuthenticatedAsync(message, body, cancellationToken).ConfigureAwait(false);
            string? requestId = RequestIdOf(response);
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadServiceErrorAsync(response, message, requestId, cancellationToken).ConfigureAwait(false);
            }

            // Bounded like a Converse answer (BedrockOptions.MaxResponseSize): image answers are the largest bodies
            // Bedrock sends, so raise the limit for many large images rather than lose the bound.
            byte[] responseBody = await ResponseBodyReader.ReadAsync(response, _maxResponseSize, requestId, cancellationToken).ConfigureAwait(false);
            return InvokeModelHeaders.ReadResponse(response, responseBody, requestId);
        }
        catch (Exception e) when (TranslateOpenFailure(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The chunks of an InvokeModelWithResponseStream answer, read by the shared event-stream loop; each carries the answer's chunk content type.</summary>
    private IAsyncEnumerable<InvokeModelStreamChunk> InvokeStreamAsync(Uri uri, byte[] body, InvokeModelOptions? options, CancellationToken cancellationToken) =>
        ReadEventStreamAsync(
            (invocationId, attempt, maxAttempts, attemptToken) => OpenInvokeStreamAttemptAsync(uri, body, options, invocationId, attempt, maxAttempts, attemptToken),
            (frame, offset, opened) => InvokeModelStreamDecoder.Decode(frame, offset, opened.RequestId, opened.Redactor) is { } bytes
                ? new InvokeModelStreamChunk(bytes) { ContentType = HeaderValue(opened.Response, InvokeModelHeaders.StreamContentType), RequestId = opened.RequestId }
                : null,
            endOfStream: null, // no closing event: the stream may end after any chunk
            cancellationToken);

    /// <summary>
    /// One attempt at opening an InvokeModelWithResponseStream answer: on a 2xx event stream, the response with its
    /// body not yet read (its headers carry the chunks' content type); otherwise the typed error, so the pipeline can decide on a retry.
    /// </summary>
    private Task<OpenedStream> OpenInvokeStreamAttemptAsync(
        Uri uri, byte[] body, InvokeModelOptions? options, string invocationId, int attempt, int maxAttempts, CancellationToken cancellationToken)
    {
        HttpRequestMessage message = NewStreamRequest(uri, body);
        InvokeModelHeaders.Apply(message, options, stream: true);
        BedrockRequestHeaders.Apply(message, invocationId, attempt, maxAttempts);
        return OpenEventStreamAsync(message, body, "InvokeModelWithResponseStream", cancellationToken);
    }
}
