using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Anthropic Claude on Bedrock.</summary>
internal static class AnthropicModels
{
    private const string Provider = "Anthropic";

    // §7: every Claude 3 / 3.5 / 3.7 / 4 / 4.1 row is Y in all columns (3.5 Haiku: no images); any/tool from the API reference.
    private const ModelCapabilities Claude = Chat | Documents | Images | Tools | ForcedToolChoice;

    private const ModelCapabilities Claude45 = Claude | Reasoning | NativeStructuredOutput;

    private const string SonnetSuccessor = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private const string HaikuSuccessor = "anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string OpusSuccessor = "anthropic.claude-opus-4-5-20251101-v1:0";

    private const string Claude3Source = FeatureTable + "; " + ToolChoice + "; " + LimitsFromMemory + "; " + ProfilesUnconfirmed;
    private const string Claude4Source = FeatureTable + "; " + ToolChoice + "; " + ProfileOnly + "; " + LimitsFromMemory + "; " + ProfilesUnconfirmed;

    // §7 lists the Claude 4.5 rows as not confirmed [U]; only structured output (peer-features) and profile-only are sourced.
    private const string Claude45Source = NotInFeatureTable + " except " + StructuredOutput + "; " + ProfileOnly + "; " + LimitsFromMemory + "; " + ProfilesUnconfirmed;

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "anthropic.claude-3-haiku-20240307-v1:0", Provider, "Claude 3", "Claude 3 Haiku", 200_000, 4_096,
            Claude, OutsideFeatureTable,
            Claude3Source + "; " + Lifecycle + " (EOL 2026-09-10)",
            lifecycle: ModelLifecycle.EndOfLife, endOfLife: "2026-09-10", successor: HaikuSuccessor, prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "anthropic.claude-3-sonnet-20240229-v1:0", Provider, "Claude 3", "Claude 3 Sonnet", 200_000, 4_096,
            Claude, OutsideFeatureTable,
            Claude3Source + "; " + LegacySnapshot,
            lifecycle: ModelLifecycle.Legacy, successor: SonnetSuccessor, prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "anthropic.claude-3-opus-20240229-v1:0", Provider, "Claude 3", "Claude 3 Opus", 200_000, 4_096,
            Claude, OutsideFeatureTable,
            Claude3Source + "; " + LegacySnapshot,
            lifecycle: ModelLifecycle.Legacy, successor: OpusSuccessor, prefixes: new[] { "us" }),
        ModelRow.Create(
            "anthropic.claude-3-5-sonnet-20240620-v1:0", Provider, "Claude 3.5", "Claude 3.5 Sonnet", 200_000, 8_192,
            Claude, OutsideFeatureTable,
            Claude3Source + "; " + LegacySnapshot,
            lifecycle: ModelLifecycle.Legacy, successor: SonnetSuccessor, prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "anthropic.claude-3-5-sonnet-20241022-v2:0", Provider, "Claude 3.5", "Claude 3.5 Sonnet v2", 200_000, 8_192,
            Claude, OutsideFeatureTable,
            Claude3Source + "; " + LegacySnapshot,
            lifecycle: ModelLifecycle.Legacy, successor: SonnetSuccessor, prefixes: new[] { "us", "apac" }),
        ModelRow.Create(
            "anthropic.claude-3-5-haiku-20241022-v1:0", Provider, "Claude 3.5", "Claude 3.5 Haiku", 200_000, 8_192,
            Claude & ~Images, OutsideFeatureTable,
            Claude3Source + "; " + Lifecycle + " (Legacy, EOL 2026-06-19)",
            lifecycle: ModelLifecycle.EndOfLife, endOfLife: "2026-06-19", successor: HaikuSuccessor, prefixes: new[] { "us" }),
        ModelRow.Create(
            "anthropic.claude-3-7-sonnet-20250219-v1:0", Provider, "Claude 3.7", "Claude 3.7 Sonnet", 200_000, 64_000,
            Claude | Reasoning, OutsideFeatureTable,
            Claude3Source + "; reasoning unconfirmed; " + LegacySnapshot
                + "; a third-party blog (bitslovers.com) reports EOL 2026-04-28, unconfirmed; profile-only unconfirmed, so base id allowed",
            lifecycle: ModelLifecycle.Legacy, successor: SonnetSuccessor, prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "anthropic.claude-sonnet-4-20250514-v1:0", Provider, "Claude 4", "Claude Sonnet 4", 200_000, 64_000,
            Claude | Reasoning, OutsideFeatureTable,
            Claude4Source + "; reasoning unconfirmed",
            requiresProfile: true, prefixes: new[] { "us", "eu", "apac", "global" }),
        ModelRow.Create(
            "anthropic.claude-opus-4-20250514-v1:0", Provider, "Claude 4", "Claude Opus 4", 200_000, 32_000,
            Claude | Reasoning, OutsideFeatureTable,
            Claude4Source + "; reasoning unconfirmed; " + LegacySnapshot,
            lifecycle: ModelLifecycle.Legacy, successor: OpusSuccessor, requiresProfile: true, prefixes: new[] { "us" }),
        ModelRow.Create(
            "anthropic.claude-opus-4-1-20250805-v1:0", Provider, "Claude 4", "Claude Opus 4.1", 200_000, 32_000,
            Claude | Reasoning, OutsideFeatureTable,
            Claude4Source + "; reasoning unconfirmed",
            requiresProfile: true, prefixes: new[] { "us" }),
        ModelRow.Create(
            "anthropic.claude-sonnet-4-5-20250929-v1:0", Provider, "Claude 4.5", "Claude Sonnet 4.5", 200_000, 64_000,
            Claude45, Nothing & ~NativeStructuredOutput,
            Claude45Source,
            requiresProfile: true, prefixes: new[] { "us", "eu", "apac", "jp", "au", "global" }),
        ModelRow.Create(
            "anthropic.claude-haiku-4-5-20251001-v1:0", Provider, "Claude 4.5", "Claude Haiku 4.5", 200_000, 64_000,
            Claude45, Nothing & ~NativeStructuredOutput,
            Claude45Source,
            requiresProfile: true, prefixes: new[] { "us", "eu", "apac", "jp", "au", "global" }),
        ModelRow.Create(
            "anthropic.claude-opus-4-5-20251101-v1:0", Provider, "Claude 4.5", "Claude Opus 4.5", 200_000, 64_000,
            Claude45, Nothing & ~NativeStructuredOutput,
            Claude45Source + "; 200K context / 64K output also in aspire.dev's Foundry model list",
            requiresProfile: true, prefixes: new[] { "us", "eu", "global" }),
    };
}
