using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Logging;

/// <summary>
/// Every kind of call, with both kinds of credentials, logged at Trace with sensitive data on, through
/// <c>AddPromptGen()</c>'s <c>IHttpClientFactory</c> client with the factory's own logging and an application's own
/// header-logging handler and <see cref="IHttpClientLogger"/>; every entry captured as a structured sink keeps it (the
/// state's keys and values, scopes, exception) by a logger provider and by OpenTelemetry's in-memory log exporter.
/// No credential may appear in any form. Issue 24, item 1.
/// </summary>
public sealed class CredentialsInLogsTests
{
    // Fake, but shaped like the real thing: 20-character access key id, 40-character secret key with '+' and '/',
    // a long session token with '+', '/' and '=', a short-term Bedrock API key.
    private const string AccessKeyId = "AKIAJ7Q3LEAKPROBE5XZ";
    private const string SecretKey = "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";
    private const string WrongSecretKey = "Wr0ng+secret/LEAKprobeKEY0123456789+/AbC";
    private const string SessionToken =
        "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+leakPROBEsession/TOKEN+value0123456789abcdefABCDEF" +
        "ghijklmnopqrstuvwxyz+/0123456789LEAKprobeSESSIONtoken/+==AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/leak+PROBE==";
    private const string BearerKey =
        "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249+leakPROBE/bearer+KEY0123456789abcdefXYZ=&Version=1";
    private const string WrongBearerKey = "bedrock-api-key-V3JvbmdCZWFyZXJLZXk+leakPROBE/wrong+KEY9876543210zyxw==";
    private const string UserLoggingCategory = "App.HttpHeaderLogging";

    private static readonly string FactoryCategory = "System.Net.Http.HttpClient." + BedrockOptions.HttpClientName;

    [Fact]
    public async Task No_credential_reaches_the_logs_in_any_form_on_any_kind_of_call()
    {
        var emulatorOptions = new BedrockEmulatorOptions();
        emulatorOptions.Credentials[AccessKeyId] = SecretKey;
        emulatorOptions.BearerTokens.Add(BearerKey);
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(emulatorOptions);
        emulator.Script.When(promptContains: "throttled").ReplyThrottling();
        emulator.Script.When(promptContains: "not json").ReplyText("Certainly! It looks fine to me.");
        emulator.Script.When(promptContains: "breaks").Stream(chunkSize: 4).FailStream(StreamFault.Exception("throttlingException", "Slow down", afterEvents: 3));
        // Services and proxies that quote the request back: each run is sent the secret it used.
        emulator.Script.When(promptContains: "echo the session").ReplyError("InvalidSignatureException", 403,
            $"The Canonical String for this request should have been 'POST\n/model/x/converse\n\nx-amz-security-token:{SessionToken}\n'");
        emulator.Script.When(promptContains: "echo the key").ReplyError("AccessDeniedException", 403, $"upstream rejected Authorization: Bearer {BearerKey}");
        emulator.Script.Always().ReplyText("All good here.");

        var structured = new StructuredStateLoggerProvider();
        var exported = new List<LogRecord>();

        await RunAsync(emulator, structured, exported, "sigv4", o => o.Credentials = new SessionAWSCredentials(AccessKeyId, SecretKey, SessionToken), echo: "echo the session");
        await RunAsync(emulator, structured, exported, "bearer", o => o.BearerToken = BearerKey, echo: "echo the key");
        // Refused credentials: a wrong secret key (a bad signature) and a wrong API key.
        await RunAsync(emulator, structured, exported, "wrong-secret", o => o.Credentials = new SessionAWSCredentials(AccessKeyId, WrongSecretKey, SessionToken), echo: null);
        await RunAsync(emulator, structured, exported, "wrong-key", o => o.BearerToken = WrongBearerKey, echo: null);

        IReadOnlyList<RecordedRequest> requests = emulator.Requests;
        SerializedEntry[] entries = structured.Entries.Concat(exported.Select(Serialize)).ToArray();

        // The capture is not blind: the factory's header logs, the application's own and PromptGen's are all in it,
        // from both captures, with the header lists expanded; every kind of call happened.
        foreach (string source in new[] { "ILoggerProvider", "OpenTelemetry" })
        {
            SerializedEntry[] fromSource = entries.Where(e => e.Source == source).ToArray();
            Assert.Contains(fromSource, e => e.Category == FactoryCategory + ".ClientHandler" && e.EventName == "RequestHeader" && e.Json.Contains("amz-sdk-invocation-id", StringComparison.Ordinal));
            Assert.Contains(fromSource, e => e.Category == FactoryCategory + ".LogicalHandler" && e.EventName == "RequestPipelineRequestHeader");
            Assert.Contains(fromSource, e => e.Category == UserLoggingCategory && e.Json.Contains("amz-sdk-request", StringComparison.Ordinal));
            Assert.Contains(fromSource, e => e.EventName == "ConverseRequestContent" && e.Json.Contains("Answer: flaky", StringComparison.Ordinal));
            // The typed call that fails (an answer that is not JSON, then its repair): two successful Converse calls.
            Assert.Contains(fromSource, e => e.EventName == "ConverseResponseContent" && e.Json.Contains("Certainly! It looks fine", StringComparison.Ordinal));
            Assert.Contains(fromSource, e => e.EventName == "ConverseFailed" && e.Json.Contains("BedrockAuthenticationException", StringComparison.Ordinal));
            Assert.Contains(fromSource, e => e.EventName == "ConverseFailed" && e.Json.Contains("gave up after 3 attempts", StringComparison.Ordinal));
        }

        Assert.Contains(requests, r => r.AuthScheme == "SigV4" && r.SignatureValid && r.Headers.ContainsKey("x-amz-security-token"));
        Assert.Contains(requests, r => r.AuthScheme == "SigV4" && !r.SignatureValid);
        Assert.Contains(requests, r => r.AuthScheme == "Bearer" && r.Accepted);
        Assert.Contains(requests, r => r.AuthScheme == "Bearer" && !r.Accepted);
        Assert.Contains(requests, r => r.Operation == "ConverseStream" && r.Accepted);

        IReadOnlyList<CredentialLeak> leaks = CredentialForms.Leaks(Credentials(requests), entries);
        Assert.True(leaks.Count == 0, CredentialForms.Describe(leaks));
    }

