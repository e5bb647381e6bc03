using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Amazon Titan Text and Nova on Bedrock.</summary>
internal static class AmazonModels
{
    private const string Provider = "Amazon";

    // §7: Titan Text has no system prompt, no images, no tools; documents except Premier.
    private const ModelCapabilities Titan = Converse | ConverseStream | Documents;

    // §7: Nova Premier / Pro / Lite are Y in every column; any/tool per the API reference.
    private const ModelCapabilities Nova = Chat | Documents | Images | Tools | ForcedToolChoice;

    private const string TitanSource = FeatureTable + "; " + LimitsFromMemory + "; " + MissingFromSnapshot;
    private const string NovaSource = FeatureTable + "; " + ToolChoice + "; " + ProfilesUnconfirmed;

    private const string NovaLimits = "limits: mixtape-core 0.4.0 model table (docs.rs; third party)";

    // models-supported lists "text, image, video" input for Nova Lite (and the Nova family page says Pro alike).
    private const string NovaVideo = "video: AWS 'Supported foundation models' (models-supported.html, localized copy)";

    // The Amazon model cards call Nova Micro text-only, which confirms it reads no video either.
    private const string NovaMicroTextOnly = "no video: AWS 'Amazon' model cards (model-cards-amazon.html: \"fastest text-only model\")";

    private const string Nova2Source =
        "AWS Nova 2 user guide, core inference (docs.aws.amazon.com/nova/latest/nova2-userguide/core-inference.html): "
        + "Converse, streaming, image/video input, tool use; ids only as global./us. profiles; "
        + "system prompt, documents, tool choice, streamed tools and reasoning unconfirmed; "
        + "limits: mixtape-core 0.4.0 (third party)";

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "amazon.titan-text-express-v1", Provider, "Titan Text", "Titan Text G1 - Express", 8_192, 8_192,
            Titan, OutsideFeatureTable,
            TitanSource,
            lifecycle: ModelLifecycle.Legacy, successor: "amazon.nova-lite-v1:0"),
        ModelRow.Create(
            "amazon.titan-text-lite-v1", Provider, "Titan Text", "Titan Text G1 - Lite", 4_096, 4_096,
            Titan, OutsideFeatureTable,
            TitanSource,
            lifecycle: ModelLifecycle.Legacy, successor: "amazon.nova-micro-v1:0"),
        ModelRow.Create(
            "amazon.titan-text-premier-v1:0", Provider, "Titan Text", "Titan Text Premier", 32_000, 3_072,
            Titan & ~Documents, OutsideFeatureTable,
            TitanSource,
            lifecycle: ModelLifecycle.Legacy, successor: "amazon.nova-pro-v1:0"),
        ModelRow.Create(
            "amazon.nova-micro-v1:0", Provider, "Nova", "Nova Micro", 128_000, 5_000,
            Chat | Tools | ForcedToolChoice, OutsideFeatureTable & ~Video,
            NovaSource + "; " + NovaMicroTextOnly + "; " + NovaLimits,
            prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "amazon.nova-lite-v1:0", Provider, "Nova", "Nova Lite", 300_000, 5_000,
            Nova | Video, OutsideFeatureTable & ~Video,
            NovaSource + "; " + NovaVideo + "; " + NovaLimits,
            prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "amazon.nova-pro-v1:0", Provider, "Nova", "Nova Pro", 300_000, 5_000,
            Nova | Video, OutsideFeatureTable,
            NovaSource + "; video unconfirmed; " + NovaLimits,
            prefixes: new[] { "us", "eu", "apac" }),
        ModelRow.Create(
            "amazon.nova-premier-v1:0", Provider, "Nova", "Nova Premier", 1_000_000, 5_000,
            Nova | Video, OutsideFeatureTable,
            NovaSource + "; video unconfirmed; " + NovaLimits + "; profile-only unconfirmed, so base id allowed",
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "amazon.nova-2-lite-v1:0", Provider, "Nova 2", "Nova 2 Lite", 1_000_000, 65_535,
            Nova | Video | Reasoning, SystemPrompt | Documents | ForcedToolChoice | StreamingToolUse | Reasoning | NativeStructuredOutput,
            Nova2Source,
            requiresProfile: true, prefixes: new[] { "global", "us" }),
    };
}
