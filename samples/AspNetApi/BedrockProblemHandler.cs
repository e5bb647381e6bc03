using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PromptGen;

namespace AspNetApi;

/// <summary>
/// Turns a failed Bedrock call into RFC 9457 problem details. Bedrock is this API's upstream, so its failures are
/// gateway failures: overload (throttling, quotas, 5xx, model not ready) is 503 with <c>Retry-After</c>, a timeout
/// is 504, and everything else (a request Bedrock rejected, bad credentials, an answer that did not fit the typed
/// result) is 502: the API's caller cannot fix it by changing its request. The body names the Bedrock error code
/// and request id for support, never the service's message (it can describe our account and models).
/// </summary>
internal sealed partial class BedrockProblemHandler(IProblemDetailsService problems, ILogger<BedrockProblemHandler> logger) : IExceptionHandler
{
    /// <summary>What the client is told to wait when Bedrock throttled without saying how long.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Describe(exception) is not { } problem)
        {
            return false;
        }

        LogMapped(logger, problem.Status, exception.GetType().Name, exception);
        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = problem.Title,
            Detail = problem.Detail,
        };
        if (exception is BedrockServiceException service)
        {
            details.Extensions["bedrockErrorCode"] = service.ErrorCode;
            details.Extensions["bedrockRequestId"] = service.RequestId;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private static Problem? Describe(Exception exception) => exception switch
    {
        BedrockModelTimeoutException or BedrockTimeoutException =>
            new(StatusCodes.Status504GatewayTimeout, "The model did not answer in time.", "Try again, possibly with a shorter ticket.", null),
        BedrockServiceException { IsRetryable: true } busy =>
            new(StatusCodes.Status503ServiceUnavailable, "The model is busy.", "Bedrock is throttling or temporarily unavailable; retry after the given delay.", busy.RetryAfter ?? DefaultRetryAfter),
        BedrockServiceException =>
            new(StatusCodes.Status502BadGateway, "The model service rejected the call.", "Bedrock refused the request this API made; see the server logs.", null),
        BedrockConnectionException =>
            new(StatusCodes.Status502BadGateway, "The model service could not be reached.", null, null),
        BedrockException or PromptResultException =>
            new(StatusCodes.Status502BadGateway, "The model's answer could not be used.", "The answer did not have the expected shape; see the server logs.", null),
        _ => null,
    };

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Bedrock call failed; answered {Status} ({ExceptionType})")]
    private static partial void LogMapped(ILogger logger, int status, string exceptionType, Exception exception);

    private sealed record Problem(int Status, string Title, string? Detail, TimeSpan? RetryAfter);
}
