using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Cohere Command R on Bedrock. The Command R row of §7 is †, so nothing here is confirmed but the EOL date.</summary>
internal static class CohereModels
{
    private const string Provider = "Cohere";

    private const ModelCapabilities CommandR = Chat | Documents | Tools;

    private const string Row = FeatureTableOld + "; " + LimitsFromMemory + "; " + ModelIds;

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "cohere.command-r-v1:0", Provider, "Command R", "Command R", 128_000, 4_000,
            CommandR, Nothing, Row + "; lifecycle unconfirmed (listed as active in the snapshot)"),
        ModelRow.Create(
            "cohere.command-r-plus-v1:0", Provider, "Command R", "Command R+", 128_000, 4_000,
            CommandR, Nothing, Row + "; " + Lifecycle + " (EOL 2026-08-19)",
            lifecycle: ModelLifecycle.EndOfLife, endOfLife: "2026-08-19"),
    };
}
