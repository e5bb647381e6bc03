using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

namespace PromptGen.Bedrock;

/// <summary>The body of a Bedrock Runtime <c>Converse</c> request. The model id travels in the URL, not here.</summary>
public sealed class ConverseRequest
{
    /// <summary>The conversation (<c>messages</c>): user and assistant turns, alternating, starting with a user turn.</summary>
    public List<Message> Messages { get; set; } = new();

    /// <summary>The system prompt (<c>system</c>); null for none.</summary>
    public List<SystemContentBlock>? System { get; set; }

    /// <summary>Inference settings (<c>inferenceConfig</c>); null for the model's defaults.</summary>
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
/// <see cref="Video"/>, <see cref="ToolUse"/> and <see cref="ToolResult"/> are modelled; members this library does not know yet (citations, say) are
/// kept in <see cref="UnknownMembers"/> rather than dropped, so an assistant turn can be sent back unchanged.
/// </summary>
public sealed class ContentBlock
{
    /// <summary>Text (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>An image (user turns).</summary>
    public ImageBlock? Image { get; set; }

    /// <summary>A document (user turns, with a text block beside it).</summary>
    public DocumentBlock? Document { get; set; }

    /// <summary>A video (<c>video</c>, user turns; models with video input).</summary>
    public VideoBlock? Video { get; set; }

    /// <summary>A tool call by the model (assistant turns).</summary>
    public ToolUseBlock? ToolUse { get; set; }

    /// <summary>The result of a tool call, sent back to the model (user turns).</summary>
    public ToolResultBlock? ToolResult { get; set; }

    /// <summary>The end of a cacheable prefix, e.g. after a long document.</summary>
    public CachePointBlock? CachePoint { get; set; }

    /// <summary>The model's reasoning (assistant turns); echo it back unchanged.</summary>
    public ReasoningContentBlock? ReasoningContent { get; set; }

    /// <summary>A <c>citationsContent</c> block of an answer: text with the document citations that support it.</summary>
    public CitationsContentBlock? CitationsContent { get; set; }

    /// <summary>Members this library does not model (citations, say), kept so that echoing the block loses nothing.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }

    /// <summary>A text block.</summary>
    /// <param name="text">The text; Bedrock refuses an empty one.</param>
    public static ContentBlock FromText(string text) => new() { Text = text };

    /// <summary>A cache point: the blocks before it form a prefix Bedrock may cache.</summary>
    /// <param name="ttl">How long the prefix lives; the model's default (5 minutes) when null.</param>
    public static ContentBlock FromCachePoint(CacheTtl? ttl = null) => new() { CachePoint = new CachePointBlock { Ttl = ttl } };
}

/// <summary>A system prompt block union: text, or a cache point after the text.</summary>
public sealed class SystemContentBlock
{
    /// <summary>Text of the system prompt (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>A cache point after the text before it (<c>cachePoint</c>).</summary>
    public CachePointBlock? CachePoint { get; set; }

    /// <summary>A text block of the system prompt.</summary>
    /// <param name="text">The text; Bedrock refuses an empty one.</param>
    public static SystemContentBlock FromText(string text) => new() { Text = text };

    /// <summary>
    /// The system member for a rendered system prompt: one text block, or null (no system prompt) when the text is
    /// empty, since Bedrock rejects empty text blocks. Used by generated code; not for direct use.
    /// </summary>
    /// <param name="text">The rendered system prompt.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static List<SystemContentBlock>? ListFromText(string? text) =>
        string.IsNullOrEmpty(text) ? null : new List<SystemContentBlock> { FromText(text!) };
}

/// <summary>Converse <c>inferenceConfig</c>. Null members are not sent.</summary>
public sealed class InferenceConfiguration
{
    /// <summary>The most tokens the model may generate (<c>maxTokens</c>); the model's default when null.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Sampling temperature (<c>temperature</c>), usually 0 to 1; the model's default when null.</summary>
    public float? Temperature { get; set; }

    /// <summary>Nucleus sampling (<c>topP</c>), 0 to 1; the model's default when null.</summary>
    public float? TopP { get; set; }

