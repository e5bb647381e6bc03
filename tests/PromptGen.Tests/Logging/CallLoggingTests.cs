using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.Logging;

public sealed class CallLoggingTests
{
    private const string Interface = "PromptGen.Tests.Logging.ILoggedPrompts";

    [Fact]
    public async Task A_call_logs_its_start_at_Debug_and_its_end_at_Information_with_model_latency_tokens_and_stop_reason()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Greet Ada").Usage(21, 8).ReplyText("Hello Ada!", "end_turn");
        var logs = new CapturingLoggerProvider();
        await using ServiceProvider provider = Services(emulator, logs).BuildServiceProvider();

        await provider.GetRequiredService<ILoggedPrompts>().GreetAsync("Ada");

        LogEntry[] entries = logs.Entries.Where(e => e.Category == PromptGenTelemetry.LoggerCategory).ToArray();
        LogEntry start = Assert.Single(entries, e => e.EventId.Name == "ConverseStarting");
        Assert.Equal(LogLevel.Debug, start.Level);
        Assert.Equal("us.amazon.nova-lite-v1:0", start.Values["ModelId"]);
        Assert.Equal(Interface, start.Values["PromptInterface"]);
        Assert.Equal("GreetAsync", start.Values["PromptMethod"]);

        LogEntry end = Assert.Single(entries, e => e.EventId.Name == "ConverseCompleted");
        Assert.Equal(LogLevel.Information, end.Level);
        Assert.Equal("us.amazon.nova-lite-v1:0", end.Values["ModelId"]);
        Assert.Equal(21, end.Values["InputTokens"]);
        Assert.Equal(8, end.Values["OutputTokens"]);
        Assert.Equal("end_turn", end.Values["StopReason"]);
        Assert.IsType<long>(end.Values["ElapsedMilliseconds"]);
        Assert.Contains($"for {Interface}.GreetAsync completed in", end.Message, StringComparison.Ordinal);

        // Trace is enabled, but prompts and answers were not opted in.
        Assert.DoesNotContain(entries, e => e.Level == LogLevel.Trace);
        Assert.DoesNotContain(entries, e => e.Everything.Contains("Greet Ada", StringComparison.Ordinal) || e.Everything.Contains("Hello Ada!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prompts_and_answers_are_logged_at_Trace_only_when_sensitive_data_is_enabled()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Greet Grace").ReplyText("Hello Grace!");
        var logs = new CapturingLoggerProvider();
        await using ServiceProvider provider = Services(emulator, logs, options => options.EnableSensitiveData = true).BuildServiceProvider();

        await provider.GetRequiredService<ILoggedPrompts>().GreetAsync("Grace");

        LogEntry request = Assert.Single(logs.Entries, e => e.EventId.Name == "ConverseRequestContent");
        Assert.Equal(LogLevel.Trace, request.Level);
        Assert.Contains("Greet Grace warmly.", request.Message, StringComparison.Ordinal);
        LogEntry response = Assert.Single(logs.Entries, e => e.EventId.Name == "ConverseResponseContent");
        Assert.Equal(LogLevel.Trace, response.Level);
        Assert.Contains("Hello Grace!", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_call_is_logged_as_a_warning_with_the_error_code()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Greet Bob").ReplyError("ValidationException", 400, "The model rejected the request.");
        var logs = new CapturingLoggerProvider();
        await using ServiceProvider provider = Services(emulator, logs).BuildServiceProvider();

        await Assert.ThrowsAsync<BedrockValidationException>(() => provider.GetRequiredService<ILoggedPrompts>().GreetAsync("Bob"));

        LogEntry failed = Assert.Single(logs.Entries, e => e.EventId.Name == "ConverseFailed");
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Equal("ValidationException", failed.Values["ErrorType"]);
        Assert.IsType<BedrockValidationException>(failed.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Name == "ConverseCompleted");
    }

    [Fact]
    public async Task Credentials_never_reach_the_logs_even_at_Trace_with_sensitive_data_and_failures()
    {
        const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdef";
        const string BearerToken = "bedrock-api-key-EXAMPLE-0123456789abcdef";
        var emulatorOptions = new BedrockEmulatorOptions();
        emulatorOptions.BearerTokens.Add(BearerToken);
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(emulatorOptions);
        emulator.Script.When(promptContains: "Greet Eve").ReplyError("ThrottlingException", 429, "Rate exceeded");
        var logs = new CapturingLoggerProvider();

        // SigV4 with a session token: a success, a service error; then a bearer key: a success; then wrong keys.
        await using (ServiceProvider sigV4 = Services(emulator, logs, options =>
        {
            options.EnableSensitiveData = true;
            options.Credentials = new SessionAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey, SessionToken);
        }).BuildServiceProvider())
        {
            ILoggedPrompts prompts = sigV4.GetRequiredService<ILoggedPrompts>();
            await CallIgnoringBedrockErrors(() => prompts.GreetAsync("Alice"));
            await CallIgnoringBedrockErrors(() => prompts.GreetAsync("Eve"));
        }

        await using (ServiceProvider bearer = Services(emulator, logs, options =>
        {
            options.EnableSensitiveData = true;
            options.Credentials = null;
            options.BearerToken = BearerToken;
        }).BuildServiceProvider())
        {
            await CallIgnoringBedrockErrors(() => bearer.GetRequiredService<ILoggedPrompts>().GreetAsync("Carol"));
        }

        await using (ServiceProvider wrongKey = Services(emulator, logs, options =>
        {
            options.EnableSensitiveData = true;
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, "wrong/" + EmulatorCredentials.SecretAccessKey);
        }).BuildServiceProvider())
        {
            await CallIgnoringBedrockErrors(() => wrongKey.GetRequiredService<ILoggedPrompts>().GreetAsync("Mallory"));
        }

        Assert.Contains(logs.Entries, e => e.EventId.Name == "ConverseRequestContent");
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Name == "ConverseFailed"));
        foreach (LogEntry entry in logs.Entries)
        {
            foreach (string secret in new[] { EmulatorCredentials.SecretAccessKey, SessionToken, BearerToken })
            {
                Assert.DoesNotContain(secret, entry.Everything, StringComparison.Ordinal);
            }
        }
    }

    private static async Task CallIgnoringBedrockErrors(Func<Task<string>> call)
    {
        try
        {
            await call();
        }
        catch (BedrockException)
        {
        }
    }

    private static ServiceCollection Services(BedrockEmulator emulator, CapturingLoggerProvider logs, Action<BedrockOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddPromptGen(options =>
        {
            options.Region = "us-east-1";
            options.Endpoint = emulator.Endpoint;
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
            configure?.Invoke(options);
        });
        services.AddPromptClient<ILoggedPrompts>();
        return services;
    }
}
