using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.EventStream;
using PromptGen.Bedrock.Http;

namespace PromptGen;

// RetrieveAndGenerateStream (bedrock-agent-runtime, POST /retrieveAndGenerateStream): the RetrieveAndGenerate body,
// answered as an event stream of output, citation and guardrail events
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_RetrieveAndGenerateStream.html). Opened
// through the same retry pipeline and stream limits as ConverseStream, and read by the same frame reader.
public sealed partial class BedrockRuntimeClient
{
    /// <summary>The answer header that carries the session id of a RetrieveAndGenerateStream (the SDK model binds <c>sessionId</c> to it).</summary>
    internal const string KnowledgeBaseSessionIdHeader = "x-amzn-bedrock-knowledge-base-session-id";

    /// <inheritdoc />
    /// <remarks>
    /// Validated like <see cref="RetrieveAndGenerateAsync"/> at the call; opened, timed and read like
    /// <see cref="ConverseStreamAsync"/> (retries only while opening, every frame checked, the whole stream bounded by
    /// <see cref="BedrockOptions.StreamTimeout"/> and each wait by <see cref="BedrockOptions.StreamIdleTimeout"/>). The
    /// stream has no closing event: it ends when the answer ends. Errors: an exception Bedrock sends inside the stream
    /// as the same <see cref="BedrockServiceException"/> subclass as before it; a corrupt or oversized stream as
    /// <see cref="BedrockEventStreamException"/>; a broken connection as <see cref="BedrockConnectionException"/>; a
    /// stalled or overlong one as <see cref="BedrockTimeoutException"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The request names no knowledge base or model, or a malformed knowledge base id (raised at the call, not at enumeration).</exception>
    public IAsyncEnumerable<RetrieveAndGenerateStreamEvent> RetrieveAndGenerateStreamAsync(RetrieveAndGenerateRequest request, CancellationToken cancellationToken = default)
    {
        request = PrepareRetrieveAndGenerate(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        byte[] body = SerializeKnowledgeBase(request, KnowledgeBaseJsonContext.Default.RetrieveAndGenerateRequest, "RetrieveAndGenerateStream");
        Uri uri = KnowledgeBaseOperationUri.RetrieveAndGenerateStream(KnowledgeBaseEndpoint);
        return ReadEventStreamAsync(
            (invocationId, attempt, maxAttempts, attemptToken) => OpenKnowledgeBaseStreamAttemptAsync(uri, body, invocationId, attempt, maxAttempts, attemptToken),
            (frame, offset, opened) => RetrieveAndGenerateStreamDecoder.Decode(frame, offset, opened.RequestId, HeaderValue(opened.Response, KnowledgeBaseSessionIdHeader), opened.Redactor),
            endOfStream: null, // no closing event: the stream ends when the answer does
            cancellationToken);
    }

    private Task<OpenedStream> OpenKnowledgeBaseStreamAttemptAsync(Uri uri, byte[] body, string invocationId, int attempt, int maxAttempts, CancellationToken cancellationToken)
    {
        var message = NewStreamRequest(uri, body);
        message.Content!.Headers.ContentType = JsonContentType;
        BedrockRequestHeaders.Apply(message, invocationId, attempt, maxAttempts);
        return OpenEventStreamAsync(message, body, "RetrieveAndGenerateStream", cancellationToken);
    }
}
