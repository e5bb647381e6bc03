using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

namespace PromptGen.Bedrock;

/// <summary>The body of a Bedrock Runtime <c>Converse</c> request. The model id travels in the URL, not here.</summary>
public sealed class ConverseRequest
{
    public List<Message> Messages { get; set; } = new();

    public List<SystemContentBlock>? System { get; set; }

    public InferenceConfiguration? InferenceConfig { get; set; }

    /// <summary>Model-native parameters, e.g. <c>{"top_k":50}</c>.</summary>
    public JsonElement? AdditionalModelRequestFields { get; set; }

    /// <summary>The tools the model may call, and whether it must call one.</summary>
    public ToolConfiguration? ToolConfig { get; set; }

    /// <summary>Structured output: the JSON schema the model's text answer must follow (models that support it).</summary>
    public OutputConfiguration? OutputConfig { get; set; }

    /// <summary>The guardrail that screens the prompt and the answer.</summary>
    public GuardrailConfiguration? GuardrailConfig { get; set; }

    /// <summary>Latency-optimized inference.</summary>
    public PerformanceConfiguration? PerformanceConfig { get; set; }

    /// <summary>The capacity tier that serves the call; Bedrock's default when null.</summary>
    [JsonConverter(typeof(ServiceTierConverter))]
    public ServiceTier? ServiceTier { get; set; }

    /// <summary>Tags for the invocation logs: 1 to 16 pairs, keys and values up to 256 characters.</summary>
    public Dictionary<string, string>? RequestMetadata { get; set; }

    /// <summary>
    /// A copy sharing every member but with its own message list, so a caller can append turns without changing
    /// this request. Keep it in step with the members above.
    /// </summary>
    internal ConverseRequest CopyWithOwnMessages() => new()
    {
        Messages = new List<Message>(Messages),
        System = System,
        InferenceConfig = InferenceConfig,
        AdditionalModelRequestFields = AdditionalModelRequestFields,
        ToolConfig = ToolConfig,
        OutputConfig = OutputConfig,
        GuardrailConfig = GuardrailConfig,
        PerformanceConfig = PerformanceConfig,
        ServiceTier = ServiceTier,
        RequestMetadata = RequestMetadata,
    };
}

/// <summary>
/// A content block union: exactly one member is set. <see cref="Text"/>, <see cref="Image"/>, <see cref="Document"/>,
/// <see cref="Video"/>, <see cref="ToolUse"/> and <see cref="ToolResult"/> are modelled; members this library does not know yet (reasoning, citations...) are
/// kept in <see cref="UnknownMembers"/> rather than dropped, so an assistant turn can be sent back unchanged.
/// </summary>
public sealed class ContentBlock
{
    public string? Text { get; set; }

    /// <summary>An image (user turns).</summary>
    public ImageBlock? Image { get; set; }

    /// <summary>A document (user turns, with a text block beside it).</summary>
    public DocumentBlock? Document { get; set; }

    public VideoBlock? Video { get; set; }

    /// <summary>A tool call by the model (assistant turns).</summary>
    public ToolUseBlock? ToolUse { get; set; }

    /// <summary>The result of a tool call, sent back to the model (user turns).</summary>
    public ToolResultBlock? ToolResult { get; set; }

    /// <summary>The end of a cacheable prefix, e.g. after a long document.</summary>
    public CachePointBlock? CachePoint { get; set; }

    /// <summary>The model's reasoning (assistant turns); echo it back unchanged.</summary>
    public ReasoningContentBlock? ReasoningContent { get; set; }

    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }

    public static ContentBlock FromText(string text) => new() { Text = text };

    /// <summary>A cache point: the blocks before it form a prefix Bedrock may cache.</summary>
    public static ContentBlock FromCachePoint(CacheTtl? ttl = null) => new() { CachePoint = new CachePointBlock { Ttl = ttl } };
}

/// <summary>A system prompt block union: text, or a cache point after the text.</summary>
public sealed class SystemContentBlock
{
    public string? Text { get; set; }

    public CachePointBlock? CachePoint { get; set; }

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

// Converse tool use (wire spec §3): the request's toolConfig, and the toolUse / toolResult content blocks.
// Unions carry exactly one member; null members are not written.

/// <summary>Converse <c>toolConfig</c>: the tools the model may call.</summary>
public sealed class ToolConfiguration
{
    /// <summary>At least one tool.</summary>
    public List<Tool> Tools { get; set; } = new();