    /// <summary>Sequences that stop generation (<c>stopSequences</c>); the matched sequence is not in the answer.</summary>
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
    /// <summary>The tool's name, description and input schema (<c>toolSpec</c>).</summary>
    public ToolSpecification? ToolSpec { get; set; }

    /// <summary>A cache point after the tools before it (<c>cachePoint</c>).</summary>
    public CachePointBlock? CachePoint { get; set; }
}

/// <summary>Converse <c>toolSpec</c>: a tool the model may call.</summary>
public sealed class ToolSpecification
{
    /// <summary>1–64 characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the tool does and when to use it (<c>description</c>): the model chooses tools by it.</summary>
    public string? Description { get; set; }

    /// <summary>The JSON schema of the tool's input (<c>inputSchema</c>).</summary>
    public ToolInputSchema InputSchema { get; set; } = new();
}

/// <summary>A union; <see cref="Json"/> holds the JSON schema of the tool's input as a JSON document.</summary>
public sealed class ToolInputSchema
{
    /// <summary>The JSON schema of the tool's input, as a JSON document (<c>json</c>).</summary>
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
    /// <param name="name">The tool's <see cref="ToolSpecification.Name"/>.</param>
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

/// <summary>Converse <c>toolChoice.tool</c>: the tool the model must call.</summary>
public sealed class SpecificToolChoice
{
    /// <summary>The name of the tool the model must call (<c>name</c>).</summary>
    public string Name { get; set; } = "";
}

/// <summary>A tool call in an assistant turn. Send it back exactly as received.</summary>
public sealed class ToolUseBlock
{
    /// <summary>1–64 characters of <c>[a-zA-Z0-9_.:-]</c>; the matching tool result quotes it.</summary>
    public string ToolUseId { get; set; } = "";

    /// <summary>The name of the tool called (<c>name</c>).</summary>
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
    /// <summary>The <see cref="ToolUseBlock.ToolUseId"/> of the call this answers (<c>toolUseId</c>).</summary>
    public string ToolUseId { get; set; } = "";

    /// <summary>The tool's output (<c>content</c>): JSON or text blocks.</summary>
    public List<ToolResultContentBlock> Content { get; set; } = new();

    /// <summary>Whether the tool succeeded; absent (null) means success.</summary>
    public ToolResultStatus? Status { get; set; }
}

/// <summary>A tool result content union: set <see cref="Json"/> or <see cref="Text"/>.</summary>
public sealed class ToolResultContentBlock
{
    /// <summary>Output as a JSON document (<c>json</c>).</summary>
    public JsonElement? Json { get; set; }

    /// <summary>Output as text (<c>text</c>).</summary>
    public string? Text { get; set; }

    /// <summary>A text block of a tool result.</summary>
    /// <param name="text">The tool's output.</param>
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
    /// <summary>The format of the text answer (<c>textFormat</c>).</summary>
    public OutputFormat? TextFormat { get; set; }
}

/// <summary>The format of the text answer.</summary>
public sealed class OutputFormat
{
    /// <summary>The one documented value of <see cref="Type"/>.</summary>
    public const string JsonSchemaType = "json_schema";

    /// <summary>The kind of format (<c>type</c>); always <see cref="JsonSchemaType"/>.</summary>
    public string Type { get; set; } = JsonSchemaType;

    /// <summary>The schema (<c>structure</c>).</summary>
    public OutputFormatStructure? Structure { get; set; }
}

/// <summary>A union; only <see cref="JsonSchema"/> exists.</summary>
public sealed class OutputFormatStructure
{
    /// <summary>The JSON schema and its name (<c>jsonSchema</c>).</summary>
    public JsonSchemaDefinition? JsonSchema { get; set; }
}

/// <summary>Converse <c>outputConfig.textFormat.structure.jsonSchema</c>: the schema the text answer must follow.</summary>
public sealed class JsonSchemaDefinition
{
    /// <summary>The JSON schema as a string holding JSON, not as a JSON document (unlike a tool's input schema).</summary>
    public string Schema { get; set; } = "";

    /// <summary>A name for the schema (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>What the schema describes (<c>description</c>).</summary>
    public string? Description { get; set; }
}
