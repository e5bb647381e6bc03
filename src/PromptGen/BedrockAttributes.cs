using System;
using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

namespace PromptGen;

// Bedrock invocation options as attributes (wire spec §3). On an interface they apply to every method that declares
// none itself; a method's attribute replaces the interface's, except [ModelRequestFields] and [RequestMetadata],
// whose entries are merged (the method's win).

/// <summary>
/// The Bedrock guardrail that screens the prompt and the answer (Converse <c>guardrailConfig</c>). When it
/// intervenes, the generated method throws <see cref="PromptGen.GuardrailInterventionException"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class GuardrailAttribute : Attribute
{
    /// <summary>Applies the guardrail with this id and version to the method, or to every method of the interface.</summary>
    /// <param name="identifier">The guardrail's id (lower-case letters and digits) or ARN.</param>
    /// <param name="version"><c>DRAFT</c> or a version number (1 to 8 digits).</param>
    public GuardrailAttribute(string identifier, string version)
    {
        Identifier = identifier;
        Version = version;
    }

    /// <summary>The guardrail's id or ARN (<c>guardrailConfig.guardrailIdentifier</c>).</summary>
    public string Identifier { get; }

    /// <summary><c>DRAFT</c> or the guardrail version number (<c>guardrailConfig.guardrailVersion</c>).</summary>
    public string Version { get; }

    /// <summary>Whether the response carries the guardrail's assessments (sent only when set).</summary>
    public GuardrailTrace Trace { get; set; }

    /// <summary>Streaming methods only: whether chunks are screened before they are sent (sent only when set).</summary>
    public GuardrailStreamProcessing StreamProcessing { get; set; }
}

/// <summary>The guardrail trace of <see cref="GuardrailAttribute.Trace"/>.</summary>
[JsonConverter(typeof(GuardrailTraceConverter))]
public enum GuardrailTrace
{
    /// <summary>No assessments in the response (<c>disabled</c>).</summary>
    Disabled,

    /// <summary>The assessments of the policies that intervened (<c>enabled</c>).</summary>
    Enabled,

    /// <summary>Also the assessments of the policies that did not intervene.</summary>
    EnabledFull,
}

/// <summary>How a guardrail screens a stream (<see cref="GuardrailAttribute.StreamProcessing"/>).</summary>
[JsonConverter(typeof(GuardrailStreamProcessingConverter))]
public enum GuardrailStreamProcessing
{
    /// <summary>Each chunk is screened before it is sent.</summary>
    Sync,

    /// <summary>Chunks are sent at once and screened in the background: faster, but unscreened text can arrive.</summary>
    Async,
}

/// <summary>
/// Prompt caching: a <c>cachePoint</c> after the system prompt and/or after the rendered prompt, so later calls with
/// the same prefix (and a method's own repair turns) read it from the cache. The usage reports
/// <see cref="PromptGen.TokenUsage.CacheReadInputTokens"/> and <see cref="PromptGen.TokenUsage.CacheWriteInputTokens"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class CachePointAttribute : Attribute
{
    /// <summary>Puts cache points where <paramref name="after"/> says.</summary>
    /// <param name="after">After the system prompt, the rendered prompt and/or the tool definitions (flags).</param>
    public CachePointAttribute(CacheAfter after) => After = after;

    /// <summary>Where the cache points go.</summary>
    public CacheAfter After { get; }

    /// <summary>How long the cached prefix lives; the model's default (5 minutes) when not set.</summary>
    public CacheTtl Ttl { get; set; }
}

/// <summary>Where <see cref="CachePointAttribute"/> puts cache points.</summary>
[Flags]
public enum CacheAfter
{
    /// <summary>No cache point.</summary>
    None = 0,

    /// <summary>After the system prompt: every call of the method shares it.</summary>
    System = 1,

    /// <summary>After the rendered user prompt (e.g. a long document in it): repeated and repaired calls share it.</summary>
    Prompt = 2,