    [Fact]
    public async Task The_capture_finds_a_credential_kept_only_in_the_structured_state()
    {
        // What IHttpClientFactory's header logging did: the message masks the value, the state keeps the list.
        var structured = new StructuredStateLoggerProvider();
        var exported = new List<LogRecord>();
        var services = new ServiceCollection();
        AddLogging(services, structured, exported);
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Probe");
            var state = new List<KeyValuePair<string, object?>>
            {
                new("Authorization", new[] { "Bearer " + BearerKey }),
                new("X-Amz-Security-Token", new List<string> { SessionToken }),
            };
            logger.Log(LogLevel.Trace, new EventId(1, "RequestHeader"), state, null, static (_, _) => "Authorization: *\nX-Amz-Security-Token: *");
        }

        SerializedEntry[] entries = structured.Entries.Concat(exported.Select(Serialize)).ToArray();
        Assert.Equal(2, entries.Length);
        foreach (SerializedEntry entry in entries)
        {
            string[] found = new CredentialForms("API key", BearerKey, "bedrock-api-key-").FindIn(entry).ToArray();
            Assert.Contains("API key (raw) in the values", found);
            Assert.Contains("API key (JSON-escaped) in the JSON", found);
            Assert.Contains("session token (JSON-escaped) in the JSON", new CredentialForms("session token", SessionToken).FindIn(entry));
        }
    }

    [Fact]
    public void Every_form_of_a_credential_is_recognized()
    {
        var credential = new CredentialForms("secret", SecretKey);
        string[] written =
        {
            SecretKey,
            SecretKey.Replace("+", "\\u002B", StringComparison.Ordinal),
            SecretKey.Replace("/", "\\/", StringComparison.Ordinal),
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretKey)),
            Uri.EscapeDataString(SecretKey).ToLowerInvariant(),
            SecretKey[..30],
        };

        foreach (string text in written)
        {
            var entry = new SerializedEntry("test", "c", "e", "{\"v\":\"" + text + "\"}", "");
            Assert.NotEmpty(credential.FindIn(entry));
        }

        Assert.Empty(credential.FindIn(new SerializedEntry("test", "c", "e", "{\"Authorization\":\"***\"}", "Authorization: *")));
    }

    private static async Task RunAsync(
        BedrockEmulator emulator,
        StructuredStateLoggerProvider structured,
        List<LogRecord> exported,
        string run,
        Action<BedrockOptions> authenticate,
        string? echo)
    {
        var services = new ServiceCollection();
        AddLogging(services, structured, exported);
        services.AddPromptGen(options =>
        {
            options.Region = "us-east-1";
            options.Endpoint = emulator.Endpoint;
            options.EnableSensitiveData = true;
            options.Retry.MaxAttempts = 3;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            authenticate(options);
        });
        // An application's own logging on the named client: a handler and an IHttpClientLogger that log every
        // request header, before and after sending, as structured values.
        services.AddHttpClient(BedrockOptions.HttpClientName)
            .AddHttpMessageHandler(provider => new HeaderLoggingHandler(provider.GetRequiredService<ILoggerFactory>().CreateLogger(UserLoggingCategory)))
            .AddLogger(provider => new HeaderHttpClientLogger(provider.GetRequiredService<ILoggerFactory>().CreateLogger(UserLoggingCategory)));
        services.AddPromptClient<ISecretProbePrompts>();

        // The first failure of the flaky call is throttling, then it answers: a retry that succeeds.
        emulator.Script.When(promptContains: $"flaky {run}").Times(1).ReplyThrottling();
        emulator.Script.When(promptContains: $"flaky {run}").ReplyText("Fine on the second try.");

        await using ServiceProvider provider = services.BuildServiceProvider();
        ISecretProbePrompts prompts = provider.GetRequiredService<ISecretProbePrompts>();
        await Observe(() => prompts.AskAsync("hello"));
        await Observe(() => prompts.AskAsync($"flaky {run}"));
        await Observe(() => prompts.AskAsync("throttled"));
        await Observe(() => prompts.JudgeAsync("not json"));
        await Observe(() => ReadAllAsync(prompts.StreamAsync("hello")));
        await Observe(() => ReadAllAsync(prompts.StreamAsync("throttled")));
        await Observe(() => ReadAllAsync(prompts.StreamAsync("breaks")));
        if (echo is not null)
        {
            await Observe(() => prompts.AskAsync(echo));
        }
    }

    private static void AddLogging(IServiceCollection services, StructuredStateLoggerProvider structured, List<LogRecord> exported) =>
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(structured)
            .AddOpenTelemetry(otel =>
            {
                otel.IncludeScopes = true;
                otel.IncludeFormattedMessage = true;
                otel.AddInMemoryExporter(exported);
            }));

    private static async Task Observe<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is BedrockException or PromptResultException)
        {
        }
    }

    private static async Task<string> ReadAllAsync(IAsyncEnumerable<string> stream)
    {
        var text = new System.Text.StringBuilder();
        await foreach (string delta in stream)
        {
            text.Append(delta);
        }

        return text.ToString();
    }

    /// <summary>The fixed credentials, and every Authorization value and signature the emulator received.</summary>
    private static IEnumerable<CredentialForms> Credentials(IEnumerable<RecordedRequest> requests)
    {
        yield return new CredentialForms("access key id", AccessKeyId);
        yield return new CredentialForms("secret key", SecretKey);
        yield return new CredentialForms("wrong secret key", WrongSecretKey);
        yield return new CredentialForms("session token", SessionToken);
        yield return new CredentialForms("API key", BearerKey, "bedrock-api-key-");
        yield return new CredentialForms("wrong API key", WrongBearerKey, "bedrock-api-key-");
        foreach (string authorization in requests.Select(r => r.Headers.TryGetValue("authorization", out string? value) ? value : null).OfType<string>().Distinct())
        {
            // Whole values only: pieces of a SigV4 header (its scope) are legitimately quoted by signature errors.
            yield return new CredentialForms("Authorization header", authorization, authorization);
            int signature = authorization.IndexOf("Signature=", StringComparison.Ordinal);
            if (signature >= 0)
            {
                yield return new CredentialForms("SigV4 signature", authorization[(signature + "Signature=".Length)..]);
            }
        }
    }

    private static SerializedEntry Serialize(LogRecord record)
    {
        var scopes = new List<object?>();
        record.ForEachScope(static (scope, list) =>
        {
            list.Add(scope.Scope);
            var values = new List<KeyValuePair<string, object?>>();
            foreach (KeyValuePair<string, object?> value in scope)
            {
                values.Add(value);
            }

            list.Add(values);
        }, scopes);
        return StructuredLogWriter.Write(
            "OpenTelemetry",
            record.CategoryName ?? "",
            record.LogLevel.ToString(),
            record.EventId.Name ?? record.EventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            record.FormattedMessage ?? record.Body,
            record.Attributes ?? Array.Empty<KeyValuePair<string, object?>>(),
            scopes,
            record.Exception);
    }

    /// <summary>An application's handler that logs the request headers it sees, before and after sending.</summary>
    private sealed class HeaderLoggingHandler(ILogger logger) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            logger.LogTrace("Sending {Method} {Uri} with headers {Headers}", request.Method, request.RequestUri, request.Headers);
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            logger.LogTrace("Got {Status} for headers {Headers}", (int)response.StatusCode, response.RequestMessage?.Headers);
            return response;
        }
    }

    /// <summary>An application's <see cref="IHttpClientLogger"/> (innermost of the factory's handlers) logging the request headers.</summary>
    private sealed class HeaderHttpClientLogger(ILogger logger) : IHttpClientLogger
    {
        public object? LogRequestStart(HttpRequestMessage request)
        {
            logger.LogTrace("Request headers {Headers}", request.Headers);
            return null;
        }

        public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
            logger.LogTrace("Request done, headers {Headers}", request.Headers);

        public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
            logger.LogTrace(exception, "Request failed, headers {Headers}", request.Headers);
    }
}

public sealed record ProbeVerdict(bool Approved, string Reason);

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
[Inference(MaxTokens = 64)]
public partial interface ISecretProbePrompts
{
    [Prompt("Answer: {{ question }}")]
    Task<string> AskAsync(string question, CancellationToken cancellationToken = default);

    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 1)]
    [Prompt("Judge: {{ question }}")]
    Task<ProbeVerdict> JudgeAsync(string question, CancellationToken cancellationToken = default);

    [Prompt("Stream: {{ question }}")]
    IAsyncEnumerable<string> StreamAsync(string question, CancellationToken cancellationToken = default);
}
