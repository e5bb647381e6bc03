using System;
using PromptGen.CompilerServices;

namespace PromptGen.AI;

/// <summary>
/// The body family of an image or embedding model id, at run time, for the M.E.AI adapters (generated methods know it
/// at build time from the catalog). Base ids, inference profiles (<c>us.cohere.embed-v4:0</c>) and foundation-model ARNs.
/// </summary>
internal static class InvokeModelFamilies
{
    public static EmbeddingFamily? Embedding(string modelId) =>
        BaseId(modelId) switch
        {
            string id when id.StartsWith("amazon.titan-embed-text-v2", StringComparison.Ordinal) => EmbeddingFamily.TitanText,
            string id when id.StartsWith("cohere.embed-", StringComparison.Ordinal) => EmbeddingFamily.Cohere,
            string id when id.StartsWith("amazon.nova-2-multimodal-embeddings", StringComparison.Ordinal) => EmbeddingFamily.NovaMultimodal,
            _ => null,
        };

    public static ImageFamily? Image(string modelId) =>
        BaseId(modelId) switch
        {
            string id when id.StartsWith("stability.", StringComparison.Ordinal) => ImageFamily.Stability,
            string id when id.StartsWith("amazon.nova-canvas", StringComparison.Ordinal) || id.StartsWith("amazon.titan-image-generator", StringComparison.Ordinal) => ImageFamily.Amazon,
            _ => null,
        };

    /// <summary>Stable Image Core or Ultra, which AWS documents for text to image only.</summary>
    public static bool IsStableImage(string modelId) => BaseId(modelId).StartsWith("stability.stable-image-", StringComparison.Ordinal);

    public static bool IsCohereV4(string modelId) => BaseId(modelId).StartsWith("cohere.embed-v4", StringComparison.Ordinal);

    /// <summary>The id without an ARN wrapping or a profile prefix; an id that names no model stays as it is (no family).</summary>
    private static string BaseId(string modelId) => ModelIds.Resolve(modelId)?.BaseId ?? modelId;
}
