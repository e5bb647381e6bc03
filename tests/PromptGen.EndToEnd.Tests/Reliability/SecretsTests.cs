using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// Runs every kind of call (successes, retries given up, dropped and truncated answers, refused signatures, refused
/// API keys, timeouts, cancellations, an unreadable typed result, a service error that echoes the session token)
/// with known fake secrets, captures everything observable — exception messages and ToString()s with their inner
/// exceptions, answers, and the emulator's request log lines — and looks for the secrets in it.
/// </summary>
/// <remarks>PromptGen has no logging yet; when it does, its output belongs in <see cref="Observed"/> too.</remarks>
public sealed class SecretsTests
{
    private const string AccessKeyId = "AKIALEAKCHECK0000001";
    private const string SecretKey = "leakCheckSecretKey/0123456789+abcdefghijKLMN";
    private const string SessionToken = "IQoJleakCheckSessionToken0123456789abcdefghijklmnopqrstuvwxyzSESSION";
    private const string BearerToken = "ABSKleakCheckBearerToken0123456789abcdefghijBEARER";
    private static readonly string[] Secrets = { SecretKey, SessionToken, BearerToken };

    private readonly ConcurrentQueue<string> _observed = new();

    private IEnumerable<string> Observed => _observed;

    [Fact]
    public async Task No_secret_appears_in_anything_a_run_shows()
    {
        var emulatorOptions = new BedrockEmulatorOptions
        {
            // The exe's log line for each request.
            RequestCompleted = request => _observed.Enqueue($"{request.Method} {request.RawPath} {request.ResponseStatus} {request.ErrorCode}"),
        };
        emulatorOptions.Credentials[AccessKeyId] = SecretKey;
        emulatorOptions.BearerTokens.Add(BearerToken);
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(emulatorOptions);
        emulator.Script.When(promptContains: "throttle").ReplyThrottling();
        emulator.Script.When(promptContains: "drop").ReplyDropConnection();
        emulator.Script.When(promptContains: "cut").ReplyTruncatedText("a cut answer");
        emulator.Script.When(promptContains: "slow").Delay(TimeSpan.FromSeconds(20)).ReplyText("late");
        // Services and proxies that quote the request back: each client is sent back the secret it used.
        emulator.Script.When(promptContains: "echo-bearer").ReplyError("AccessDeniedException", 403, $"upstream rejected Authorization: Bearer {BearerToken}");
        emulator.Script.When(promptContains: "echo-session").ReplyError("InvalidSignatureException", 403,
            $"The Canonical String for this request should have been 'POST\n/model/x/converse\n\nx-amz-security-token:{SessionToken}\n'");
        emulator.Script.When(promptContains: "order").ReplyText("not JSON at all");

        var clients = new Dictionary<string, BedrockRuntimeClient>
        {
            ["session"] = Client(emulator, new SessionAWSCredentials(AccessKeyId, SecretKey, SessionToken), bearer: null),
            ["wrong secret"] = Client(emulator, new SessionAWSCredentials(AccessKeyId, SecretKey + "x", SessionToken), bearer: null),
            ["bearer"] = Client(emulator, credentials: null, BearerToken),
            ["wrong bearer"] = Client(emulator, credentials: null, BearerToken + "x"),
        };

        try
        {
            foreach ((string name, BedrockRuntimeClient client) in clients)
            {
                string echo = name.Contains("bearer", StringComparison.Ordinal) ? "echo-bearer" : "echo-session";
                foreach (string prompt in new[] { "hello", "throttle", "drop", "cut", "slow", echo })
                {
                    await ObserveAsync($"{name}/{prompt}", () => client.ConverseAsync(FaultClients.ModelId, FaultClients.Ask(prompt)));
                }

                using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
                await ObserveAsync($"{name}/canceled", () => client.ConverseAsync(FaultClients.ModelId, FaultClients.Ask("slow"), cancellation.Token));
                await ObserveAsync($"{name}/typed", async () => await IOrderPrompts.Create(client).SummarizeAsync("order 1"));
            }
        }
        finally
        {
            foreach (BedrockRuntimeClient client in clients.Values)
            {
                client.Dispose();
            }
        }

        // Each fault really happened, so the secret checks below saw its messages.
        AssertObserved("BedrockThrottlingException");
        AssertObserved("BedrockAuthenticationException");
        AssertObserved("PromptResultException");
        AssertObserved("x-amz-security-token:***");
        AssertObserved("Authorization: ***");
        foreach (string secret in Secrets)
        {
            string? leak = Observed.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"a secret appears in: {leak}");
        }
    }

    private async Task ObserveAsync(string scenario, Func<Task<object?>> call)
    {
        try
        {
            object? result = await call();
            _observed.Enqueue($"{scenario}: {result}");
        }
        catch (Exception e)
        {
            _observed.Enqueue($"{scenario}: {e}");
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            {
                _observed.Enqueue($"{scenario}: {inner.GetType().FullName}: {inner.Message}");
            }
        }
    }

    private void AssertObserved(string text) => Assert.True(
        Observed.Any(line => line.Contains(text, StringComparison.Ordinal)),
        $"nothing observed contains '{text}'; the run showed:\n" + string.Join("\n", Observed.Select(line => line.Length > 240 ? line[..240] + "…" : line)));

    private Task ObserveAsync<T>(string scenario, Func<Task<T>> call) => ObserveAsync(scenario, async () => (object?)await call());

    private static BedrockRuntimeClient Client(BedrockEmulator emulator, AWSCredentials? credentials, string? bearer)
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = credentials,
            BearerToken = bearer,
            Timeout = TimeSpan.FromSeconds(30),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        // Long enough that a busy test process (the emulator shares it) never turns a throttled or cut answer into a
        // timeout (once, in CI, no call ended throttled); "slow" (20 s) still times out.
        options.Retry.AttemptTimeout = TimeSpan.FromSeconds(1);
        options.Retry.MaxAttempts = 2;
        return new BedrockRuntimeClient(options);
    }
}
