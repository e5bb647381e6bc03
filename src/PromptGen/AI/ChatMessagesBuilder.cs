using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.AI;

/// <summary>Turns a Bedrock Converse request into M.E.AI chat messages and options, for any <see cref="IChatClient"/>.</summary>
internal static class ChatMessagesBuilder
{
    public static List<ChatMessage> Messages(ConverseRequest request)
    {
        var messages = new List<ChatMessage>();
        foreach (SystemContentBlock block in request.System ?? Enumerable.Empty<SystemContentBlock>())
        {
            if (!string.IsNullOrEmpty(block.Text))
            {
                messages.Add(new ChatMessage(ChatRole.System, block.Text));
            }
        }

        foreach (Message message in request.Messages)
        {
            bool assistant = message.Role == ConversationRole.Assistant;
            var contents = new List<AIContent>();
            var toolResults = new List<AIContent>();
            foreach (ContentBlock block in message.Content)
            {
                if (block.Text is { } text)
                {
                    contents.Add(new TextContent(text));
                }
                else if (block.ToolUse is { } toolUse)
                {
                    contents.Add(new FunctionCallContent(toolUse.ToolUseId, toolUse.Name, JsonValues.ToArguments(toolUse.Input)));
                }
                else if (block.ToolResult is { } result)
                {
                    toolResults.Add(new FunctionResultContent(result.ToolUseId, ToolResultValue(result)));
                }
                else if (block.ReasoningContent is { } reasoning)
                {
                    contents.Add(ReasoningContents.FromBlock(reasoning, block));
                }
                else if (MediaContentMapping.ToContent(block) is { } media)
                {
                    contents.Add(media);
                }
            }

            // M.E.AI carries tool results in tool-role messages, ahead of what the user adds in the same turn.
            if (toolResults.Count > 0)
            {
                messages.Add(new ChatMessage(ChatRole.Tool, toolResults));
            }

            if (contents.Count > 0)
            {
                messages.Add(new ChatMessage(assistant ? ChatRole.Assistant : ChatRole.User, contents));
            }
        }

        return messages;
    }

    public static ChatOptions Options(ConverseRequest request, string? modelId)
    {
        var options = new ChatOptions { ModelId = modelId };
        if (request.InferenceConfig is { } inference)
        {
            options.MaxOutputTokens = inference.MaxTokens;
            options.Temperature = inference.Temperature;
            options.TopP = inference.TopP;
            options.StopSequences = inference.StopSequences?.ToList();
        }

        if (request.ToolConfig is { Tools.Count: > 0 } tools)
        {
            options.Tools = tools.Tools
                .Where(t => t.ToolSpec is not null)
                .Select(t => (AITool)AIFunctionFactory.CreateDeclaration(t.ToolSpec!.Name, t.ToolSpec.Description ?? "", t.ToolSpec.InputSchema.Json ?? JsonValues.Parse("{\"type\":\"object\"}")))
                .ToList();
            options.ToolMode = tools.ToolChoice switch
            {
                { Tool.Name: { } name } => ChatToolMode.RequireSpecific(name),
                { Any: not null } => ChatToolMode.RequireAny,
                _ => ChatToolMode.Auto,
            };
        }

        if (request.OutputConfig?.TextFormat?.Structure?.JsonSchema is { } schema)
        {
            options.ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonValues.Parse(schema.Schema), schema.Name, schema.Description);
        }

        return options;
    }

    private static object? ToolResultValue(ToolResultBlock result)
    {
        if (result.Content.Count == 1)
        {
            ToolResultContentBlock only = result.Content[0];
            return only.Json is { } json ? json : only.Text;
        }

        return string.Concat(result.Content.Select(c => c.Json?.GetRawText() ?? c.Text));
    }
}
