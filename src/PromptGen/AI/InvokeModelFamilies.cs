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

    /// <summary>The id without an ARN wrapping or a geographic profile prefix.</summary>
    private static string BaseId(string modelId)
    {
        int slash = modelId.LastIndexOf('/');
        string id = slash >= 0 ? modelId.Substring(slash + 1) : modelId;
        int dot = id.IndexOf('.');
        int second = dot < 0 ? -1 : id.IndexOf('.', dot + 1);
        // "us.cohere.embed-v4:0": a profile prefix has no '-' or ':' and is followed by a provider and a dot.
        return second > 0 && id.AsSpan(0, dot).IndexOfAny('-', ':') < 0 && id.Substring(0, dot) is "us" or "eu" or "apac" or "global" or "jp" or "au" or "ca" or "us-gov"
            ? id.Substring(dot + 1)
            : id;
    }
}
