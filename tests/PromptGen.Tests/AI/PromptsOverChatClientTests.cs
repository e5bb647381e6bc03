using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using PromptGen.AI;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.AI;

public sealed class PromptsOverChatClientTests
{
    [Fact]
    public async Task A_generated_prompt_runs_over_any_chat_client_with_its_system_prompt_and_settings()
    {
        var chat = new FakeChatClient().ReplyText("Tomato soup.");
        IKitchenPrompts kitchen = IKitchenPrompts.Create(new ChatClientBedrockRuntime(chat));

        string dish = await kitchen.SuggestAsync("tomatoes");

        Assert.Equal("Tomato soup.", dish);
        (var messages, ChatOptions? options) = Assert.Single(chat.Requests);
        Assert.Equal(new[] { ChatRole.System, ChatRole.User }, messages.Select(m => m.Role));
        Assert.Equal("You are a chef.", messages[0].Text);
        Assert.Equal("Suggest a dish with tomatoes.", messages[1].Text);
        Assert.Null(options!.ModelId); // the chat client's own model, not a Bedrock id
        Assert.Equal(120, options.MaxOutputTokens);
        Assert.Equal(0.4f, options.Temperature);
    }

    [Fact]
    public async Task Media_parameters_reach_the_chat_client_as_data_content_in_order()
    {
        var chat = new FakeChatClient().ReplyText("Shakshuka, as written.");
        IKitchenPrompts kitchen = IKitchenPrompts.Create(new ChatClientBedrockRuntime(chat));
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7 };

        await kitchen.IdentifyAsync(PromptImage.FromBytes(png), PromptDocument.FromText("Eggs in tomato sauce.", "Shakshuka recipe", DocumentFormat.Md));

        ChatMessage user = Assert.Single(Assert.Single(chat.Requests).Messages);
        Assert.Collection(
            user.Contents,
            image =>
            {
                Assert.Equal("image/png", ((DataContent)image).MediaType);
                Assert.Equal(png, ((DataContent)image).Data.ToArray());
            },
            document => Assert.Equal(("text/markdown", "Shakshuka recipe"), (((DataContent)document).MediaType, ((DataContent)document).Name)),
            text => Assert.Equal("Which dish is this, and does it follow the recipe?", ((TextContent)text).Text));
    }

    [Fact]
    public async Task The_model_can_be_chosen_per_Bedrock_id()
    {
        var chat = new FakeChatClient().ReplyText("Pesto.");
        IKitchenPrompts kitchen = IKitchenPrompts.Create(new ChatClientBedrockRuntime(chat, bedrockId => bedrockId.Contains("haiku", StringComparison.Ordinal) ? "gpt-4o-mini" : null));

        await kitchen.SuggestAsync("basil");

        Assert.Equal("gpt-4o-mini", chat.Requests[0].Options!.ModelId);
    }

    [Fact]
    public async Task A_typed_result_is_asked_for_in_the_chat_client_terms_and_repaired_when_invalid()
    {
        var chat = new FakeChatClient()
            .ReplyText("""{"title":"Shakshuka","minutes":"soon","ingredients":["eggs","tomatoes"]}""")
            .ReplyText("""{"title":"Shakshuka","minutes":25,"ingredients":["eggs","tomatoes"]}""");
        IKitchenPrompts kitchen = IKitchenPrompts.Create(new ChatClientBedrockRuntime(chat));

        Recipe recipe = await kitchen.RecipeAsync("shakshuka");

        Assert.Equal(new[] { "eggs", "tomatoes" }, recipe.Ingredients);
        Assert.Equal(("Shakshuka", 25), (recipe.Title, recipe.Minutes));
        Assert.Equal(2, chat.Requests.Count);
        ChatOptions first = chat.Requests[0].Options!;
        // Whatever strategy the Bedrock catalog chose (schema or forced tool), the chat client sees it in its own terms.
        Assert.True(first.ResponseFormat is ChatResponseFormatJson { Schema: not null } || first.ToolMode is RequiredChatToolMode, "no structured-output request reached the chat client");
        // The repair turn: the invalid answer and what was wrong with it.
        var repair = chat.Requests[1].Messages;
        Assert.Contains(repair, m => m.Role == ChatRole.Assistant);
        Assert.Contains("minutes", repair[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_over_BedrockChatClient_reach_Bedrock_unchanged()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(promptContains: "Suggest a dish with leeks").Usage(30, 4).ReplyText("Leek gratin.");
        using var bedrock = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        });
        // Both adapters in a row: prompt -> IChatClient -> Bedrock, with the Bedrock id passed through.
        IKitchenPrompts kitchen = IKitchenPrompts.Create(new ChatClientBedrockRuntime(new BedrockChatClient(bedrock), id => id));

        string dish = await kitchen.SuggestAsync("leeks");

        Assert.Equal("Leek gratin.", dish);
        RecordedRequest request = Assert.Single(emulator.Requests);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", request.ModelId);
        Assert.Equal("You are a chef.", request.SystemText);
        Assert.Equal("Suggest a dish with leeks.", request.UserText);
        Assert.True(request.SignatureValid);
    }

    [Fact]
    public async Task A_chat_client_stream_becomes_Converse_stream_events()
    {
        var chat = new FakeChatClient().Reply(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Hello there"))
        {
            FinishReason = ChatFinishReason.Length,
            Usage = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 2 },
        });
        var runtime = new ChatClientBedrockRuntime(chat);

        var events = new System.Collections.Generic.List<ConverseStreamEvent>();
        await foreach (ConverseStreamEvent streamEvent in runtime.ConverseStreamAsync("any", new ConverseRequest { Messages = { Message.User("hi") } }))
        {
            events.Add(streamEvent);
        }

        Assert.IsType<MessageStartEvent>(events[0]);
        Assert.Equal("Hello there", string.Concat(events.OfType<ContentBlockDeltaEvent>().Select(e => e.Delta.Text)));
        Assert.Equal(StopReason.MaxTokens, Assert.Single(events.OfType<MessageStopEvent>()).StopReason);
        TokenUsage usage = Assert.Single(events.OfType<ConverseStreamMetadataEvent>()).Usage!;
        Assert.Equal((3, 2, 5), (usage.InputTokens, usage.OutputTokens, usage.TotalTokens));
    }
}
