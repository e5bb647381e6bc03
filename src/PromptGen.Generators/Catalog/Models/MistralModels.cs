using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Mistral AI on Bedrock. The Mistral rows of §7 are †, so nothing here is confirmed.</summary>
internal static class MistralModels
{
    private const string Provider = "Mistral AI";

    // Mistral's native API takes at most 10 stop sequences (remembered, unconfirmed: ModelRow marks a limit other than
    // the wire's unconfirmed, so PG0209 does not warn on it).
    private const int MistralStopSequences = 10;

    // §7 †: the instruct models take no system prompt; Large has tools but does not stream them.
    private const ModelCapabilities Instruct = Converse | ConverseStream | Documents;
    private const ModelCapabilities Large = Chat | Documents | ToolUse;

    private const string OldRow = FeatureTableOld + "; " + LimitsFromMemory + "; stop-sequence limit 10 unconfirmed; " + ModelIds;
    private const string NewRow = NotInFeatureTable + " (guessed from the Mistral Large row); stop-sequence limit 10 unconfirmed; " + ModelIds;

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "mistral.mistral-7b-instruct-v0:2", Provider, "Mistral", "Mistral 7B Instruct", 32_000, 8_192,
            Instruct, Nothing, OldRow, maxStopSequences: MistralStopSequences),
        ModelRow.Create(
            "mistral.mixtral-8x7b-instruct-v0:1", Provider, "Mistral", "Mixtral 8x7B Instruct", 32_000, 4_096,
            Instruct, Nothing, OldRow, maxStopSequences: MistralStopSequences),
        ModelRow.Create(
            "mistral.mistral-large-2402-v1:0", Provider, "Mistral Large", "Mistral Large (24.02)", 32_000, 8_192,
            Large, Nothing, OldRow, maxStopSequences: MistralStopSequences,
            successor: "mistral.mistral-large-2407-v1:0"),
        ModelRow.Create(
            "mistral.mistral-large-2407-v1:0", Provider, "Mistral Large", "Mistral Large 2 (24.07)", 128_000, 8_192,
            Large, Nothing, OldRow, maxStopSequences: MistralStopSequences),
        ModelRow.Create(
            "mistral.mistral-small-2402-v1:0", Provider, "Mistral Small", "Mistral Small (24.02)", 32_000, 8_192,
            Large, Nothing, NewRow + "; " + LimitsFromMemory, maxStopSequences: MistralStopSequences),
        ModelRow.Create(
            "mistral.pixtral-large-2502-v1:0", Provider, "Pixtral", "Pixtral Large (25.02)", 128_000, 0,
            Large | Images, Nothing,
            NewRow + "; context remembered, output limit unknown; profile-only unconfirmed, so base id allowed; " + ProfilesUnconfirmed,
            maxStopSequences: MistralStopSequences, prefixes: new[] { "us", "eu" }),
    };
}
