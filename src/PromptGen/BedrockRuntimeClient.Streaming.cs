using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Errors;
using PromptGen.Bedrock.EventStream;
using PromptGen.Bedrock.Http;
using PromptGen.Bedrock.Retries;
using PromptGen.Pricing;

namespace PromptGen;

public sealed partial class BedrockRuntimeClient
{
    private const string EventStreamMediaType = "application/vnd.amazon.eventstream";

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// Opening the stream (sending, signing, the response headers) goes through the same retry policy and time
    /// limit as <see cref="ConverseAsync"/>; once the first event may have reached the caller nothing is retried.
    /// The events are then read as their bytes arrive (<c>application/vnd.amazon.eventstream</c>, every frame's
    /// checksums verified, one frame in memory at a time, each at most <see cref="BedrockOptions.MaxResponseSize"/>
    /// and 16 MiB). The whole stream, from the call to its last event, is bounded by
    /// <see cref="BedrockOptions.StreamTimeout"/> (by default <see cref="BedrockOptions.Timeout"/>), and each wait for
    /// the next event by <see cref="BedrockOptions.StreamIdleTimeout"/>; set <c>StreamTimeout</c> to
    /// <see cref="Timeout.InfiniteTimeSpan"/> for long generations.
    /// </para>
    /// <para>
    /// Errors: the same as <see cref="ConverseAsync"/> before the stream starts; an exception Bedrock sends inside
    /// the stream (<c>throttlingException</c>, <c>modelStreamErrorException</c>, ...) as the same
    /// <see cref="BedrockServiceException"/> subclass; a corrupt, oversized or truncated stream as
    /// <see cref="BedrockEventStreamException"/>; a connection broken mid-stream as <see cref="BedrockConnectionException"/>;
    /// a stream past its overall or idle limit as <see cref="BedrockTimeoutException"/>; an error response larger than
    /// <see cref="BedrockOptions.MaxResponseSize"/> as <see cref="BedrockResponseTooLargeException"/>; cancellation as <see cref="OperationCanceledException"/>
    /// for <paramref name="cancellationToken"/>, which also closes the connection.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is null, empty or too long (raised at the call, not at enumeration).</exception>
    public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        ValidateModelId(modelId);
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return EstimatingCost(modelId, ModelPriceTable.AtStandardPrices(request), StreamAsync(BedrockOperationUri.ConverseStream(Endpoint, modelId), Serialize(request), cancellationToken));
    }

    /// <summary>The largest event-stream frame the client reads; larger ones fail as <see cref="EventStreamErrorKind.MessageTooLarge"/>.</summary>
    internal int MaxEventStreamMessageLength { get; init; } = EventStreamReader.DefaultMaxMessageLength;

    /// <summary>
    /// An event stream (ConverseStream, InvokeModelWithResponseStream, RetrieveAndGenerateStream): opened through the
    /// retry pipeline within the whole stream's limit (StreamTimeout, else Timeout), then read frame by frame under the
    /// idle limit; each frame decoded by <paramref name="decode"/> (null skips it). When the body ends,
    /// <paramref name="endOfStream"/> (given the stream and the offset reached) returns the error to throw if the stream
    /// may not end there; without it the stream may end after any frame.
    /// </summary>
    private async IAsyncEnumerable<T> ReadEventStreamAsync<T>(
        Func<string, int, int, CancellationToken, Task<OpenedStream>> openAttempt,
        Func<EventStreamMessage, long, OpenedStream, T?> decode,
        Func<OpenedStream, long, Exception?>? endOfStream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        string invocationId = InvocationIds.Next();
        using CancellationTokenSource? deadlineSource = LimitSource(_streamTimeout);
        OpenedStream opened = await OpenWithinDeadlineAsync(
                (attempt, maxAttempts, attemptToken) => openAttempt(invocationId, attempt, maxAttempts, attemptToken),
                deadlineSource,
                cancellationToken)
            .ConfigureAwait(false);

        using OpenedStream owned = opened;
        using CancellationTokenSource? idleSource = LimitSource(_streamIdleTimeout);
        using CancellationTokenSource readSource = LinkedSource(cancellationToken, deadlineSource, idleSource);
        int maxFrameLength = (int)Math.Max(EventStreamFrame.MinimumLength, Math.Min(MaxEventStreamMessageLength, _maxResponseSize));
        using var reader = new EventStreamReader(opened.Content, maxFrameLength, opened.RequestId);
        while (true)
        {
            long offset = reader.Offset;
            EventStreamMessage? frame;
            try
            {
                // An idle limit: it runs only while a frame is awaited, so neither a long stream nor a caller who takes
                // its time with an event is cut; only a stalled connection times out.
                idleSource?.CancelAfter(_streamIdleTimeout);
                frame = await reader.ReadAsync(readSource.Token).ConfigureAwait(false);
                idleSource?.CancelAfter(Timeout.InfiniteTimeSpan);
            }
            catch (Exception e) when (TranslateReadFailure(e, cancellationToken, deadlineSource, idleSource) is { } translated)
            {
                throw translated;
            }

            if (frame is null)
            {
                if (endOfStream?.Invoke(opened, reader.Offset) is { } cut)
                {
                    throw cut;
                }

                yield break;
            }

            if (decode(frame, offset, opened) is { } decoded)
            {
                yield return decoded;
            }
        }
    }

    private async IAsyncEnumerable<ConverseStreamEvent> StreamAsync(Uri uri, byte[] body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // ConverseStream closes with messageStop: a body that ends before it was cut. A local of this iterator, so
        // each enumeration starts afresh.
        bool messageStopped = false;
        IAsyncEnumerable<ConverseStreamEvent> events = ReadEventStreamAsync(
            (invocationId, attempt, maxAttempts, attemptToken) => OpenStreamAttemptAsync(uri, body, invocationId, attempt, maxAttempts, attemptToken),
            (frame, offset, opened) => ConverseStreamEventDecoder.Decode(frame, offset, opened.RequestId, opened.Redactor),
            (opened, offset) => messageStopped
                ? null
                : EventStreamFrame.Error(EventStreamErrorKind.Truncated, "the stream ended before the messageStop event", offset, opened.RequestId),
            cancellationToken);
        await foreach (ConverseStreamEvent streamEvent in events.ConfigureAwait(false))
        {
            messageStopped |= streamEvent is MessageStopEvent;
            yield return streamEvent;
        }
    }

    /// <summary>
    /// One attempt at opening the stream: on a 2xx event stream, the response with its body not yet read; otherwise
    /// the error, typed like a Converse error so the pipeline can decide on a retry.
    /// </summary>
    private Task<OpenedStream> OpenStreamAttemptAsync(Uri uri, byte[] body, string invocationId, int attempt, int maxAttempts, CancellationToken cancellationToken)
    {
        HttpRequestMessage message = NewStreamRequest(uri, body);
        message.Content!.Headers.ContentType = JsonContentType;
        BedrockRequestHeaders.Apply(message, invocationId, attempt, maxAttempts);
        return OpenEventStreamAsync(message, body, "ConverseStream", cancellationToken);
    }

    private HttpRequestMessage NewStreamRequest(Uri uri, byte[] body) => new(HttpMethod.Post, uri)
    {
        // HttpClient applies its default version only to requests it builds itself; honour it here, so a caller's
        // client set up for HTTP/2 streams over HTTP/2.
        Version = _httpClient.DefaultRequestVersion,
        VersionPolicy = _httpClient.DefaultVersionPolicy,
        Content = new ByteArrayContent(body),
    };

    /// <summary>
    /// Sends <paramref name="message"/> (which it then owns) and opens the event stream of <paramref name="operation"/>'s
    /// answer, for ConverseStream and InvokeModelWithResponseStream alike.
    /// </summary>
    private async Task<OpenedStream> OpenEventStreamAsync(HttpRequestMessage message, byte[] body, string operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await SendAuthenticatedAsync(message, body, cancellationToken).ConfigureAwait(false);
            string? requestId = RequestIdOf(response);
            var redactor = RequestSecretRedactor.ForRequest(message);
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadServiceErrorAsync(response, message, requestId, cancellationToken).ConfigureAwait(false);
            }

            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
            {
                throw EventStreamFrame.Error(EventStreamErrorKind.NotAnEventStream,
                    $"the {operation} response has Content-Type '{mediaType ?? "(none)"}', not {EventStreamMediaType}", 0, requestId);
            }

            Stream content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new OpenedStream(message, response, content, requestId, redactor);
        }
        catch (Exception e)
        {
            response?.Dispose();
            message.Dispose();
            if (TranslateOpenFailure(e, cancellationToken) is { } translated)
            {
                throw translated;
            }

            throw;
        }
    }

    /// <summary>A transport failure while opening, typed as a Converse attempt's would be; null keeps <paramref name="failure"/>.</summary>
    private Exception? TranslateOpenFailure(Exception failure, CancellationToken attemptToken) => failure switch
    {
        // The pipeline tells the caller's cancellation from its time limits by this token.
        OperationCanceledException e when attemptToken.IsCancellationRequested =>
            e.CancellationToken == attemptToken ? null : new OperationCanceledException(e.Message, e, attemptToken),
        TaskCanceledException e when e.InnerException is TimeoutException => new BedrockTimeoutException(Endpoint, _httpClient.Timeout, e),
        OperationCanceledException e => new BedrockConnectionException(Endpoint, $"The HTTP request to Bedrock Runtime at {Endpoint} was canceled by the HTTP stack, not by the caller.", e),
        HttpRequestException e => new BedrockConnectionException(Endpoint, $"Could not reach Bedrock Runtime at {Endpoint}: {e.Message}", e),
        IOException e => new BedrockConnectionException(Endpoint, $"The connection to Bedrock Runtime at {Endpoint} failed while reading the response: {e.Message}", e),
        _ => null,
    };

    /// <summary>A failure while reading the open stream; null keeps <paramref name="failure"/> (our own typed errors).</summary>
    private Exception? TranslateReadFailure(Exception failure, CancellationToken callerToken, CancellationTokenSource? deadlineSource, CancellationTokenSource? idleSource) => failure switch
    {
        OperationCanceledException e when callerToken.IsCancellationRequested =>
            e.CancellationToken == callerToken ? null : new OperationCanceledException(e.Message, e, callerToken),
        OperationCanceledException e when deadlineSource?.IsCancellationRequested == true => StreamDeadlineExceeded(e),
        OperationCanceledException e when idleSource?.IsCancellationRequested == true => new BedrockTimeoutException(
            Endpoint,
            _streamIdleTimeout,
            $"The stream from Bedrock Runtime at {Endpoint} sent no event for {_streamIdleTimeout.TotalSeconds:0.###} s (BedrockOptions.StreamIdleTimeout).",
            e),
        TaskCanceledException e when e.InnerException is TimeoutException => new BedrockTimeoutException(Endpoint, _httpClient.Timeout, e),
        OperationCanceledException e => new BedrockConnectionException(Endpoint, $"Reading the event stream from Bedrock Runtime at {Endpoint} was canceled by the HTTP stack, not by the caller.", e),
        HttpRequestException or IOException => new BedrockConnectionException(Endpoint, $"The connection to Bedrock Runtime at {Endpoint} broke while the event stream was being read: {failure.Message}", failure),
        _ => null,
    };

    /// <summary>
    /// Opens a stream through the retry pipeline within the whole stream's limit (<paramref name="deadlineSource"/>):
    /// running out of it is a <see cref="BedrockTimeoutException"/>, and the caller's cancellation carries its token.
    /// </summary>
    private async Task<T> OpenWithinDeadlineAsync<T>(
        Func<int, int, CancellationToken, Task<T>> openAttempt, CancellationTokenSource? deadlineSource, CancellationToken cancellationToken)
    {
        using CancellationTokenSource openSource = LinkedSource(cancellationToken, deadlineSource, null);
        try
        {
            return await _pipeline.ExecuteAsync(openAttempt, openSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadlineSource?.IsCancellationRequested == true)
        {
            throw StreamDeadlineExceeded(e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
    }

    private BedrockTimeoutException StreamDeadlineExceeded(OperationCanceledException cause) => new(
        Endpoint,
        _streamTimeout,
        $"The stream from Bedrock Runtime at {Endpoint} did not end within {_streamTimeout.TotalSeconds:0.###} s, the limit for a whole stream "
        + "(BedrockOptions.StreamTimeout, else Timeout). For generations that stream longer, set StreamTimeout to a longer time or to "
        + "Timeout.InfiniteTimeSpan; StreamIdleTimeout still ends a stalled stream.",
        cause);

    /// <summary>A timer for a stream limit; null when there is none (a limit past a timer's range counts as none).</summary>
    private CancellationTokenSource? LimitSource(TimeSpan limit) =>
        limit == Timeout.InfiniteTimeSpan || limit > BedrockCallPipeline.LongestWait ? null : new CancellationTokenSource(limit, _timeProvider);

    private static CancellationTokenSource LinkedSource(CancellationToken callerToken, CancellationTokenSource? first, CancellationTokenSource? second)
    {
        if (first is not null && second is not null)
        {
            return CancellationTokenSource.CreateLinkedTokenSource(callerToken, first.Token, second.Token);
        }

        CancellationTokenSource? only = first ?? second;
        return only is null
            ? CancellationTokenSource.CreateLinkedTokenSource(callerToken)
            : CancellationTokenSource.CreateLinkedTokenSource(callerToken, only.Token);
    }

    /// <summary>An open ConverseStream response; disposing it closes the connection's stream.</summary>
    private sealed class OpenedStream(HttpRequestMessage request, HttpResponseMessage response, Stream content, string? requestId, RequestSecretRedactor redactor) : IDisposable
    {
        public Stream Content { get; } = content;

        /// <summary>The answer's headers (InvokeModelWithResponseStream reads the chunks' content type there).</summary>
        public HttpResponseMessage Response { get; } = response;

        public string? RequestId { get; } = requestId;

        public RequestSecretRedactor Redactor { get; } = redactor;

        public void Dispose()
        {
            Content.Dispose();
            Response.Dispose();
            request.Dispose();
        }
    }
}
