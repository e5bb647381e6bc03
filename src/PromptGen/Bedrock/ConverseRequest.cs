using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.Bedrock;

/// <summary>The body of a Bedrock Runtime <c>Converse</c> request. The model id travels in the URL, not here.</summary>
public sealed class ConverseRequest
{
    public List<Message> Messages { get; set; } = new();

    public List<SystemContentBlock>? System { get; set; }

    public InferenceConfiguration? InferenceConfig { get; set; }

    /// <summary>Model-native parameters, e.g. <c>{"top_k":50}</c>.</summary>
    public JsonElement? AdditionalModelRequestFields { get; set; }
}

/// <summary>One turn of a conversation.</summary>
public sealed class Message
{
    /// <summary><see cref="ConversationRole.User"/> or <see cref="ConversationRole.Assistant"/>.</summary>
    public string Role { get; set; } = ConversationRole.User;

    public List<ContentBlock> Content { get; set; } = new();

    /// <summary>A user turn holding one text block.</summary>
    public static Message User(string text) => new() { Role = ConversationRole.User, Content = { ContentBlock.FromText(text) } };

    /// <summary>An assistant turn holding one text block.</summary>
    public static Message Assistant(string text) => new() { Role = ConversationRole.Assistant, Content = { ContentBlock.FromText(text) } };
}

public static class ConversationRole
{
    public const string User = "user";
    public const string Assistant = "assistant";
}

/// <summary>
/// A content block union. Only <see cref="Text"/> is modelled so far; members this library does not know yet
/// (tool use, reasoning, citations...) are kept in <see cref="UnknownMembers"/> rather than dropped.
/// </summary>
public sealed class ContentBlock
{
    public string? Text { get; set; }

    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }

    public static ContentBlock FromText(string text) => new() { Text = text };
}

/// <summary>A system prompt block union; only text is modelled so far.</summary>
public sealed class SystemContentBlock
{
    public string? Text { get; set; }

    public static SystemContentBlock FromText(string text) => new() { Text = text };

    /// <summary>
    /// The system member for a rendered system prompt: one text block, or null (no system prompt) when the text is
    /// empty, since Bedrock rejects empty text blocks.
    /// </summary>
    public static List<SystemContentBlock>? ListFromText(string? text) =>
        string.IsNullOrEmpty(text) ? null : new List<SystemContentBlock> { FromText(text!) };
}

/// <summary>Converse <c>inferenceConfig</c>. Null members are not sent.</summary>
public sealed class InferenceConfiguration
{
    public int? MaxTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public List<string>? StopSequences { get; set; }
}
