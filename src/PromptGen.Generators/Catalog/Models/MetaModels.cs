using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Meta Llama on Bedrock. Every Llama row of §7 is †, so nothing here is confirmed.</summary>
internal static class MetaModels
{
    private const string Provider = "Meta";

    // §7 †: system prompt and documents yes, images no, tools from 3.1 on but never streamed; no forced tool choice.
    private const ModelCapabilities Llama = Chat | Documents;

    private const string OldRow = FeatureTableOld + "; " + LimitsFromMemory + "; " + ModelIds;
    private const string NewRow = NotInFeatureTable + " (values guessed from the Llama 3.1/3.2 rows); " + ModelIds;

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "meta.llama3-8b-instruct-v1:0", Provider, "Llama 3", "Llama 3 8B Instruct", 8_192, 2_048,
            Llama, Nothing, OldRow),
        ModelRow.Create(
            "meta.llama3-70b-instruct-v1:0", Provider, "Llama 3", "Llama 3 70B Instruct", 8_192, 2_048,
            Llama, Nothing, OldRow),
        ModelRow.Create(
            "meta.llama3-1-8b-instruct-v1:0", Provider, "Llama 3.1", "Llama 3.1 8B Instruct", 128_000, 2_048,
            Llama | ToolUse, Nothing, OldRow + "; " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "meta.llama3-1-70b-instruct-v1:0", Provider, "Llama 3.1", "Llama 3.1 70B Instruct", 128_000, 2_048,
            Llama | ToolUse, Nothing, OldRow + "; " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "meta.llama3-2-1b-instruct-v1:0", Provider, "Llama 3.2", "Llama 3.2 1B Instruct", 128_000, 2_048,
            Llama, Nothing, OldRow + "; profile-only unconfirmed, so base id allowed; " + ProfilesUnconfirmed,
            prefixes: new[] { "us", "eu" }),
        ModelRow.Create(
            "meta.llama3-2-3b-instruct-v1:0", Provider, "Llama 3.2", "Llama 3.2 3B Instruct", 128_000, 2_048,
            Llama, Nothing, OldRow + "; profile-only unconfirmed, so base id allowed; " + ProfilesUnconfirmed,
            prefixes: new[] { "us", "eu" }),
        ModelRow.Create(
            "meta.llama3-2-11b-instruct-v1:0", Provider, "Llama 3.2", "Llama 3.2 11B Vision Instruct", 128_000, 2_048,
            Llama | Images | ToolUse, Nothing, OldRow + "; profile-only unconfirmed, so base id allowed; " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "meta.llama3-2-90b-instruct-v1:0", Provider, "Llama 3.2", "Llama 3.2 90B Vision Instruct", 128_000, 2_048,
            Llama | Images | ToolUse, Nothing, OldRow + "; profile-only unconfirmed, so base id allowed; " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "meta.llama3-3-70b-instruct-v1:0", Provider, "Llama 3.3", "Llama 3.3 70B Instruct", 128_000, 2_048,
            Llama | ToolUse, Nothing, NewRow + "; " + LimitsFromMemory + "; " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "meta.llama4-scout-17b-instruct-v1:0", Provider, "Llama 4", "Llama 4 Scout 17B Instruct", 0, 0,
            Llama | Images | ToolUse, Nothing,
            NewRow + "; " + LimitsUnknown + " (a braintrust-proxy issue claims 10M context / 8K output); " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "meta.llama4-maverick-17b-instruct-v1:0", Provider, "Llama 4", "Llama 4 Maverick 17B Instruct", 0, 0,
            Llama | Images | ToolUse, Nothing,
            NewRow + "; " + LimitsUnknown + " (a braintrust-proxy issue claims 1M context / 8K output); " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
    };
}
