using System;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// The InvokeModel body families PromptGen writes for image and embedding methods. Each model id selects one by its
/// base id (profiles and ARNs resolved as the catalog does); the sources of every body and limit are in
/// the image and embedding rows' <c>source</c> in Catalog/models.json and the typed bodies of
/// <c>src/PromptGen/Bedrock</c>.
/// </summary>
internal enum InvokeModelFamily
{
    TitanTextEmbeddingsV2,
    CohereEmbedV3,
    CohereEmbedV4,
    NovaMultimodalEmbeddings,
    StableDiffusion35,
    StableImage,
    NovaCanvas,
    TitanImageV2,
}

internal static class InvokeModelFamilies
{
    private static readonly (string Prefix, InvokeModelFamily Family)[] ByBaseIdPrefix =
    {
        ("amazon.titan-embed-text-v2", InvokeModelFamily.TitanTextEmbeddingsV2),
        ("cohere.embed-english-v3", InvokeModelFamily.CohereEmbedV3),
        ("cohere.embed-multilingual-v3", InvokeModelFamily.CohereEmbedV3),
        ("cohere.embed-v4", InvokeModelFamily.CohereEmbedV4),
        ("amazon.nova-2-multimodal-embeddings", InvokeModelFamily.NovaMultimodalEmbeddings),
        ("stability.sd3-5-large", InvokeModelFamily.StableDiffusion35),
        ("stability.stable-image-core", InvokeModelFamily.StableImage),
        ("stability.stable-image-ultra", InvokeModelFamily.StableImage),
        ("amazon.nova-canvas", InvokeModelFamily.NovaCanvas),
        ("amazon.titan-image-generator-v2", InvokeModelFamily.TitanImageV2),
    };

    /// <summary>The family of a model id; null for a model whose body PromptGen does not write (chat models, unknown ids, opaque ARNs).</summary>
    public static InvokeModelFamily? For(string? modelId)
    {
        if (!ModelIdSyntax.IsWellFormed(modelId) || ModelIdSyntax.Resolve(modelId!) is not { } resolved)
        {
            return null;
        }

        foreach ((string prefix, InvokeModelFamily family) in ByBaseIdPrefix)
        {
            if (resolved.BaseId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    public static bool IsEmbedding(this InvokeModelFamily family) => family <= InvokeModelFamily.NovaMultimodalEmbeddings;

    public static bool IsImage(this InvokeModelFamily family) => family >= InvokeModelFamily.StableDiffusion35;

    public static bool IsStability(this InvokeModelFamily family) =>
        family is InvokeModelFamily.StableDiffusion35 or InvokeModelFamily.StableImage;

    /// <summary>The family's name as a user reads it in a diagnostic.</summary>
    public static string DisplayName(this InvokeModelFamily family) => family switch
    {
        InvokeModelFamily.TitanTextEmbeddingsV2 => "Titan Text Embeddings V2",
        InvokeModelFamily.CohereEmbedV3 => "Cohere Embed v3",
        InvokeModelFamily.CohereEmbedV4 => "Cohere Embed v4",
        InvokeModelFamily.NovaMultimodalEmbeddings => "Nova Multimodal Embeddings",
        InvokeModelFamily.StableDiffusion35 => "Stable Diffusion 3.5 Large",
        InvokeModelFamily.StableImage => "Stable Image Core and Ultra",
        InvokeModelFamily.NovaCanvas => "Nova Canvas",
        _ => "Titan Image Generator v2",
    };
}
