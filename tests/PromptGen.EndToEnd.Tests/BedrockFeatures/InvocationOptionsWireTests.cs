using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.BedrockFeatures;

/// <summary>
/// The runtime's wire types for guardrails, cache points, latency, service tier, request metadata and reasoning,
/// through the signed client against the emulator: what goes on the wire, and what comes back typed.
/// </summary>
public sealed class InvocationOptionsWireTests : IAsyncLifetime
{
    private const string Claude = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    // What an application profile or a prompt router resolves to lives in an account; the emulator is told they exist.
    private readonly EmulatorFixture _fixture = new(new BedrockEmulatorOptions
    {
        AdditionalModelIds =
        {
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
            "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1",
        },
    });

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static ConverseRequest FullRequest() => new()
    {
        System = new List<SystemContentBlock> { SystemContentBlock.FromText("Answer from the document."), new() { CachePoint = new CachePointBlock() } },
        Messages =
        {
            new Message
            {
                Content = { ContentBlock.FromText(new string('x', 200)), ContentBlock.FromCachePoint(CacheTtl.OneHour), ContentBlock.FromText("What is it about?") },
            },
        },
        GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = "gr1abc", GuardrailVersion = "2", Trace = GuardrailTrace.Enabled },
        PerformanceConfig = new PerformanceConfiguration { Latency = LatencyMode.Optimized },
        ServiceTier = ServiceTier.Priority,
        RequestMetadata = new Dictionary<string, string> { ["tenant"] = "acme-42" },
        AdditionalModelRequestFields = JsonDocument.Parse("""{"thinking":{"type":"enabled","budget_tokens":1024}}""").RootElement,
    };

    [Fact]
    public async Task Every_member_reaches_the_wire_in_its_spec_shape()
    {
        await _fixture.Client.ConverseAsync(Claude, FullRequest());

        JsonElement body = JsonDocument.Parse(Assert.Single(_fixture.Emulator.Requests).Body).RootElement;
        Assert.Equal("""[{"text":"Answer from the document."},{"cachePoint":{"type":"default"}}]""", body.GetProperty("system").GetRawText());
        Assert.Equal("""{"cachePoint":{"type":"default","ttl":"1h"}}""", body.GetProperty("messages")[0].GetProperty("content")[1].GetRawText());
        Assert.Equal("""{"guardrailIdentifier":"gr1abc","guardrailVersion":"2","trace":"enabled"}""", body.GetProperty("guardrailConfig").GetRawText());
        Assert.Equal("""{"latency":"optimized"}""", body.GetProperty("performanceConfig").GetRawText());
        Assert.Equal("""{"type":"priority"}""", body.GetProperty("serviceTier").GetRawText());
        Assert.Equal("""{"tenant":"acme-42"}""", body.GetProperty("requestMetadata").GetRawText());
        Assert.Equal("""{"thinking":{"type":"enabled","budget_tokens":1024}}""", body.GetProperty("additionalModelRequestFields").GetRawText());
    }

    [Fact]
    public async Task Cache_tokens_reasoning_and_echoes_come_back_typed()
    {
        _fixture.Emulator.Script.When().Reasoning("The document repeats x.", "sig-7").ReplyText("Nothing much.");

        ConverseResponse first = await _fixture.Client.ConverseAsync(Claude, FullRequest());
        ConverseResponse second = await _fixture.Client.ConverseAsync(Claude, FullRequest());

        Assert.True(first.Usage!.CacheWriteInputTokens > 0);
        Assert.Equal(0, first.Usage.CacheReadInputTokens);
        Assert.Equal(first.Usage.CacheWriteInputTokens, second.Usage!.CacheReadInputTokens);
        Assert.Equal("The document repeats x.", second.GetReasoningText());
        Assert.Equal("sig-7", second.GetReasoningBlocks().Single().ReasoningText!.Signature);
        Assert.Equal("Nothing much.", second.GetOutputText());
        Assert.Equal(LatencyMode.Optimized, second.PerformanceConfig!.Latency);
        Assert.Equal(ServiceTier.Priority, second.ServiceTier);
    }

    [Fact]
    public async Task A_reasoning_block_goes_back_unchanged_in_the_next_turn()
    {
        _fixture.Emulator.Script.When().Times(1).Reasoning("Think.", "sig-9").ReplyText("First.");
        _fixture.Emulator.Script.When(promptContains: "And then").ReplyText("Then.");
        ConverseRequest request = FullRequest();
        ConverseResponse first = await _fixture.Client.ConverseAsync(Claude, request);

        request.Messages.Add(first.Output!.Message!);
        request.Messages.Add(Message.User("And then?"));
        await _fixture.Client.ConverseAsync(Claude, request);

        JsonElement assistant = JsonDocument.Parse(_fixture.Emulator.Requests[1].Body).RootElement.GetProperty("messages")[1];
        Assert.Equal("""{"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"Think.","signature":"sig-9"}}},{"text":"First."}]}""", assistant.GetRawText());
    }

    [Fact]
    public async Task A_guardrail_intervention_carries_its_typed_assessment()
    {
        _fixture.Emulator.Script.When().ReplyGuardrailIntervention("Blocked.", topic: "Medical advice");

        ConverseResponse response = await _fixture.Client.ConverseAsync(Claude, FullRequest());

        Assert.Equal(StopReason.GuardrailIntervened, response.StopReason);
        GuardrailTopic topic = response.Trace!.Guardrail!.InputAssessment!["gr1abc"].TopicPolicy!.Topics.Single();
        Assert.Equal(("Medical advice", "BLOCKED", true), (topic.Name, topic.Action, topic.Detected));
        var exception = new GuardrailInterventionException(Claude, response);
        Assert.Equal("Blocked.", exception.OutputText);
        Assert.Contains("input topic 'Medical advice' BLOCKED", exception.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_reassembles_reasoning_with_its_signature_and_reports_cache_and_trace()
    {
        _fixture.Emulator.Script.When().Stream(chunkSize: 4).Reasoning("Step one, step two.", "sig-s").ReplyText("Done.");
        ConverseRequest request = FullRequest();
        await _fixture.Client.ConverseAsync(Claude, request); // writes the cache

        var stream = new PromptStream(_fixture.Client, Claude, request);
        string text = await stream.ReadToEndAsync();

        Assert.Equal("Done.", text);
        Assert.Equal("Step one, step two.", stream.ReasoningText);
        ConverseResponse response = stream.ToResponse();
        Assert.Equal("sig-s", response.GetReasoningBlocks().Single().ReasoningText!.Signature);
        Assert.Equal("Step one, step two.", response.GetReasoningText());
        Assert.True(stream.Usage!.CacheReadInputTokens > 0);
        Assert.Equal(LatencyMode.Optimized, response.PerformanceConfig!.Latency);
        Assert.Equal("ConverseStream", _fixture.Emulator.Requests[1].Operation);
    }

    [Fact]
    public async Task A_streamed_guardrail_intervention_throws_after_the_blocked_text()
    {
        _fixture.Emulator.Script.When().Stream(chunkSize: 3).ReplyGuardrailIntervention("Not allowed.", topic: "Secrets");
        var stream = new PromptStream(_fixture.Client, Claude, FullRequest());

        var deltas = new List<string>();
        GuardrailInterventionException exception = await Assert.ThrowsAsync<GuardrailInterventionException>(async () =>
        {
            await foreach (string delta in stream)
            {
                deltas.Add(delta);
            }
        });

        Assert.Equal("Not allowed.", string.Concat(deltas));
        Assert.Equal("Not allowed.", exception.OutputText);
        Assert.Equal("Secrets", exception.Assessment!.InputAssessment!["gr1abc"].TopicPolicy!.Topics[0].Name);
        Assert.Equal(StopReason.GuardrailIntervened, stream.StopReason);
    }

    [Theory]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A%3Afoundation-model%2Famazon.nova-micro-v1%3A0/converse")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0",
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fa1b2c3d4e5f6/converse")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1",
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Adefault-prompt-router%2Fanthropic.claude%3A1/converse")]
    public async Task Model_arns_travel_as_one_encoded_segment_and_are_accepted(string modelId, string expectedPath)
    {
        ConverseResponse response = await _fixture.Client.ConverseAsync(modelId, new ConverseRequest { Messages = { Message.User("Hi") } });
        string text = response.GetOutputText();

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal(expectedPath, request.RawPath);
        Assert.Equal(modelId, request.ModelId);
        Assert.True(request.SignatureValid);
        Assert.False(string.IsNullOrEmpty(text));
    }
}
