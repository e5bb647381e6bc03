using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Tools;

/// <summary>Reads tool calls out of an answer and appends the turns of one tool round to a conversation.</summary>
internal static class ToolTurns
{
    /// <summary>The answer's toolUse blocks, in the model's order.</summary>
    public static List<ToolUseBlock> Calls(ConverseResponse response)
    {
        var calls = new List<ToolUseBlock>();
        foreach (ContentBlock block in response.Output?.Message?.Content ?? new List<ContentBlock>())
        {
            if (block.ToolUse is { } call)
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    /// <summary>
    /// The conversation followed by the model's answer (echoed as it came, as Bedrock requires for tool use) and one
    /// user turn holding <paramref name="userContent"/>: every tool result of the round, in the model's order.
    /// </summary>
    public static ConverseRequest Append(ConverseRequest conversation, ConverseResponse response, List<ContentBlock> userContent)
    {
        ConverseRequest next = conversation.CopyWithOwnMessages();
        next.Messages.Add(AnswerAsSent(response));
        next.Messages.Add(new Message { Role = ConversationRole.User, Content = userContent });
        return next;
    }

    /// <summary>The model's answer minus empty text blocks, which Bedrock refuses in a request.</summary>
    public static Message AnswerAsSent(ConverseResponse response)
    {
        var content = new List<ContentBlock>();
        foreach (ContentBlock block in response.Output?.Message?.Content ?? new List<ContentBlock>())
        {
            if (!(block.Text is { Length: 0 } && block.ToolUse is null && block.ToolResult is null && block.UnknownMembers is null))
            {
                content.Add(block);
            }
        }

        if (content.Count == 0)
        {
            content.Add(ContentBlock.FromText("(no answer)"));
        }

        return new Message { Role = ConversationRole.Assistant, Content = content };
    }

    /// <summary>A round of tool calls as one line per call, for <see cref="PromptAttempt.Text"/>.</summary>
    public static string Describe(IReadOnlyList<ToolUseBlock> calls)
    {
        var text = new StringBuilder();
        foreach (ToolUseBlock call in calls)
        {
            text.Append(text.Length == 0 ? "" : "\n").Append(call.Name).Append(' ')
                .Append(call.Input.ValueKind == JsonValueKind.Undefined ? "{}" : call.Input.GetRawText());
        }

        return text.ToString();
    }
}
