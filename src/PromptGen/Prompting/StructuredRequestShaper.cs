using System;
using System.Collections.Generic;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>
/// Adds to a generated request (system, messages, inference settings) what its strategy needs to get JSON back.
/// Works on a copy: the caller's request and its messages are left as they were.
/// </summary>
internal static class StructuredRequestShaper
{
    public static ConverseRequest Shape<T>(ConverseRequest request, StructuredOutputSpec<T> spec)
    {
        if (request.ToolConfig is not null || request.OutputConfig is not null)
        {
            // Merging is not attempted: a forced result tool and the caller's own tools or format cannot both win.
            throw new ArgumentException("A structured prompt sets toolConfig and outputConfig itself; the request must not have them.", nameof(request));
        }

        ConverseRequest shaped = request.CopyWithOwnMessages();
        switch (spec.Strategy)
        {
            case StructuredOutputStrategy.PromptOnly:
                AppendToLastUserMessage(shaped.Messages, PromptOnlyInstructions(spec));
                break;
            case StructuredOutputStrategy.ForcedTool:
                shaped.ToolConfig = new ToolConfiguration
                {
                    Tools =
                    {
                        new Tool
                        {
                            ToolSpec = new ToolSpecification
                            {
                                Name = spec.ResultName,
                                Description = spec.Description,
                                InputSchema = new ToolInputSchema { Json = spec.SchemaElement },
                            },
                        },
                    },
                    ToolChoice = ToolChoice.ForTool(spec.ResultName),
                };
                break;
            case StructuredOutputStrategy.NativeSchema:
                shaped.OutputConfig = new OutputConfiguration
                {
                    TextFormat = new OutputFormat
                    {
                        Type = OutputFormat.JsonSchemaType,
                        Structure = new OutputFormatStructure
                        {
                            JsonSchema = new JsonSchemaDefinition { Schema = spec.SchemaJson, Name = spec.ResultName, Description = spec.Description },
                        },
                    },
                };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Strategy, "Unknown structured output strategy.");
        }

        return shaped;
    }

    internal static string PromptOnlyInstructions<T>(StructuredOutputSpec<T> spec) =>
        "Answer with only a JSON object that matches the JSON schema below. Write no prose before or after it, "
        + "no Markdown code fences and no comments."
        + (spec.Description is null ? "" : "\nThe object: " + spec.Description)
        + "\n\nJSON schema:\n" + spec.SchemaJson;

    /// <summary>Adds a text block to the last user message (a copy of it), or a user message when there is none.</summary>
    private static void AppendToLastUserMessage(List<Message> messages, string text)
    {
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ConversationRole.User)
            {
                messages[i] = new Message { Role = ConversationRole.User, Content = new List<ContentBlock>(messages[i].Content) { ContentBlock.FromText(text) } };
                return;
            }
        }

        messages.Add(Message.User(text));
    }
}
