using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.EndToEnd.Tests.Reliability;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>
/// [FallbackModels] against the emulator: the client retries each model first, then the prompt moves on; the wire
/// shows which models were called in which order, and the result says which one answered.
/// </summary>
public sealed class FallbackTests : IAsyncLifetime
{
    private const string Primary = ConversationPrompts.Primary;
    private const string Fallback = ConversationPrompts.Fallback;
    private const string LastResort = ConversationPrompts.LastResort;

    private BedrockEmulator _emulator = null!;
    private BedrockRuntimeClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync();
        _client = FaultClients.Create(_emulator); // quick back-off: retries take milliseconds
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private IConversationPrompts Prompts => IConversationPrompts.Create(_client);

    private string[] ModelsCalled => _emulator.Requests.Select(r => r.ModelId!).ToArray();

    [Fact]
    public async Task A_throttled_model_is_retried_then_the_next_model_answers()
    {
        _emulator.Script.When(model: Primary).ReplyError("ThrottlingException", 429, "Too many tokens");
        _emulator.Script.When(model: Fallback).Usage(input: 20, output: 5).ReplyText("A short summary.");

        PromptResult<string> result = await Prompts.SummarizeAsync("A long text.");

        Assert.Equal("A short summary.", result.Value);
        Assert.Equal(new[] { Primary, Primary, Primary, Fallback }, ModelsCalled); // 3 attempts by the client's retry, then the fallback
        Assert.Equal(Fallback, result.ModelId);
        Assert.Equal(_emulator.Requests[^1].RequestId, result.RequestId);
        Assert.Equal(2, result.Attempts.Count);
        BedrockThrottlingException throttled = Assert.IsType<BedrockThrottlingException>(result.Attempts[0].Failure);
        Assert.Equal(3, throttled.Attempts);
        Assert.Equal((Primary, _emulator.Requests[2].RequestId), (result.Attempts[0].ModelId, result.Attempts[0].RequestId));
        Assert.Equal((2, Fallback, (Exception?)null), (result.Attempts[1].Number, result.Attempts[1].ModelId, result.Attempts[1].Failure));
        Assert.Equal(25, result.Usage.TotalTokens);
        Assert.Equal(
            _emulator.Requests[0].Body,
            _emulator.Requests[^1].Body); // the same request goes to every model
    }

    [Theory]
    [InlineData("ServiceUnavailableException", 503)]
    [InlineData("ModelNotReadyException", 429)]
    [InlineData("ModelTimeoutException", 408)]
    [InlineData("ModelErrorException", 424)]
    [InlineData("ValidationException", 400)]
    [InlineData("AccessDeniedException", 403)]
    [InlineData("ResourceNotFoundException", 404)]
    public async Task Model_failures_fall_back(string code, int status)
    {
        _emulator.Script.When(model: Primary).ReplyError(code, status, "Not this model");

        string summary = await Prompts.SummarizePlainAsync("A long text.");

        Assert.StartsWith($"Emulated reply from {Fallback}", summary, StringComparison.Ordinal);
        Assert.Equal(Fallback, ModelsCalled[^1]);
        Assert.All(ModelsCalled[..^1], model => Assert.Equal(Primary, model));
    }

    [Fact]
    public async Task When_every_model_fails_the_error_lists_each_models_failure_in_order()
    {
        _emulator.Script.When(model: Primary).ReplyError("ThrottlingException", 429, "Slow down");
        _emulator.Script.When(model: Fallback).ReplyError("ModelErrorException", 424, "The model crashed");
        _emulator.Script.When(model: LastResort).ReplyError("ServiceUnavailableException", 503, "Unavailable");

        ModelFallbackException error = await Assert.ThrowsAsync<ModelFallbackException>(() => Prompts.SummarizeAsync("A long text."));

        Assert.Equal(new[] { Primary, Fallback, LastResort }, error.Failures.Select(f => f.ModelId));
        Assert.IsType<BedrockThrottlingException>(error.Failures[0].Error);
        Assert.IsType<BedrockModelErrorException>(error.Failures[1].Error);
        Assert.IsType<BedrockServiceUnavailableException>(error.Failures[2].Error);
        Assert.Same(error.Failures[2].Error, error.InnerException);
        Assert.Equal(new[] { Primary, Fallback, LastResort }, error.Attempts.Select(a => a.ModelId));
        Assert.Contains("The model crashed", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            new[] { Primary, Primary, Primary, Fallback, LastResort, LastResort, LastResort },
            ModelsCalled); // throttling and 503 are retried per model; a model error is not
    }

