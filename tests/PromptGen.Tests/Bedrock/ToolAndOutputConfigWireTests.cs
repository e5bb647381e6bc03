using System.Collections.Generic;
using System.Text.Json;
using PromptGen.Bedrock;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>toolConfig, outputConfig, toolUse and toolResult serialize as the wire spec §3 shows: one union member, no nulls.</summary>
public sealed class ToolAndOutputConfigWireTests
{
    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static string Serialize(ConverseRequest request) =>
        JsonSerializer.Serialize(request, BedrockJsonContext.Default.ConverseRequest);

    [Fact]
    public void Tool_config_with_a_forced_tool()
    {
        var request = new ConverseRequest
        {
            Messages = { Message.User("Hi") },
            ToolConfig = new ToolConfiguration
            {
                Tools =
                {
                    new Tool
                    {
                        ToolSpec = new ToolSpecification
                        {
                            Name = "get_weather",
                            Description = "Get weather",
                            InputSchema = new ToolInputSchema { Json = Json("""{"type":"object","properties":{"city":{"type":"string"}}}""") },
                        },
                    },
                },
                ToolChoice = ToolChoice.ForTool("get_weather"),
            },
        };

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","description":"Get weather","inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}}}}}}],"toolChoice":{"tool":{"name":"get_weather"}}}}""",
            Serialize(request));
    }

    [Fact]
    public void Auto_and_any_tool_choices_are_empty_objects()
    {
        Assert.Equal("""{"auto":{}}""", JsonSerializer.Serialize(new ToolChoice { Auto = new AutoToolChoice() }, BedrockJsonContext.Default.ToolChoice));
        Assert.Equal("""{"any":{}}""", JsonSerializer.Serialize(new ToolChoice { Any = new AnyToolChoice() }, BedrockJsonContext.Default.ToolChoice));
    }

    [Fact]
    public void Output_config_carries_the_schema_as_a_string()
    {
        var request = new ConverseRequest
        {
            Messages = { Message.User("Hi") },
            OutputConfig = new OutputConfiguration
            {
                TextFormat = new OutputFormat
                {
                    Structure = new OutputFormatStructure
                    {
                        JsonSchema = new JsonSchemaDefinition { Schema = """{"type":"object"}""", Name = "r" },
                    },
                },
            },
        };

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":"{\u0022type\u0022:\u0022object\u0022}","name":"r"}}}}}""",
            Serialize(request));
    }

    [Fact]
    public void Tool_use_and_tool_result_turns()
    {
        var request = new ConverseRequest
        {
            Messages =
            {
                Message.User("Weather in Paris?"),
                new Message
                {
                    Role = ConversationRole.Assistant,
                    Content = { new ContentBlock { ToolUse = new ToolUseBlock { ToolUseId = "tooluse_1", Name = "get_weather", Input = Json("""{"city":"Paris"}""") } } },
                },
                new Message
                {
                    Role = ConversationRole.User,
                    Content =
                    {
                        new ContentBlock
                        {
                            ToolResult = new ToolResultBlock
                            {
                                ToolUseId = "tooluse_1",
                                Status = ToolResultStatus.Success,
                                Content = { new ToolResultContentBlock { Json = Json("""{"tempC":21}""") }, ToolResultContentBlock.FromText("sunny") },
                            },
                        },
                    },
                },
            },
        };

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Weather in Paris?"}]},{"role":"assistant","content":[{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Paris"}}}]},{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"json":{"tempC":21}},{"text":"sunny"}],"status":"success"}}]}]}""",
            Serialize(request));
    }

    [Fact]
    public void A_returned_assistant_turn_is_written_back_unchanged()
    {
        const string message =
            """{"role":"assistant","content":[{"text":"Let me check."},{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather","input":{"city":"Paris"},"type":"server_tool_use"}},{"reasoningContent":{"reasoningText":{"text":"hmm","signature":"sig"}}}]}""";
        string response = """{"output":{"message":""" + message + """},"stopReason":"tool_use","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}""";

        ConverseResponse parsed = JsonSerializer.Deserialize(response, BedrockJsonContext.Default.ConverseResponse)!;
        var request = new ConverseRequest { Messages = new List<Message> { parsed.Output!.Message! } };

        Assert.Equal("""{"messages":[""" + message + "]}", Serialize(request));
    }
}
