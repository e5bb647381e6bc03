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
    public GuardrailTraceAssessment? Guardrail { get; set; }

    public PromptRouterTrace? PromptRouter { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>The model a prompt router sent the call to.</summary>
public sealed class PromptRouterTrace
{
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

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

/// <summary>
/// One guardrail assessment: the policies that matched. Policies this library does not model (automated reasoning,
/// invocation metrics, applied guardrail details) are kept in <see cref="UnknownMembers"/> as Bedrock sent them.
/// </summary>
public sealed class GuardrailAssessment
{
    public GuardrailTopicPolicyAssessment? TopicPolicy { get; set; }

    public GuardrailContentPolicyAssessment? ContentPolicy { get; set; }

    public GuardrailWordPolicyAssessment? WordPolicy { get; set; }

    public GuardrailSensitiveInformationPolicyAssessment? SensitiveInformationPolicy { get; set; }

    public GuardrailContextualGroundingPolicyAssessment? ContextualGroundingPolicy { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownMembers { get; set; }
}

public sealed class GuardrailTopicPolicyAssessment
{
    public List<GuardrailTopic> Topics { get; set; } = new();
}

/// <summary>A denied topic that matched.</summary>
public sealed class GuardrailTopic
{
    public string Name { get; set; } = "";

    /// <summary><c>DENY</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>BLOCKED</c> or <c>NONE</c>.</summary>
    public string? Action { get; set; }

    public bool? Detected { get; set; }
}

public sealed class GuardrailContentPolicyAssessment
{
    public List<GuardrailContentFilter> Filters { get; set; } = new();
}

/// <summary>A content filter that matched, e.g. type <c>VIOLENCE</c>, confidence <c>HIGH</c>.</summary>
public sealed class GuardrailContentFilter
{
    public string? Type { get; set; }

    public string? Confidence { get; set; }

    public string? FilterStrength { get; set; }

    public string? Action { get; set; }

    public bool? Detected { get; set; }
}

public sealed class GuardrailWordPolicyAssessment
{
    public List<GuardrailWordMatch> CustomWords { get; set; } = new();

    public List<GuardrailWordMatch> ManagedWordLists { get; set; } = new();
}

/// <summary>A custom or managed (<see cref="Type"/> <c>PROFANITY</c>) word that matched.</summary>
public sealed class GuardrailWordMatch
{
    public string? Match { get; set; }

    public string? Type { get; set; }

    public string? Action { get; set; }

    public bool? Detected { get; set; }
}

public sealed class GuardrailSensitiveInformationPolicyAssessment
{
    public List<GuardrailPiiEntityFilter> PiiEntities { get; set; } = new();

    public List<GuardrailRegexFilter> Regexes { get; set; } = new();
}

/// <summary>Personal information that matched, e.g. type <c>EMAIL</c>, action <c>ANONYMIZED</c>.</summary>
public sealed class GuardrailPiiEntityFilter
{
    public string? Match { get; set; }

    public string? Type { get; set; }

    public string? Action { get; set; }

    public bool? Detected { get; set; }
}

public sealed class GuardrailRegexFilter
{
    public string? Name { get; set; }

    public string? Match { get; set; }

    public string? Regex { get; set; }

    public string? Action { get; set; }

    public bool? Detected { get; set; }
}

public sealed class GuardrailContextualGroundingPolicyAssessment
{
    public List<GuardrailContextualGroundingFilter>? Filters { get; set; }
}

/// <summary>A grounding or relevance check, with its score against the configured threshold.</summary>
public sealed class GuardrailContextualGroundingFilter
{
    public string? Type { get; set; }

    public double Threshold { get; set; }

    public double Score { get; set; }

    public string? Action { get; set; }

    public bool? Detected { get; set; }
}
