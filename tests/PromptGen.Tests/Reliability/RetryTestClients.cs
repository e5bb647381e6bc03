using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Tests.Bedrock.TestDoubles;

namespace PromptGen.Tests.Reliability;

internal static class RetryTestClients
{
    public const string ModelId = "amazon.nova-lite-v1:0";

    /// <summary>SigV4 options on <paramref name="clock"/> with no overall timeout and a deterministic mid-range jitter.</summary>
    public static BedrockOptions Options(StepClock clock, int maxAttempts = 3) => new()
    {
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
        TimeProvider = clock,
        Timeout = Timeout.InfiniteTimeSpan,
        Retry = new BedrockRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromSeconds(2), Jitter = () => 0.5 },
    };

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string? retryAfter = null)
    {
        HttpResponseMessage response = CapturingHandler.Json(status, $$"""{"message":"{{code}} for this test"}""");
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", code);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    public static HttpResponseMessage Ok() => CapturingHandler.Json(HttpStatusCode.OK, CapturingHandler.MinimalConverseResponse);

    /// <summary>A handler answering from <paramref name="answers"/> in order (the last one repeats).</summary>
    public static CapturingHandler Sequence(params Func<HttpResponseMessage>[] answers)
    {
        int next = 0;
        return new CapturingHandler((_, _) =>
        {
            int index = Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1);
            return Task.FromResult(answers[index]());
        });
    }
}
