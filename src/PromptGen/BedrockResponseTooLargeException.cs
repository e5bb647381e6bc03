using System.Globalization;
using System.Net;

namespace PromptGen;

/// <summary>
/// A response body, success or error, was larger than <see cref="BedrockOptions.MaxResponseSize"/>: its
/// <c>Content-Length</c> said so, or more bytes than the limit arrived. Reading stopped at the limit, nothing of the
/// body is kept (the message never quotes it), and the call is not retried, since the same request would most likely
/// bring the same answer. A stream's events are bounded one by one instead (a frame too large is
/// <see cref="BedrockEventStreamException"/> with <see cref="EventStreamErrorKind.MessageTooLarge"/>).
/// </summary>
public sealed class BedrockResponseTooLargeException : BedrockException
{
    /// <summary>Creates the error for a response whose body went past <paramref name="maxResponseSize"/>.</summary>
    /// <param name="statusCode">The HTTP status of the response (2xx for an answer, else an error response).</param>
    /// <param name="maxResponseSize">The limit in bytes that the body exceeded.</param>
    /// <param name="contentLength">The <c>Content-Length</c> the response announced, when it had one.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when it had one.</param>
    public BedrockResponseTooLargeException(HttpStatusCode statusCode, long maxResponseSize, long? contentLength = null, string? requestId = null)
        : base(FormatMessage(statusCode, maxResponseSize, contentLength, requestId))
    {
        StatusCode = statusCode;
        MaxResponseSize = maxResponseSize;
        ContentLength = contentLength;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the response: 2xx for an answer, otherwise the status of an error response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The limit in bytes that the body exceeded (<see cref="BedrockOptions.MaxResponseSize"/>).</summary>
    public long MaxResponseSize { get; }

    /// <summary>The <c>Content-Length</c> the response announced; null when it announced none and the limit was reached while reading.</summary>
    public long? ContentLength { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the response, when it had one.</summary>
    public string? RequestId { get; }

    private static string FormatMessage(HttpStatusCode statusCode, long maxResponseSize, long? contentLength, string? requestId)
    {
        string what = (int)statusCode is >= 200 and < 300 ? "answer" : "error response";
        string size = contentLength is { } length
            ? $"its Content-Length is {Bytes(length)}"
            : "more bytes arrived than that";
        string status = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)statusCode}{(requestId is null ? "" : ", request id " + requestId)}");
        return $"Bedrock's {what} ({status}) is larger than the client's limit of {Bytes(maxResponseSize)}: {size}. "
            + "It was not read any further and the call was not retried. If answers this large are expected, raise BedrockOptions.MaxResponseSize "
            + "(configuration key PromptGen:MaxResponseSize).";
    }

    private static string Bytes(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB ({bytes:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
