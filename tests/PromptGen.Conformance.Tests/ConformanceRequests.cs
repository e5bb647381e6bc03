using System.Text.Json;
using System.Text.Json.Nodes;
using PromptGen.Bedrock;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The same logical requests in the two forms the tests send them: as input for the official SDK's commands
/// (JSON; blobs marked {"$base64"} for the script to turn into bytes) and as our <see cref="ConverseRequest"/>.
/// </summary>
internal static class ConformanceRequests
{
    public const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    public const string ImageBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    public const string DocumentBase64 = "IyBOb3RlcwpCcmluZyBhbiB1bWJyZWxsYS4="; // "# Notes\nBring an umbrella."

    private const string ToolSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    /// <summary>Text, system, inference settings, tools, an image and a document, as the SDK's ConverseCommand input.</summary>
    public static JsonObject RichSdkInput(string prompt) => new()
    {
        ["system"] = new JsonArray(new JsonObject { ["text"] = "You are terse." }),
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(
                new JsonObject { ["text"] = prompt },
                new JsonObject
                {
                    ["image"] = new JsonObject
                    {
                        ["format"] = "png",
                        ["source"] = new JsonObject { ["bytes"] = new JsonObject { ["$base64"] = ImageBase64 } },
                    },
                },
                new JsonObject
                {
                    ["document"] = new JsonObject
                    {
                        ["format"] = "md",
                        ["name"] = "Trip notes (v2)",
                        ["source"] = new JsonObject { ["bytes"] = new JsonObject { ["$base64"] = DocumentBase64 } },
                    },
                }),
        }),
        ["inferenceConfig"] = new JsonObject
        {
            ["maxTokens"] = 256,
            ["temperature"] = 0.2,
            ["topP"] = 0.9,
            ["stopSequences"] = new JsonArray("END"),
        },
        ["toolConfig"] = new JsonObject
        {
            ["tools"] = new JsonArray(new JsonObject
            {
                ["toolSpec"] = new JsonObject
                {
                    ["name"] = "get_weather",
                    ["description"] = "Get weather",
                    ["inputSchema"] = new JsonObject { ["json"] = JsonNode.Parse(ToolSchema) },
                },
            }),
            ["toolChoice"] = new JsonObject { ["auto"] = new JsonObject() },
        },
    };

    /// <summary>The same request through our types, the media through PromptImage and PromptDocument.</summary>
    public static ConverseRequest RichRequest(string prompt)
    {
        using JsonDocument schema = JsonDocument.Parse(ToolSchema);
        return new ConverseRequest
        {
            System = [new SystemContentBlock { Text = "You are terse." }],
            Messages =
            {
                new Message
                {
                    Role = ConversationRole.User,
                    Content =
                    {
                        ContentBlock.FromText(prompt),
                        PromptImage.FromBytes(System.Convert.FromBase64String(ImageBase64)).ToContentBlock(),
                        PromptDocument.FromBytes(System.Convert.FromBase64String(DocumentBase64), DocumentFormat.Md, "Trip notes (v2)").ToContentBlock(),
                    },
                },
            },
            InferenceConfig = new InferenceConfiguration { MaxTokens = 256, Temperature = 0.2f, TopP = 0.9f, StopSequences = ["END"] },
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
                            InputSchema = new ToolInputSchema { Json = schema.RootElement.Clone() },
                        },
                    },
                },
                ToolChoice = new ToolChoice { Auto = new AutoToolChoice() },
            },
        };
    }

    /// <summary>Just a prompt, for calls whose answer is all that matters.</summary>
    public static JsonObject PlainSdkInput(string prompt) => new()
    {
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["text"] = prompt }),
        }),
    };

    public static ConverseRequest PlainRequest(string prompt) => new() { Messages = { Message.User(prompt) } };

    public static JsonObject Call(string name, string operation, JsonObject input) => new()
    {
        ["name"] = name,
        ["operation"] = operation,
        ["modelId"] = Model,
        ["input"] = input,
    };
}
