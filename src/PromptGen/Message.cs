using System.Collections.Generic;
using System.Text.Json.Serialization;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Serialization;

namespace PromptGen;

/// <summary>One turn of a conversation.</summary>
public sealed class Message
{
    /// <summary>Who wrote the turn.</summary>
    public ConversationRole Role { get; set; } = ConversationRole.User;

    /// <summary>The turn's content blocks, in order: text, media, tool calls and results, reasoning.</summary>
    public List<ContentBlock> Content { get; set; } = new();

    /// <summary>A user turn holding one text block.</summary>
    public static Message User(string text) => new() { Role = ConversationRole.User, Content = { ContentBlock.FromText(text) } };

    /// <summary>An assistant turn holding one text block.</summary>
    public static Message Assistant(string text) => new() { Role = ConversationRole.Assistant, Content = { ContentBlock.FromText(text) } };
}

/// <summary>Who wrote a turn of a conversation.</summary>
[JsonConverter(typeof(ConversationRoleConverter))]
public enum ConversationRole
{
    /// <summary>The user (or the application speaking for them); tool results go back in user turns too.</summary>
    User,

    /// <summary>The model.</summary>
    Assistant,
}
