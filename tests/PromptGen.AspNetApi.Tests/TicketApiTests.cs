using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AspNetApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.AspNetApi.Tests;

public sealed class TicketApiTests : IAsyncLifetime
{
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static readonly object ChargedTwice = new { title = "Charged twice", body = "I was billed twice for order #1042." };

    private TicketApiHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TicketApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<CapturedLog> WaitForLogAsync(string eventName)
    {
        CapturedLog? found = null;
        bool logged = await Eventually(() => (found = _host.Logs.In(PromptGenTelemetry.LoggerCategory).FirstOrDefault(line => line.EventId.Name == eventName)) is not null);
        Assert.True(logged, $"PromptGen never logged {eventName}; it logged: {string.Join(", ", _host.Logs.In(PromptGenTelemetry.LoggerCategory).Select(line => line.EventId.Name))}");
        return found!;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; false after 30 s (a bound for a broken test, not a timing).</summary>
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        long started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > 30_000)
            {
                return condition();
            }

            await Task.Delay(20);
        }

        return true;
    }

    [Fact]
    public async Task Triage_returns_the_typed_result_as_json_from_a_signed_call_to_the_configured_model()
    {
        _host.Emulator.Script.When(model: Model, promptContains: "Triage this ticket: Charged twice")
            .Usage(52, 31)
            .ReplyJson("""{"team":"Billing","urgency":"high","confidence":0.92,"nextSteps":["Refund the duplicate charge","Email the customer"]}""");

        using HttpResponseMessage response = await _host.Client.PostAsJsonAsync("/tickets/triage", ChargedTwice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Billing", json.RootElement.GetProperty("team").GetString());
        Assert.Equal("High", json.RootElement.GetProperty("urgency").GetString());
        Assert.Equal(0.92, json.RootElement.GetProperty("confidence").GetDouble());
        Assert.Equal(["Refund the duplicate charge", "Email the customer"], json.RootElement.GetProperty("nextSteps").EnumerateArray().Select(step => step.GetString()));

        RecordedRequest request = Assert.Single(_host.Emulator.Requests);
        Assert.Equal(Model, request.ModelId);
        Assert.Equal(AuthSchemes.SigV4, request.AuthScheme);
        Assert.True(request.SignatureValid);
        Assert.Equal("You triage support tickets for a cloud hosting company.", request.SystemText);
        Assert.True(request.HasOutputConfig || request.HasToolConfig, "the typed result's schema was not sent");
    }

    [Fact]
    public async Task A_call_is_logged_by_PromptGen_and_by_the_endpoint()
    {
        _host.Emulator.Script.When(promptContains: "Triage this ticket")
            .Usage(52, 31)
            .ReplyJson("""{"team":"Billing","urgency":"normal","confidence":0.5,"nextSteps":[]}""");

        using HttpResponseMessage response = await _host.Client.PostAsJsonAsync("/tickets/triage", ChargedTwice);
        response.EnsureSuccessStatusCode();

        CapturedLog completed = Assert.Single(_host.Logs.In(PromptGenTelemetry.LoggerCategory), line => line.EventId.Name == "ConverseCompleted");
        Assert.Equal(LogLevel.Information, completed.Level);
        Assert.Contains(Model, completed.Message, StringComparison.Ordinal);
        Assert.Contains("ITicketPrompts.TriageAsync", completed.Message, StringComparison.Ordinal);
        Assert.Contains("52 input tokens, 31 output tokens", completed.Message, StringComparison.Ordinal);
        CapturedLog triaged = Assert.Single(_host.Logs.In(TicketApi.LoggerCategory));
        Assert.Equal("Ticket triaged to Billing with Normal urgency (0.5 confidence)", triaged.Message);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Message.Contains(EmulatorCredentials.SecretAccessKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_returns_the_model_text_as_plain_text()
    {
        _host.Emulator.Script.When(model: Model, promptContains: "Summarize this ticket")
            .ReplyText("The customer was charged twice for order #1042.");

        using HttpResponseMessage response = await _host.Client.PostAsJsonAsync("/tickets/summary", ChargedTwice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The customer was charged twice for order #1042.", await response.Content.ReadAsStringAsync());
        Assert.Contains("I was billed twice for order #1042.", Assert.Single(_host.Emulator.Requests).UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_by_Bedrock_is_503_problem_details_with_the_retry_after_bedrock_asked_for()
    {
        _host.Emulator.Script.Always().ReplyThrottling(TimeSpan.FromSeconds(7));

        using HttpResponseMessage response = await _host.Client.PostAsJsonAsync("/tickets/triage", ChargedTwice);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("ThrottlingException", problem.RootElement.GetProperty("bedrockErrorCode").GetString());
        Assert.Equal(Assert.Single(_host.Emulator.Requests).RequestId, problem.RootElement.GetProperty("bedrockRequestId").GetString());
        Assert.Contains(_host.Logs.In(PromptGenTelemetry.LoggerCategory), line => line.EventId.Name == "ConverseFailed" && line.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_request_bedrock_rejects_is_502_problem_details()
    {
        _host.Emulator.Script.Always().ReplyError("ValidationException", 400, "The provided model identifier is invalid.");

        using HttpResponseMessage response = await _host.Client.PostAsJsonAsync("/tickets/summary", ChargedTwice);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("ValidationException", JsonDocument.Parse(body).RootElement.GetProperty("bedrockErrorCode").GetString());
        Assert.DoesNotContain("model identifier is invalid", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_ticket_is_a_400_validation_problem_and_never_reaches_bedrock()
    {
        using HttpResponseMessage response = await _host.Client.PostAsJsonAsync("/tickets/triage", new { title = "", body = "text" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Empty(_host.Emulator.Requests);
    }

    [Fact]
    public async Task A_client_that_hangs_up_cancels_the_bedrock_call()
    {
        ScriptRule slow = _host.Emulator.Script.Always().Delay(TimeSpan.FromMinutes(1)).ReplyText("too late");

        using (var hangUp = new CancellationTokenSource())
        {
            Task<HttpResponseMessage> call = _host.Client.PostAsJsonAsync("/tickets/summary", ChargedTwice, hangUp.Token);
            // Hang up while the Bedrock call is in flight. A timer started with the request could fire before a loaded
            // machine has reached the endpoint, and then there is no Bedrock call to cancel.
            Assert.True(await Eventually(() => slow.UseCount == 1), "the endpoint never called Bedrock");
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        // The endpoint passed the request's abort token on: PromptGen reports the call as canceled, not failed.
        CapturedLog canceled = await WaitForLogAsync("ConverseCanceled");
        Assert.Equal(LogLevel.Debug, canceled.Level);
        Assert.DoesNotContain(_host.Logs.In(PromptGenTelemetry.LoggerCategory), line => line.EventId.Name is "ConverseFailed" or "ConverseCompleted");
    }

    [Fact]
    public void Options_come_from_appsettings_json_and_the_command_line()
    {
        BedrockOptions options = _host.App.Services.GetRequiredService<IOptions<BedrockOptions>>().Value;

        Assert.Equal("us-east-1", options.Region);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Timeout);
        Assert.Equal(_host.Emulator.Endpoint, options.Endpoint);
        Assert.Equal(1, options.Retry.MaxAttempts);
    }
}
