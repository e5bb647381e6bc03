using System;
using Polly.Timeout;

namespace PromptGen.Bedrock.Retries;

/// <summary>Which failures the standard retry mode sends again, and what a retry costs from the quota.</summary>
internal static class RetryClassifier
{
    /// <summary>The quota cost of retrying after <paramref name="error"/>, or null when it must not be retried.</summary>
    public static int? RetryCost(Exception error) => error switch
    {
        BedrockServiceException service => service.IsRetryable ? RetryQuota.RetryCost : null,
        BedrockConnectionException => RetryQuota.RetryCost,
        // An attempt that ran out of its own time (AttemptTimeout, or a supplied HttpClient's Timeout).
        TimeoutRejectedException or BedrockTimeoutException => RetryQuota.TimeoutRetryCost,
        _ => null,
    };
}
