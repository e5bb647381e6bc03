using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>AI21 Labs Jamba on Bedrock.</summary>
internal static class Ai21Models
{
    private const string Provider = "AI21 Labs";

    private const string Row = FeatureTable + "; " + LimitsFromMemory + "; native temperature goes to 2, Converse caps it at 1";

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "ai21.jamba-1-5-large-v1:0", Provider, "Jamba 1.5", "Jamba 1.5 Large", 256_000, 4_096,
            Chat | Documents | Tools, GuessedToolChoice, Row),
        ModelRow.Create(
            "ai21.jamba-1-5-mini-v1:0", Provider, "Jamba 1.5", "Jamba 1.5 Mini", 256_000, 4_096,
            Chat | Documents | Tools, GuessedToolChoice, Row),
        ModelRow.Create(
            "ai21.jamba-instruct-v1:0", Provider, "Jamba", "Jamba-Instruct", 256_000, 4_096,
            Chat, OutsideFeatureTable, Row + "; " + MissingFromSnapshot,
            lifecycle: ModelLifecycle.Legacy, successor: "ai21.jamba-1-5-mini-v1:0"),
    };
}
