using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>
/// The response's <c>trace</c> (Converse) or the metadata event's (ConverseStream): what the guardrail assessed when
/// the request asked for a trace, and which model a prompt router chose.
/// </summary>
public sealed class ConverseTrace
{
    /// <summary>What the guardrail assessed (<c>guardrail</c>); null when the request did not enable its trace.</summary>
    public GuardrailTraceAssessment? Guardrail { get; set; }

    /// <summary>Which model a prompt router chose (<c>promptRouter</c>); null when the call did not go through one.</summary>
    public PromptRouterTrace? PromptRouter { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>The model a prompt router sent the call to.</summary>
public sealed class PromptRouterTrace
{
    /// <summary>The model id the router invoked (<c>invokedModelId</c>).</summary>
    public string? InvokedModelId { get; set; }
}

/// <summary>A guardrail's assessments of the prompt and of the model's answer.</summary>
public sealed class GuardrailTraceAssessment
{
    /// <summary>The model's own output before the guardrail replaced it (when it intervened on the answer).</summary>
    public List<string>? ModelOutput { get; set; }

    /// <summary>The assessment of the input, by guardrail id.</summary>
    public Dictionary<string, GuardrailAssessment>? InputAssessment { get; set; }

    /// <summary>The assessments of the output, by guardrail id.</summary>
    public Dictionary<string, List<GuardrailAssessment>>? OutputAssessments { get; set; }

    /// <summary>Why the guardrail acted, when Bedrock says.</summary>
    public string? ActionReason { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// One guardrail assessment: the policies that matched. Policies this library does not model (automated reasoning,
/// invocation metrics, applied guardrail details) are kept in <see cref="UnknownMembers"/> as Bedrock sent them.
/// </summary>
public sealed class GuardrailAssessment
{
    /// <summary>The denied topics that matched (<c>topicPolicy</c>).</summary>
    public GuardrailTopicPolicyAssessment? TopicPolicy { get; set; }

    /// <summary>The content filters that matched (<c>contentPolicy</c>).</summary>
    public GuardrailContentPolicyAssessment? ContentPolicy { get; set; }

    /// <summary>The custom and managed words that matched (<c>wordPolicy</c>).</summary>
    public GuardrailWordPolicyAssessment? WordPolicy { get; set; }

    /// <summary>The personal information and patterns that matched (<c>sensitiveInformationPolicy</c>).</summary>
    public GuardrailSensitiveInformationPolicyAssessment? SensitiveInformationPolicy { get; set; }

    /// <summary>The grounding and relevance checks (<c>contextualGroundingPolicy</c>).</summary>
    public GuardrailContextualGroundingPolicyAssessment? ContextualGroundingPolicy { get; set; }

    /// <summary>Members this version does not model, kept as they came.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>Converse <c>topicPolicy</c>: the denied topics a guardrail matched.</summary>
public sealed class GuardrailTopicPolicyAssessment
{
    /// <summary>The denied topics that matched (<c>topics</c>).</summary>
    public List<GuardrailTopic> Topics { get; set; } = new();
}

/// <summary>A denied topic that matched.</summary>
public sealed class GuardrailTopic
{
    /// <summary>The topic's name as configured in the guardrail (<c>name</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>DENY</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Whether the policy matched (<c>detected</c>); null when Bedrock did not say.</summary>
    public bool? Detected { get; set; }
}

/// <summary>Converse <c>contentPolicy</c>: the content filters a guardrail matched.</summary>
public sealed class GuardrailContentPolicyAssessment
{
    /// <summary>The filters that matched (<c>filters</c>).</summary>
    public List<GuardrailContentFilter> Filters { get; set; } = new();
}

/// <summary>A content filter that matched, e.g. type <c>VIOLENCE</c>, confidence <c>HIGH</c>.</summary>
public sealed class GuardrailContentFilter
{
    /// <summary>The category (<c>type</c>): <c>INSULTS</c>, <c>HATE</c>, <c>SEXUAL</c>, <c>VIOLENCE</c>, <c>MISCONDUCT</c> or <c>PROMPT_ATTACK</c>.</summary>
    public string? Type { get; set; }

    /// <summary>How confident the filter is (<c>confidence</c>): <c>NONE</c>, <c>LOW</c>, <c>MEDIUM</c> or <c>HIGH</c>.</summary>
    public string? Confidence { get; set; }

    /// <summary>The filter's configured strength (<c>filterStrength</c>): <c>NONE</c>, <c>LOW</c>, <c>MEDIUM</c> or <c>HIGH</c>.</summary>
    public string? FilterStrength { get; set; }

    /// <summary>What the guardrail did (<c>action</c>): <c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Whether the policy matched (<c>detected</c>); null when Bedrock did not say.</summary>
    public bool? Detected { get; set; }
}

/// <summary>Converse <c>wordPolicy</c>: the words a guardrail matched.</summary>
public sealed class GuardrailWordPolicyAssessment
{
    /// <summary>Custom words that matched (<c>customWords</c>).</summary>
    public List<GuardrailWordMatch> CustomWords { get; set; } = new();

    /// <summary>Words of managed lists that matched (<c>managedWordLists</c>).</summary>
    public List<GuardrailWordMatch> ManagedWordLists { get; set; } = new();
}

/// <summary>A custom or managed (<see cref="Type"/> <c>PROFANITY</c>) word that matched.</summary>
public sealed class GuardrailWordMatch
{
    /// <summary>The matched text (<c>match</c>).</summary>
    public string? Match { get; set; }

    /// <summary>The managed list (<c>type</c>), e.g. <c>PROFANITY</c>; null for a custom word.</summary>
    public string? Type { get; set; }

    /// <summary>What the guardrail did (<c>action</c>): <c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Whether the policy matched (<c>detected</c>); null when Bedrock did not say.</summary>
    public bool? Detected { get; set; }
}

/// <summary>Converse <c>sensitiveInformationPolicy</c>: the personal information and patterns a guardrail matched.</summary>
public sealed class GuardrailSensitiveInformationPolicyAssessment
{
    /// <summary>Personal information that matched (<c>piiEntities</c>).</summary>
    public List<GuardrailPiiEntityFilter> PiiEntities { get; set; } = new();

    /// <summary>Custom patterns that matched (<c>regexes</c>).</summary>
    public List<GuardrailRegexFilter> Regexes { get; set; } = new();
}

/// <summary>Personal information that matched, e.g. type <c>EMAIL</c>, action <c>ANONYMIZED</c>.</summary>
public sealed class GuardrailPiiEntityFilter
{
    /// <summary>The matched text (<c>match</c>): personal information, so log it with care.</summary>
    public string? Match { get; set; }

    /// <summary>The kind of information (<c>type</c>), e.g. <c>EMAIL</c> or <c>PHONE</c>.</summary>
    public string? Type { get; set; }

    /// <summary>What the guardrail did (<c>action</c>): <c>ANONYMIZED</c>, <c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Whether the policy matched (<c>detected</c>); null when Bedrock did not say.</summary>
    public bool? Detected { get; set; }
}

/// <summary>A custom pattern of a guardrail that matched.</summary>
public sealed class GuardrailRegexFilter
{
    /// <summary>The pattern's name as configured in the guardrail (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The matched text (<c>match</c>).</summary>
    public string? Match { get; set; }

    /// <summary>The regular expression that matched (<c>regex</c>).</summary>
    public string? Regex { get; set; }

    /// <summary>What the guardrail did (<c>action</c>): <c>ANONYMIZED</c>, <c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Whether the policy matched (<c>detected</c>); null when Bedrock did not say.</summary>
    public bool? Detected { get; set; }
}

/// <summary>Converse <c>contextualGroundingPolicy</c>: the grounding and relevance checks of a guardrail.</summary>
public sealed class GuardrailContextualGroundingPolicyAssessment
{
    /// <summary>The checks (<c>filters</c>).</summary>
    public List<GuardrailContextualGroundingFilter>? Filters { get; set; }
}

/// <summary>A grounding or relevance check, with its score against the configured threshold.</summary>
public sealed class GuardrailContextualGroundingFilter
{
    /// <summary>The check (<c>type</c>): <c>GROUNDING</c> or <c>RELEVANCE</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The configured threshold, 0 to 1 (<c>threshold</c>): a score below it fails the check.</summary>
    public double Threshold { get; set; }

    /// <summary>The answer's score, 0 to 1 (<c>score</c>).</summary>
    public double Score { get; set; }

    /// <summary>What the guardrail did (<c>action</c>): <c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Whether the policy matched (<c>detected</c>); null when Bedrock did not say.</summary>
    public bool? Detected { get; set; }
}