    /// <summary>Whether the model must call a tool; Bedrock's default is <c>{"auto":{}}</c>.</summary>
    public ToolChoice? ToolChoice { get; set; }
}

/// <summary>A tool union: a tool's specification, or a cache point after the tools before it.</summary>
public sealed class Tool
{
    public ToolSpecification? ToolSpec { get; set; }

    public CachePointBlock? CachePoint { get; set; }
}

public sealed class ToolSpecification
{
    /// <summary>1–64 characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public ToolInputSchema InputSchema { get; set; } = new();
}

/// <summary>A union; <see cref="Json"/> holds the JSON schema of the tool's input as a JSON document.</summary>
public sealed class ToolInputSchema
{
    public JsonElement? Json { get; set; }
}

/// <summary>A tool choice union: set exactly one member.</summary>
public sealed class ToolChoice
{
    /// <summary>The model decides whether to call a tool.</summary>
    public AutoToolChoice? Auto { get; set; }

    /// <summary>The model must call some tool.</summary>
    public AnyToolChoice? Any { get; set; }

    /// <summary>The model must call this tool.</summary>
    public SpecificToolChoice? Tool { get; set; }

    /// <summary><c>{"tool":{"name":…}}</c>: forces a call of the tool named <paramref name="name"/>.</summary>
    public static ToolChoice ForTool(string name) => new() { Tool = new SpecificToolChoice { Name = name } };
}

/// <summary>Written as <c>{}</c>: the member's presence is the whole message.</summary>
public sealed class AutoToolChoice
{
}

/// <summary>Written as <c>{}</c>: the member's presence is the whole message.</summary>
public sealed class AnyToolChoice
{
}

public sealed class SpecificToolChoice
{
    public string Name { get; set; } = "";
}

/// <summary>A tool call in an assistant turn. Send it back exactly as received.</summary>
public sealed class ToolUseBlock
{
    /// <summary>1–64 characters of <c>[a-zA-Z0-9_.:-]</c>; the matching tool result quotes it.</summary>
    public string ToolUseId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The tool's input, a JSON document.</summary>
    public JsonElement Input { get; set; }

    /// <summary><c>server_tool_use</c> for tools Bedrock runs itself; otherwise absent.</summary>
    public string? Type { get; set; }

    /// <summary>Members added to the service after this library, kept so that echoing the block loses nothing.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>The result of a tool call, sent in the user turn that follows the tool use.</summary>
public sealed class ToolResultBlock
{
    public string ToolUseId { get; set; } = "";

    public List<ToolResultContentBlock> Content { get; set; } = new();

    /// <summary>Whether the tool succeeded; absent (null) means success.</summary>
    public ToolResultStatus? Status { get; set; }
}

/// <summary>A tool result content union: set <see cref="Json"/> or <see cref="Text"/>.</summary>
public sealed class ToolResultContentBlock
{
    public JsonElement? Json { get; set; }

    public string? Text { get; set; }

    public static ToolResultContentBlock FromText(string text) => new() { Text = text };
}

/// <summary>How a tool call ended (<see cref="ToolResultBlock.Status"/>).</summary>
[JsonConverter(typeof(ToolResultStatusConverter))]
public enum ToolResultStatus
{
    /// <summary>The tool did its work; the content is its result.</summary>
    Success,

    /// <summary>The tool failed; the content says why, for the model to recover.</summary>
    Error,
}

// Converse structured output (wire spec §3, outputConfig): the model's text answer follows a JSON schema.
// Which models honour it varies; an unsupported model or schema is a ValidationException (400).

/// <summary>Converse <c>outputConfig</c>.</summary>
public sealed class OutputConfiguration
{
    public OutputFormat? TextFormat { get; set; }
}

/// <summary>The format of the text answer.</summary>
public sealed class OutputFormat
{
    /// <summary>The one documented value of <see cref="Type"/>.</summary>
    public const string JsonSchemaType = "json_schema";

    public string Type { get; set; } = JsonSchemaType;

    public OutputFormatStructure? Structure { get; set; }
}

/// <summary>A union; only <see cref="JsonSchema"/> exists.</summary>
public sealed class OutputFormatStructure
{
    public JsonSchemaDefinition? JsonSchema { get; set; }
}

public sealed class JsonSchemaDefinition
{
    /// <summary>The JSON schema as a string holding JSON, not as a JSON document (unlike a tool's input schema).</summary>
    public string Schema { get; set; } = "";

    public string? Name { get; set; }

    public string? Description { get; set; }
}
