using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Testing;
using QuickStart;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>The QuickStart's generated clients, called over real signed HTTP against the local emulator.</summary>
public sealed class QuickStartPromptsTests : IAsyncLifetime
{
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static readonly Ticket Ticket = new("Charged twice", "Refund one charge for order #1042.", new[] { "billing", "refund" });

    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Summarize_sends_the_rendered_templates_and_settings_and_returns_the_reply()
    {
        _fixture.Emulator.Script.When(model: Haiku, promptContains: "Charged twice").ReplyText("A double charge to refund.");

        string summary = await ISupportPrompts.Create(_fixture.Client).SummarizeAsync("Contoso Cloud", Ticket);

        Assert.Equal("A double charge to refund.", summary);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse", request.RawPath);
        Assert.Equal(Haiku, request.ModelId);
        Assert.Equal("SigV4", request.AuthScheme);
        Assert.True(request.SignatureValid);
        Assert.Contains("x-amz-content-sha256", request.SignedHeaders);

        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement root = body.RootElement;
        Assert.Equal("You are a concise support agent for Contoso Cloud.", root.GetProperty("system")[0].GetProperty("text").GetString());
        JsonElement message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal(
            "Summarize this ticket in one sentence:\nCharged twice\nRefund one charge for order #1042.\nTags: billing, refund",
            Assert.Single(message.GetProperty("content").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(200, root.GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32());
        Assert.Equal(0.2, root.GetProperty("inferenceConfig").GetProperty("temperature").GetDouble(), 5);
        Assert.Equal(new[] { "inferenceConfig", "messages", "system" }, root.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task Method_model_overrides_the_interface_and_interface_settings_apply()
    {
        string reply = await ISupportPrompts.Create(_fixture.Client).DraftReplyAsync("Where is my refund?");

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal("/model/us.amazon.nova-lite-v1%3A0/converse", request.RawPath);
        Assert.False(string.IsNullOrWhiteSpace(reply));
        using JsonDocument body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("system", out _));
        Assert.Equal(300, body.RootElement.GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32());
        Assert.Equal("Write a short, friendly reply in English to a customer who wrote: Where is my refund?", request.UserText);
    }

    [Theory]
    [InlineData(new string[0], "Suggest a name for a bot that helps.")]
    [InlineData(new[] { "Botty", "Helper" }, "Suggest a name for a bot that helps. Avoid: Botty, Helper.")]
    public async Task Template_logic_and_stop_sequences_reach_the_wire(string[] avoid, string expectedPrompt)
    {
        _fixture.Emulator.Script.When(promptContains: "Suggest a name").ReplyText("Nova");

        string name = await IWritingPrompts.Create(_fixture.Client).NameAsync("bot", "helps", avoid);

        Assert.Equal("Nova", name);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal(expectedPrompt, request.UserText);
        Assert.Equal("You name things. Answer with the name only.", request.SystemText);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement inference = body.RootElement.GetProperty("inferenceConfig");
        Assert.Equal("\n", Assert.Single(inference.GetProperty("stopSequences").EnumerateArray()).GetString());
        Assert.Equal(0.7, inference.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse", request.RawPath);
    }

    [Fact]
    public async Task A_request_with_a_wrong_signature_is_refused()
    {
        using BedrockRuntimeClient forged = _fixture.CreateClient(new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, "not-the-secret"));

        BedrockServiceException error = await Assert.ThrowsAnyAsync<BedrockServiceException>(
            () => ISupportPrompts.Create(forged).SummarizeAsync("Contoso Cloud", Ticket));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(403, (int)error.StatusCode);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.False(request.SignatureValid);
        Assert.False(request.Accepted);
    }

    [Fact]
    public async Task A_modelled_Bedrock_error_surfaces_as_its_typed_exception()
    {
        _fixture.Emulator.Script.When(model: Haiku).ReplyError("ThrottlingException", 429, "Too many requests, please wait before trying again.");

        BedrockThrottlingException error = await Assert.ThrowsAsync<BedrockThrottlingException>(
            () => ISupportPrompts.Create(_fixture.Client).SummarizeAsync("Contoso Cloud", Ticket));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.True(error.IsRetryable);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains("Too many requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_slow_call_cancels_it()
    {
        _fixture.Emulator.Script.Always().Delay(TimeSpan.FromSeconds(30)).ReplyText("too late");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ISupportPrompts.Create(_fixture.Client).SummarizeAsync("Contoso Cloud", Ticket, cancellation.Token));
    }

    [Fact]
    public async Task A_template_that_cannot_render_fails_before_anything_is_sent()
    {
        PromptTemplateException error = await Assert.ThrowsAsync<PromptTemplateException>(
            () => ISupportPrompts.Create(_fixture.Client).SummarizeAsync("Contoso Cloud", null!));

        Assert.Contains("ticket.title", error.TemplateText, StringComparison.Ordinal);
        Assert.Empty(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_Bedrock_API_key_is_sent_as_a_bearer_token()
    {
        var options = new BedrockEmulatorOptions();
        options.BearerTokens.Add("test-api-key");
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(options);
        using var client = new BedrockRuntimeClient(new BedrockOptions { Endpoint = emulator.Endpoint, BearerToken = "test-api-key" });

        string reply = await ISupportPrompts.Create(client).DraftReplyAsync("Hello");

        Assert.False(string.IsNullOrEmpty(reply));
        RecordedRequest request = Assert.Single(emulator.Requests);
        Assert.Equal("Bearer", request.AuthScheme);
        Assert.True(request.Accepted);
    }
}
