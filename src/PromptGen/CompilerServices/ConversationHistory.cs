using System;
using System.Collections.Generic;
using System.ComponentModel;
using Microsoft.Extensions.AI;
using PromptGen.AI;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// Builds the messages of a prompt with conversation history: the prior turns, then the rendered user turn, in the
/// form Bedrock accepts. Called by generated prompt clients for a parameter of type
/// <c>IEnumerable&lt;Message&gt;</c> (or a list or array of it) or <c>IEnumerable&lt;ChatMessage&gt;</c>.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// <para>Bedrock wants roles that alternate, starting with a user turn, and no empty text blocks. So: empty text
/// blocks are dropped, and a turn left with nothing is dropped; consecutive turns of one role become one turn, their
/// content blocks in order (a history ending with a user turn shares it with the rendered user turn).</para>
/// <para>A history whose first turn is the assistant's is refused with <see cref="ArgumentException"/> rather than
/// cut: dropping turns would change what the model sees without telling anyone. Put a greeting in the system
/// prompt, or leave it out of the history. The caller's messages are never modified; merged turns are new ones.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConversationHistory
{
    /// <summary>The history's turns, then <paramref name="userTurn"/>, normalised as described on the type.</summary>
    /// <exception cref="ArgumentException">A turn is null or has a role other than user or assistant, or the conversation would start with the assistant.</exception>
    public static List<Message> Build(IEnumerable<Message>? history, Message userTurn)
    {
        ArgumentNullException.ThrowIfNull(userTurn);
        var messages = new List<Message>();
        if (history is not null)
        {
            int index = 0;
            foreach (Message? turn in history)
            {
                Append(messages, turn ?? throw new ArgumentException($"Turn {index} of the conversation history is null.", nameof(history)), index);
                index++;
            }
        }

        Append(messages, userTurn, index: null);
        if (messages.Count > 0 && messages[0].Role != ConversationRole.User)
        {
            throw new ArgumentException(
                "The conversation history starts with an assistant turn, but Bedrock requires a conversation to start with a user turn. "
                + "Leave the assistant's opening out of the history (or move it into the system prompt).",
                nameof(history));
        }

        return messages;
    }

    /// <summary>
    /// The same for a Microsoft.Extensions.AI history: text, images, documents, tool calls and tool results map as
    /// <c>BedrockChatClient</c> maps them; tool turns travel as user turns, as Bedrock wants.
    /// </summary>
    /// <exception cref="ArgumentException">The history holds a system message (the prompt's <c>[SystemPrompt]</c> is the system prompt), or would start with the assistant.</exception>
    public static List<Message> Build(IEnumerable<ChatMessage>? history, Message userTurn)
    {
        if (history is null)
        {
            return Build((IEnumerable<Message>?)null, userTurn);
        }

        var turns = new List<ChatMessage>();
        foreach (ChatMessage? message in history)
        {
            if (message is null)
            {
                throw new ArgumentException($"Turn {turns.Count} of the conversation history is null.", nameof(history));
            }

            if (message.Role == ChatRole.System)
            {
                throw new ArgumentException(
                    $"Turn {turns.Count} of the conversation history is a system message; a prompt's system prompt comes from its [SystemPrompt]. Leave system messages out of the history.",
                    nameof(history));
            }

            turns.Add(message);
        }

        return Build(ConverseRequestBuilder.Build(turns, options: null).Messages, userTurn);
    }

    /// <summary>The conversation sent, plus the model's answer: what a result hands back to be continued.</summary>
    internal static IReadOnlyList<Message> Continue(List<Message> sent, Message answer)
    {
        var conversation = new Message[sent.Count + 1];
        sent.CopyTo(conversation);
        conversation[^1] = answer;
        return conversation;
    }

    private static void Append(List<Message> messages, Message turn, int? index)
    {
        if (turn.Role is not (ConversationRole.User or ConversationRole.Assistant))
        {
            string which = index is null ? "The user turn" : $"Turn {index} of the conversation history";
            throw new ArgumentException($"{which} has the role {(int)turn.Role}, which is not a ConversationRole; Bedrock knows only the user and the assistant.", index is null ? nameof(turn) : "history");
        }

        List<ContentBlock>? kept = null;
        List<ContentBlock> content = turn.Content ?? new List<ContentBlock>();
        for (int i = 0; i < content.Count; i++)
        {
            if (IsEmpty(content[i]))
            {
                kept ??= content.GetRange(0, i);
            }
            else
            {
                kept?.Add(content[i]);
            }
        }

        List<ContentBlock> blocks = kept ?? content;
        if (blocks.Count == 0)
        {
            return; // a turn with nothing to say adds nothing, and Bedrock rejects an empty one
        }

        if (messages.Count > 0 && messages[^1].Role == turn.Role)
        {
            Message previous = messages[^1];
            var merged = new List<ContentBlock>(previous.Content.Count + blocks.Count);
            merged.AddRange(previous.Content);
            merged.AddRange(blocks);
            messages[^1] = new Message { Role = turn.Role, Content = merged };
        }
        else
        {
            messages.Add(kept is null ? turn : new Message { Role = turn.Role, Content = kept });
        }
    }

    private static bool IsEmpty(ContentBlock? block) =>
        block is null
        || (string.IsNullOrEmpty(block.Text) && block.ToolUse is null && block.ToolResult is null && (block.UnknownMembers is null || block.UnknownMembers.Count == 0));
}
