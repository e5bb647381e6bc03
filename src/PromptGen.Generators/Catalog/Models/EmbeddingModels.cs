using static PromptGen.Generators.Catalog.ModelCapabilities;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>
/// Embedding models, called with InvokeModel only. The context column holds the most input tokens per text. Request
/// rules (dimensions, input types, counts) are the emulator's per-family validators' (src/PromptGen.Testing/Wire/Invoke).
/// </summary>
internal static class EmbeddingModels
{
    private const string TitanV2 =
        "AWS 'Amazon Titan Text Embeddings models' (docs.aws.amazon.com/bedrock/latest/userguide/titan-embedding-models.html): id, 8,192 tokens, "
        + "dimensions 1024/512/256; body: model-parameters-titan-embed-text.html; lifecycle unconfirmed, Active assumed";

    private const string CohereV3 =
        "AWS 'Cohere Embed v3' (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v3.html): body, 96 texts of 2,048 characters, 512 tokens recommended; "
        + "ids from third-party code (AWS 'Supported foundation models' not read); lifecycle unconfirmed, Active assumed";

    private const string CohereV4 =
        "AWS 'Cohere Embed v4' (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v4.html): body, 128,000 tokens, dimensions 256–1536; "
        + "the page names 'cohere.embed-v4', callers use 'cohere.embed-v4:0' and us./eu./global. profiles (third party); lifecycle unconfirmed";

    private const string NovaMme =
        "AWS 'Using Nova Embeddings' (docs.aws.amazon.com/nova/latest/userguide/nova-embeddings.html) and 'Complete embeddings request and response schema' "
        + "(embeddings-schema.html): 8K tokens, dimensions 256/384/1024/3072; id from LiteLLM's Bedrock docs (third party); lifecycle unconfirmed";

    private const ModelCapabilities ConverseOnlyConfirmed = ModelCapabilities.All & ~(Converse | ConverseStream);

    public static readonly ModelInfo[] All =
    {
        ModelRow.Create(
            "amazon.titan-embed-text-v2:0", "Amazon", "Titan Text Embeddings", "Titan Text Embeddings V2", 8_192, 0,
            None, ConverseOnlyConfirmed, TitanV2, modality: ModelModality.Embedding),
        ModelRow.Create(
            "cohere.embed-english-v3", "Cohere", "Embed v3", "Embed English v3", 512, 0,
            None, ConverseOnlyConfirmed, CohereV3, modality: ModelModality.Embedding),
        ModelRow.Create(
            "cohere.embed-multilingual-v3", "Cohere", "Embed v3", "Embed Multilingual v3", 512, 0,
            None, ConverseOnlyConfirmed, CohereV3, modality: ModelModality.Embedding),
        ModelRow.Create(
            "cohere.embed-v4:0", "Cohere", "Embed v4", "Embed v4", 128_000, 0,
            None, ConverseOnlyConfirmed, CohereV4, prefixes: new[] { "us", "eu", "global" }, modality: ModelModality.Embedding),
        ModelRow.Create(
            "amazon.nova-2-multimodal-embeddings-v1:0", "Amazon", "Nova Multimodal Embeddings", "Nova Multimodal Embeddings", 8_192, 0,
            None, ConverseOnlyConfirmed, NovaMme, modality: ModelModality.Embedding),
    };
}