    /// <summary>After the tool definitions of a method with tools: every round of its tool loop shares them.</summary>
    Tools = 4,
}

/// <summary>The time-to-live of a cache point.</summary>
public enum CacheTtl
{
    /// <summary>Five minutes from the last read: the default of every model that caches (<c>5m</c>).</summary>
    FiveMinutes,

    /// <summary>One hour (<c>1h</c>), for the models that offer it; writing such a cache point costs more.</summary>
    OneHour,
}

/// <summary>Latency-optimized inference (Converse <c>performanceConfig.latency = optimized</c>), for the models and regions that offer it.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class LatencyOptimizedAttribute : Attribute
{
}

/// <summary>The capacity tier that serves the calls (Converse <c>serviceTier</c>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ServiceTierAttribute : Attribute
{
    /// <param name="tier">The tier that serves the calls.</param>
    public ServiceTierAttribute(ServiceTier tier) => Tier = tier;

    /// <summary>The tier that serves the calls.</summary>
    public ServiceTier Tier { get; }
}

/// <summary>The capacity tier that serves a call (Converse <c>serviceTier</c>).</summary>
public enum ServiceTier
{
    /// <summary>Standard on-demand capacity.</summary>
    Default,

    /// <summary>Served ahead of default traffic, at a higher price.</summary>
    Priority,

    /// <summary>Served from spare capacity, at a lower price and with longer waits.</summary>
    Flex,

    /// <summary>Capacity reserved for the account.</summary>
    Reserved,
}

/// <summary>
/// Model-native request fields (Converse <c>additionalModelRequestFields</c>) as a JSON object, e.g.
/// <c>[ModelRequestFields("""{"top_k": 50}""")]</c>. Checked at build time; interface and method fields are merged.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ModelRequestFieldsAttribute : Attribute
{
    /// <summary>Sends these model-native fields with every call of the method or interface.</summary>
    /// <param name="json">One JSON object; checked at build time (PG0016).</param>
    public ModelRequestFieldsAttribute(string json) => Json = json;

    /// <summary>The JSON object, as written; merged member by member with the interface's (the method's win).</summary>
    public string Json { get; }
}

/// <summary>
/// Claude's extended thinking: sends <c>{"thinking":{"type":"enabled","budget_tokens":…}}</c> in
/// <c>additionalModelRequestFields</c>. The reasoning comes back in <see cref="PromptGen.PromptResult{T}.ReasoningText"/>,
/// <see cref="PromptGen.PromptStream.ReasoningText"/> and <see cref="PromptGen.Bedrock.ConverseResponse.GetReasoningText"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ReasoningAttribute : Attribute
{
    /// <summary>The most tokens the model may think with: at least 1024, and less than <see cref="InferenceAttribute.MaxTokens"/>.</summary>
    public int BudgetTokens { get; set; } = 1024;
}

/// <summary>
/// Tags for Bedrock's invocation logs (Converse <c>requestMetadata</c>). On a method or interface, a constant pair:
/// <c>[RequestMetadata("app", "support-bot")]</c>. On a parameter of type
/// <c>IReadOnlyDictionary&lt;string, string&gt;</c>, per-call pairs (e.g. the tenant), which win over constant ones;
/// such a parameter is not a template variable.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class RequestMetadataAttribute : Attribute
{
    /// <summary>Marks a parameter whose dictionary holds per-call metadata.</summary>
    public RequestMetadataAttribute()
    {
    }

    /// <summary>A constant pair: keys and values up to 256 characters of letters, digits, spaces and <c>:_@$#=/+,-.</c>.</summary>
    /// <param name="key">The metadata key.</param>
    /// <param name="value">The metadata value.</param>
    public RequestMetadataAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key of a constant pair; null on a parameter.</summary>
    public string? Key { get; }

    /// <summary>The value of a constant pair; null on a parameter.</summary>
    public string? Value { get; }
}
