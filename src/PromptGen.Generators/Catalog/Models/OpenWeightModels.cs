using static PromptGen.Generators.Catalog.ModelCapabilities;
using static PromptGen.Generators.Catalog.Models.Capabilities;
using static PromptGen.Generators.Catalog.Models.Sources;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>
/// Open-weight models served by Bedrock: DeepSeek, Qwen3, OpenAI gpt-oss, Google Gemma 3. §7 only says DeepSeek and
/// Gemma take Converse; everything else here is unconfirmed.
/// </summary>
internal static class OpenWeightModels
{
    private const string ApiCompatibility = "Converse: AWS 'API compatibility' page via wire spec §7; the rest is '?' there, so unconfirmed";

    private const string GptOss =
        "AWS 'OpenAI models' (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html): id, 128,000 context, "
        + "Converse with developer messages as system; streaming, tools and reasoning unconfirmed; output limit unknown; "
        + "native temperature goes to 2, Converse caps it at 1";

    private const string Qwen = NotInFeatureTable + "; " + ModelIds + "; " + LimitsUnknown;

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "deepseek.r1-v1:0", "DeepSeek", "DeepSeek", "DeepSeek-R1", 0, 0,
            Chat | Reasoning, Nothing & ~Converse,
            ApiCompatibility + "; " + ModelIds + "; " + LimitsUnknown + "; profile-only unconfirmed, so base id allowed; " + ProfilesUnconfirmed,
            prefixes: new[] { "us" }),
        ModelRow.Create(
            "deepseek.v3-v1:0", "DeepSeek", "DeepSeek", "DeepSeek-V3.1", 0, 0,
            Chat | ToolUse | Reasoning, Nothing & ~Converse,
            ApiCompatibility + "; " + ModelIds + "; " + LimitsUnknown),
        ModelRow.Create(
            "qwen.qwen3-32b-v1:0", "Qwen", "Qwen3", "Qwen3 32B", 0, 0,
            Chat | ToolUse, Nothing, Qwen),
        ModelRow.Create(
            "qwen.qwen3-235b-a22b-2507-v1:0", "Qwen", "Qwen3", "Qwen3 235B A22B 2507", 0, 0,
            Chat | ToolUse, Nothing, Qwen),
        ModelRow.Create(
            "qwen.qwen3-coder-30b-a3b-v1:0", "Qwen", "Qwen3", "Qwen3 Coder 30B A3B", 0, 0,
            Chat | ToolUse, Nothing, Qwen),
        ModelRow.Create(
            "qwen.qwen3-coder-480b-a35b-v1:0", "Qwen", "Qwen3", "Qwen3 Coder 480B A35B", 0, 0,
            Chat | ToolUse, Nothing, Qwen),
        ModelRow.Create(
            "openai.gpt-oss-20b-1:0", "OpenAI", "gpt-oss", "gpt-oss-20b", 128_000, 0,
            Chat | ToolUse | Reasoning, Nothing & ~(Converse | SystemPrompt), GptOss),
        ModelRow.Create(
            "openai.gpt-oss-120b-1:0", "OpenAI", "gpt-oss", "gpt-oss-120b", 128_000, 0,
            Chat | ToolUse | Reasoning, Nothing & ~(Converse | SystemPrompt), GptOss),
        ModelRow.Create(
            "google.gemma-3-4b-it", "Google", "Gemma 3", "Gemma 3 4B IT", 0, 0,
            Chat | Images, Nothing & ~Converse, ApiCompatibility + "; " + ModelIds + "; " + LimitsUnknown),
        ModelRow.Create(
            "google.gemma-3-12b-it", "Google", "Gemma 3", "Gemma 3 12B IT", 0, 0,
            Chat | Images, Nothing & ~Converse, ApiCompatibility + "; " + ModelIds + "; " + LimitsUnknown),
        ModelRow.Create(
            "google.gemma-3-27b-it", "Google", "Gemma 3", "Gemma 3 27B IT", 0, 0,
            Chat | Images, Nothing & ~Converse, ApiCompatibility + "; " + ModelIds + "; " + LimitsUnknown),
    };
}