    [Fact]
    public async Task Rejected_credentials_do_not_fall_back()
    {
        _emulator.Script.When(model: Primary).ReplyError("UnrecognizedClientException", 403, "The security token included in the request is invalid.");

        await Assert.ThrowsAsync<BedrockAuthenticationException>(() => Prompts.SummarizeAsync("A long text."));

        Assert.Equal(new[] { Primary }, ModelsCalled);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_does_not_fall_back()
    {
        ScriptRule slow = _emulator.Script.When(model: Primary).Delay(TimeSpan.FromSeconds(10)).ReplyText("Too late.");
        using var cancellation = new CancellationTokenSource();
        Task<PromptResult<string>> call = Prompts.SummarizeAsync("A long text.", cancellation.Token);

        // Cancel while the primary model's call is in flight (a timer started with the call could fire before a loaded
        // machine has sent it, and then no model would have been called at all).
        for (int wait = 0; wait < 600 && slow.UseCount == 0; wait++)
        {
            await Task.Delay(50);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The emulator records an aborted request once it notices the abort.
        for (int wait = 0; wait < 100 && ModelsCalled.Length == 0; wait++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200); // time for a fallback call, were one (wrongly) made
        Assert.Equal(new[] { Primary }, ModelsCalled);
        Assert.Equal(EmulatorStatusCodes.ClientClosedRequest, _emulator.Requests[0].ResponseStatus);
    }

    [Fact]
    public async Task A_typed_result_still_invalid_after_its_repair_falls_back_to_a_model_asked_its_own_way()
    {
        // Nova Micro (forced tool) answers out of range twice; Claude Haiku 4.5 (native schema) answers well.
        _emulator.Script.When(model: Primary).Usage(input: 10, output: 4).ReplyToolUse(null, """{"stars":9,"reason":"Great"}""");
        _emulator.Script.When(model: Fallback).Usage(input: 30, output: 6).ReplyJson("""{"stars":5,"reason":"Great"}""");

        PromptResult<Rating> result = await Prompts.RateAsync([], "Great kettle.");

        Assert.Equal(new Rating(5, "Great"), result.Value);
        Assert.Equal(new[] { Primary, Primary, Fallback }, ModelsCalled); // the first answer, its repair, the fallback
        Assert.Equal("Rating", _emulator.Requests[0].ForcedToolName);
        Assert.False(_emulator.Requests[0].HasOutputConfig);
        Assert.True(_emulator.Requests[2].HasOutputConfig);
        Assert.False(_emulator.Requests[2].HasToolConfig);
        Assert.Equal(1, _emulator.Requests[2].MessageCount); // the fallback starts afresh, without the repair turns
        Assert.Equal(Fallback, result.ModelId);
        Assert.Equal(new[] { 1, 2, 3 }, result.Attempts.Select(a => a.Number));
        Assert.NotEmpty(result.Attempts[0].Errors);
        Assert.Equal(10 + 10 + 30, result.Usage.InputTokens); // every attempt on every model counts
        Assert.Equal(4 + 4 + 6, result.Usage.OutputTokens);
        Assert.Equal("""{"stars":5,"reason":"Great"}""", result.Text);
        Assert.Equal(_emulator.Requests[2].RequestId, result.RequestId);
        using JsonDocument body = JsonDocument.Parse(_emulator.Requests[2].Body);
        Assert.Equal("Rating", body.RootElement.GetProperty("outputConfig").GetProperty("textFormat").GetProperty("structure").GetProperty("jsonSchema").GetProperty("name").GetString());
    }
}
