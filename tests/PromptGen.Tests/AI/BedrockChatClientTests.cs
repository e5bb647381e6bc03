using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PromptGen.AI;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.AI;

public sealed class BedrockChatClientTests
{
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Fact]
    public async Task Reasoning_comes_back_as_reasoning_content_and_goes_back_with_its_signature()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "2+2").Times(1).Reasoning("Add them.", "sig-r").ReplyText("4");
        emulator.Script.When(promptContains: "twice").ReplyText("8");
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);
        var messages = new List<ChatMessage> { new(ChatRole.User, "What is 2+2?") };

        ChatResponse response = await chat.GetResponseAsync(messages);
        messages.AddRange(response.Messages);
        messages.Add(new ChatMessage(ChatRole.User, "And twice that?"));
        await chat.GetResponseAsync(messages);

        TextReasoningContent reasoning = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>());
        Assert.Equal(("Add them.", "sig-r"), (reasoning.Text, reasoning.ProtectedData));
        Assert.Equal("4", response.Text);
        using JsonDocument second = JsonDocument.Parse(emulator.Requests[1].Body);
        Assert.Equal("""{"reasoningText":{"text":"Add them.","signature":"sig-r"}}""",
            second.RootElement.GetProperty("messages")[1].GetProperty("content")[0].GetProperty("reasoningContent").GetRawText());
    }

    [Fact]
    public async Task Streamed_reasoning_arrives_as_reasoning_updates_with_the_signature_last()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When().Stream(chunkSize: 3).Reasoning("Think hard.", "sig-s").ReplyText("Done.");
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);

        var reasoning = new List<TextReasoningContent>();
        var text = new System.Text.StringBuilder();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(new[] { new ChatMessage(ChatRole.User, "Go") }))
        {
            reasoning.AddRange(update.Contents.OfType<TextReasoningContent>());
            text.Append(update.Text);
        }

        Assert.Equal("Think hard.", string.Concat(reasoning.Select(r => r.Text)));
        Assert.Equal("sig-s", reasoning[^1].ProtectedData);
        Assert.Equal("Done.", text.ToString());
    }

    [Fact]
    public async Task Text_chat_goes_to_Bedrock_with_system_prompt_settings_and_returns_usage()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "capital of France").Usage(14, 3).ReplyText("Paris.");
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);

        ChatResponse response = await chat.GetResponseAsync(
            new[] { new ChatMessage(ChatRole.System, "Answer briefly."), new ChatMessage(ChatRole.User, "What is the capital of France?") },
            new ChatOptions { MaxOutputTokens = 50, Temperature = 0.1f, StopSequences = new List<string> { "END" } });

        Assert.Equal("Paris.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(Model, response.ModelId);
        Assert.Equal(14, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        RecordedRequest request = Assert.Single(emulator.Requests);
        Assert.Equal(Model, request.ModelId);
        Assert.Equal("Answer briefly.", request.SystemText);
        Assert.Equal("What is the capital of France?", request.UserText);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement inference = body.RootElement.GetProperty("inferenceConfig");
        Assert.Equal(50, inference.GetProperty("maxTokens").GetInt32());
        Assert.Equal("END", inference.GetProperty("stopSequences")[0].GetString());
    }

    [Fact]
    public async Task Tools_round_trip_as_function_calls_and_results()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "weather").Times(1).ReplyToolUse("get_weather", """{"city":"Paris"}""");
        emulator.Script.When(model: Model).ReplyText("It is sunny in Paris.");
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);
        AIFunctionDeclaration weather = AIFunctionFactory.CreateDeclaration(
            "get_weather", "Current weather of a city", JsonSerializer.Deserialize<JsonElement>("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));
        var options = new ChatOptions { Tools = new List<AITool> { weather }, ToolMode = ChatToolMode.RequireAny };
        var history = new List<ChatMessage> { new(ChatRole.User, "What is the weather in Paris?") };

        ChatResponse first = await chat.GetResponseAsync(history, options);

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        FunctionCallContent call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", ((JsonElement)call.Arguments!["city"]!).GetString());
        Assert.True(emulator.Requests[0].HasToolConfig);
        Assert.Contains("\"any\":{}", emulator.Requests[0].Body, StringComparison.Ordinal);

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, new List<AIContent> { new FunctionResultContent(call.CallId, new Dictionary<string, object?> { ["sky"] = "clear", ["celsius"] = 24 }) }));
        ChatResponse second = await chat.GetResponseAsync(history, new ChatOptions { Tools = new List<AITool> { weather } });

        Assert.Equal("It is sunny in Paris.", second.Text);
        RecordedRequest followUp = emulator.Requests[1];
        Assert.True(followUp.Accepted, followUp.ErrorCode);
        Assert.Equal(3, followUp.MessageCount);
        Assert.Contains("\"toolResult\"", followUp.Body, StringComparison.Ordinal);
        Assert.Contains("\"celsius\":24", followUp.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_are_sent_as_Converse_image_blocks()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Describe").ReplyText("A red square.");
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        ChatResponse response = await chat.GetResponseAsync(new ChatMessage(ChatRole.User, new List<AIContent> { new TextContent("Describe this."), new DataContent(png, "image/png") }));

        Assert.Equal("A red square.", response.Text);
        RecordedRequest request = Assert.Single(emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement image = body.RootElement.GetProperty("messages")[0].GetProperty("content")[1].GetProperty("image");
        Assert.Equal("png", image.GetProperty("format").GetString());
        Assert.Equal(Convert.ToBase64String(png), image.GetProperty("source").GetProperty("bytes").GetString());
    }

    [Fact]
    public async Task Documents_are_sent_as_Converse_document_blocks_with_a_valid_name()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);
        byte[] pdf = "%PDF-1.4 hello"u8.ToArray();

        await chat.GetResponseAsync(new ChatMessage(ChatRole.User, new List<AIContent>
        {
            new DataContent(pdf, "application/pdf") { Name = "contract_v2.pdf" },
            new DataContent("a,b"u8.ToArray(), "text/csv"),
            new TextContent("Summarise."),
        }));

        RecordedRequest request = Assert.Single(emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        Assert.Collection(
            request.UserContent,
            document =>
            {
                Assert.Equal(("pdf", "contract-v2-pdf"), (document.Format, document.Name));
                Assert.Equal(pdf, document.Bytes!.Value.ToArray());
            },
            document => Assert.Equal(("csv", "document-2"), (document.Format, document.Name)),
            text => Assert.Equal("Summarise.", text.Text));
    }

    [Fact]
    public async Task A_structured_response_format_becomes_outputConfig()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "colour").ReplyJson("""{"name":"teal"}""");
        using BedrockRuntimeClient bedrock = Client(emulator);
        IChatClient chat = new BedrockChatClient(bedrock, Model);
        JsonElement schema = JsonSerializer.Deserialize<JsonElement>("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}""");

        ChatResponse response = await chat.GetResponseAsync("Pick a colour.", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "colour") });

        Assert.Equal("""{"name":"teal"}""", response.Text);
        Assert.True(emulator.Requests[0].HasOutputConfig);
    }

    [Fact]
    public async Task Streaming_yields_text_a_reassembled_tool_call_the_finish_reason_and_usage()
    {
        IChatClient chat = new BedrockChatClient(new StreamingRuntime(), Model);

        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("hi"))
        {
            updates.Add(update);
        }

        ChatResponse combined = updates.ToChatResponse();
        Assert.Equal("Let me check.", combined.Text);
        FunctionCallContent call = Assert.Single(combined.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("t-1", "lookup"), (call.CallId, call.Name));
        Assert.Equal("Oslo", ((JsonElement)call.Arguments!["city"]!).GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, combined.FinishReason);
        Assert.Equal(9, combined.Usage?.InputTokenCount);
        Assert.Equal(4, combined.Usage?.OutputTokenCount);
        Assert.All(updates, u => Assert.Equal(Model, u.ModelId));
    }

    [Fact]
    public void Metadata_names_the_provider_endpoint_and_default_model()
    {
        using var bedrock = new BedrockRuntimeClient(new BedrockOptions { Region = "eu-west-1", Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret") });
        IChatClient chat = new BedrockChatClient(bedrock, Model);

        ChatClientMetadata metadata = Assert.IsType<ChatClientMetadata>(chat.GetService(typeof(ChatClientMetadata)));

        Assert.Equal("aws.bedrock", metadata.ProviderName);
        Assert.Equal(new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com/"), metadata.ProviderUri);
        Assert.Equal(Model, metadata.DefaultModelId);
        Assert.Same(bedrock, chat.GetService(typeof(IBedrockRuntime)));
    }

    [Fact]
    public async Task Without_any_model_the_call_fails_before_sending()
    {
        IChatClient chat = new BedrockChatClient(new StreamingRuntime());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetResponseAsync("hi"));

        Assert.Contains("ChatOptions.ModelId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBedrockChatClient_registers_an_IChatClient_using_the_configured_default_model()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(model: "us.amazon.nova-lite-v1:0").ReplyText("Hi from Nova.");
        var services = new ServiceCollection();
        services.AddPromptGen(options =>
        {
            options.Region = "us-east-1";
            options.Endpoint = emulator.Endpoint;
            options.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
            options.DefaultModel = "us.amazon.nova-lite-v1:0";
        });
        services.AddBedrockChatClient();
        await using ServiceProvider provider = services.BuildServiceProvider();

        ChatResponse response = await provider.GetRequiredService<IChatClient>().GetResponseAsync("Hello");

        Assert.Equal("Hi from Nova.", response.Text);
        Assert.Equal("us.amazon.nova-lite-v1:0", Assert.Single(emulator.Requests).ModelId);
    }

    private static BedrockRuntimeClient Client(BedrockEmulator emulator) => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
    });

    private sealed class StreamingRuntime : IBedrockRuntime
    {
        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new MessageStartEvent();
            yield return new ContentBlockDeltaEvent { ContentBlockIndex = 0, Delta = new ContentBlockDelta { Text = "Let me " } };
            yield return new ContentBlockDeltaEvent { ContentBlockIndex = 0, Delta = new ContentBlockDelta { Text = "check." } };
            yield return new ContentBlockStopEvent { ContentBlockIndex = 0 };
            yield return new ContentBlockStartEvent { ContentBlockIndex = 1, Start = new ContentBlockStart { ToolUse = new ToolUseBlockStart { ToolUseId = "t-1", Name = "lookup" } } };
            yield return new ContentBlockDeltaEvent { ContentBlockIndex = 1, Delta = new ContentBlockDelta { ToolUse = new ToolUseBlockDelta { Input = "{\"ci" } } };
            yield return new ContentBlockDeltaEvent { ContentBlockIndex = 1, Delta = new ContentBlockDelta { ToolUse = new ToolUseBlockDelta { Input = "ty\":\"Oslo\"}" } } };
            yield return new ContentBlockStopEvent { ContentBlockIndex = 1 };
            yield return new MessageStopEvent { StopReason = StopReason.ToolUse };
            yield return new ConverseStreamMetadataEvent { Usage = new TokenUsage { InputTokens = 9, OutputTokens = 4, TotalTokens = 13 } };
        }
    }
}
