using System.Collections.Generic;
using System.Linq;
using System.Text;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>
/// Continues the conversation after an invalid answer: the model's answer as it came, then one user turn that
/// says what was wrong, by path. After a tool call that user turn starts with an error tool result for each call,
/// since Bedrock requires every toolUse to be answered by a toolResult in the next turn (and roles must alternate,
/// so the results and the request to try again share one turn).
/// </summary>
internal static class RepairTurns
{
    private const int ListedErrorsLimit = 20;

    public static ConverseRequest Append<T>(ConverseRequest conversation, ConverseResponse response, IReadOnlyList<ResultError> errors, StructuredOutputSpec<T> spec)
    {
        ConverseRequest next = conversation.CopyWithOwnMessages();
        List<ContentBlock> answer = AnswerAsSent(response);
        next.Messages.Add(new Message { Role = ConversationRole.Assistant, Content = answer });

        string errorLines = ErrorLines(errors);
        var feedback = new Message { Role = ConversationRole.User };
        bool calledTool = false;
        foreach (ContentBlock block in answer)
        {
            if (block.ToolUse is { } call)
            {
                calledTool = true;
                feedback.Content.Add(new ContentBlock
                {
                    ToolResult = new ToolResultBlock
                    {
                        ToolUseId = call.ToolUseId,
                        Status = ToolResultStatus.Error,
                        Content = { ToolResultContentBlock.FromText("The input was not valid:\n" + errorLines) },
                    },
                });
            }
        }

        string retry = spec.Strategy == StructuredOutputStrategy.ForcedTool
            ? calledTool
                ? $"Call {spec.ResultName} again with the corrected input."
                : $"Call the tool {spec.ResultName} with the answer as its input."
            : "Answer again with only the corrected JSON.";
        feedback.Content.Add(ContentBlock.FromText($"Your previous answer was not valid:\n{errorLines}\n{retry}"));
        next.Messages.Add(feedback);
        return next;
    }

    /// <summary>
    /// The assistant message exactly as returned (reasoning and unknown blocks included), minus empty text blocks,
    /// which Bedrock refuses in a request. An answer with nothing left gets a placeholder, since a turn cannot be empty.
    /// </summary>
    private static List<ContentBlock> AnswerAsSent(ConverseResponse response)
    {
        List<ContentBlock> content = (response.Output?.Message?.Content ?? new List<ContentBlock>())
            .Where(block => !(block.Text is { Length: 0 } && block.ToolUse is null && block.ToolResult is null && block.UnknownMembers is null))
            .ToList();
        if (content.Count == 0)
        {
            content.Add(ContentBlock.FromText("(no answer)"));
        }

        return content;
    }

    private static string ErrorLines(IReadOnlyList<ResultError> errors)
    {
        var lines = new StringBuilder();
        foreach (ResultError error in errors.Take(ListedErrorsLimit))
        {
            lines.Append(lines.Length == 0 ? "" : "\n").Append("- ").Append(error.ToString());
        }

        if (errors.Count > ListedErrorsLimit)
        {
            lines.Append("\n- … and ").Append(errors.Count - ListedErrorsLimit).Append(" more");
        }

        return lines.ToString();
    }
}
