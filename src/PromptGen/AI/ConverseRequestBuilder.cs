using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.AI;

/// <summary>Turns M.E.AI chat messages and options into a Bedrock Converse request.</summary>
internal static class ConverseRequestBuilder
{
    public static ConverseRequest Build(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var request = new ConverseRequest();
        var system = new List<SystemContentBlock>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            system.Add(SystemContentBlock.FromText(options!.Instructions!));
        }

        foreach (ChatMessage message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.AddRange(message.Contents.OfType<TextContent>().Where(t => t.Text.Length > 0).Select(t => SystemContentBlock.FromText(t.Text)));
                continue;
            }

            // Bedrock has two roles; tool results travel in user turns.
            ConversationRole role = message.Role == ChatRole.Assistant ? ConversationRole.Assistant : ConversationRole.User;
            int documents = 0;
            List<ContentBlock> blocks = message.Contents
                .Select(content => content is DataContent data ? MediaContentMapping.ToBlock(data, ++documents) : ToBlock(content))
                .OfType<ContentBlock>()
                .ToList();
            if (blocks.Count == 0)
            {
                continue;
            }

            // Bedrock wants the roles to alternate: consecutive turns of one role become one turn.
            if (request.Messages.Count > 0 && request.Messages[^1].Role == role)
            {
                request.Messages[^1].Content.AddRange(blocks);
            }
            else
            {
                request.Messages.Add(new Message { Role = role, Content = blocks });
            }
        }

        request.System = system.Count > 0 ? system : null;
        if (options is not null)
        {
            ApplyOptions(request, options);
        }

        return request;
    }

    private static void ApplyOptions(ConverseRequest request, ChatOptions options)
    {
        if (options.MaxOutputTokens is not null || options.Temperature is not null || options.TopP is not null || options.StopSequences is { Count: > 0 })
        {
            request.InferenceConfig = new InferenceConfiguration
            {
                MaxTokens = options.MaxOutputTokens,
                Temperature = options.Temperature,
                TopP = options.TopP,
                StopSequences = options.StopSequences is { Count: > 0 } stops ? stops.ToList() : null,
            };
        }

        if (options.TopK is { } topK)
        {
            // Not part of Converse's common settings; the models that have it read it from here.
            request.AdditionalModelRequestFields = JsonValues.Parse($"{{\"top_k\":{topK}}}");
        }

        List<AIFunctionDeclaration> functions = options.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? new List<AIFunctionDeclaration>();
        if (functions.Count > 0 && options.ToolMode is not NoneChatToolMode)
        {
            request.ToolConfig = new ToolConfiguration
            {
                Tools = functions.Select(f => new Tool
                {
                    ToolSpec = new ToolSpecification
                    {
                        Name = f.Name,
                        Description = string.IsNullOrEmpty(f.Description) ? null : f.Description,
                        InputSchema = new ToolInputSchema { Json = f.JsonSchema },
                    },
                }).ToList(),
                ToolChoice = options.ToolMode switch
                {
                    RequiredChatToolMode { RequiredFunctionName: { } name } => ToolChoice.ForTool(name),
                    RequiredChatToolMode => new ToolChoice { Any = new AnyToolChoice() },
                    _ => null,
                },
            };
        }

        if (options.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
        {
            request.OutputConfig = new OutputConfiguration
            {
                TextFormat = new OutputFormat
                {
                    Structure = new OutputFormatStructure
                    {
                        JsonSchema = new JsonSchemaDefinition
                        {
                            Schema = schema.GetRawText(),
                            Name = json.SchemaName,
                            Description = json.SchemaDescription,
                        },
                    },
                },
            };
        }
    }

    private static ContentBlock? ToBlock(AIContent content) => content switch
    {
        TextContent { Text.Length: > 0 } text => ContentBlock.FromText(text.Text),
        FunctionCallContent call => new ContentBlock
        {
            ToolUse = new ToolUseBlock { ToolUseId = call.CallId, Name = call.Name, Input = JsonValues.FromArguments(call.Arguments) },
        },
        FunctionResultContent result => new ContentBlock { ToolResult = ToolResult(result) },
        TextReasoningContent reasoning => ReasoningContents.ToBlock(reasoning),
        _ => null,
    };

    private static ToolResultBlock ToolResult(FunctionResultContent result)
    {
        var block = new ToolResultBlock { ToolUseId = result.CallId };
        if (result.Exception is not null)
        {
            block.Status = ToolResultStatus.Error;
            block.Content.Add(ToolResultContentBlock.FromText(result.Result?.ToString() ?? result.Exception.Message));
            return block;
        }

        JsonElement value = result.Result is string text ? default : JsonValues.ToElement(result.Result);
        block.Content.Add(result.Result is string s
            ? ToolResultContentBlock.FromText(s)
            : value.ValueKind == JsonValueKind.Object
                ? new ToolResultContentBlock { Json = value }
                : ToolResultContentBlock.FromText(value.GetRawText()));
        return block;
    }
}
