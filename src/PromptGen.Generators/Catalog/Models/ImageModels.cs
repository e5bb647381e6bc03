using static PromptGen.Generators.Catalog.ModelCapabilities;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>
/// Image-generation models, called with InvokeModel only (no Converse: the model cards list Invoke alone). Bodies and
/// limits are the emulator's per-family validators' (src/PromptGen.Testing/Wire/Invoke), each with its AWS source.
/// </summary>
internal static class ImageModels
{
    private const string Stability = "Stability AI";

    private const string Sd35 =
        "AWS 'Stability.ai Stable Diffusion 3.5 Large' (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html): "
        + "id, InvokeModel body; lifecycle unconfirmed (no model card read), Active assumed; profile prefixes unconfirmed";

    private const string StableImage =
        "AWS 'Stable Image Core request and response' (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-image-core-text-image-request-response.html): body; "
        + "id v1:1 (v1:0 retired) from third-party code only, unconfirmed; lifecycle unconfirmed, Active assumed";

    private const string TitanImage =
        "AWS model card 'Titan Image Generator G1 v2' (docs.aws.amazon.com/bedrock/latest/userguide/model-card-amazon-titan-image-generator-g1-v2.html): "
        + "Invoke only, Legacy, EOL 2026-06-30; body: AWS 'Amazon Titan Image Generator G1 models' (model-parameters-titan-image.html)";

    private const string NovaCanvas =
        "id: AWS code example 'Invoke Amazon Nova Canvas' (docs.aws.amazon.com/bedrock/latest/userguide/bedrock-runtime_example_bedrock-runtime_InvokeModel_AmazonNovaImageGeneration_section.html); "
        + "Legacy 2026-03-30, EOL 2026-09-30 as the AWS lifecycle page is quoted in aws-samples/generative-ai-use-cases#1553 and "
        + "aws-samples/generative-ai-ml-latam-samples#109 (the AWS page itself not read here: dates unconfirmed)";

    // Converse capabilities are confirmed absent (Invoke-only model cards); everything else about them is unknown.
    private const ModelCapabilities ConverseOnlyConfirmed = ModelCapabilities.All & ~(Converse | ConverseStream);

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "stability.sd3-5-large-v1:0", Stability, "Stable Diffusion 3.5", "Stable Diffusion 3.5 Large", 0, 0,
            None, ConverseOnlyConfirmed, Sd35, modality: ModelModality.Image),
        ModelRow.Create(
            "stability.stable-image-core-v1:1", Stability, "Stable Image", "Stable Image Core", 0, 0,
            None, ConverseOnlyConfirmed, StableImage, modality: ModelModality.Image),
        ModelRow.Create(
            "stability.stable-image-ultra-v1:1", Stability, "Stable Image", "Stable Image Ultra", 0, 0,
            None, ConverseOnlyConfirmed, StableImage, modality: ModelModality.Image),
        ModelRow.Create(
            "amazon.nova-canvas-v1:0", "Amazon", "Nova Canvas", "Nova Canvas", 0, 0,
            None, ConverseOnlyConfirmed, NovaCanvas,
            lifecycle: ModelLifecycle.EndOfLife, legacySince: "2026-03-30", endOfLife: "2026-09-30", modality: ModelModality.Image),
        ModelRow.Create(
            "amazon.titan-image-generator-v2:0", "Amazon", "Titan Image Generator", "Titan Image Generator G1 v2", 0, 0,
            None, ConverseOnlyConfirmed, TitanImage,
            lifecycle: ModelLifecycle.EndOfLife, endOfLife: "2026-06-30", modality: ModelModality.Image),
    };
}
