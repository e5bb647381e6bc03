using System;
using System.Collections.Generic;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// The InvokeModel body families PromptGen writes for image and embedding methods. A model's family is its catalog
/// row's (<see cref="ModelInfo.Body"/>: stated by a catalog file's <c>invokeBody</c>, else by the base id's prefix), or
/// for an id no row knows, its base id's prefix (profiles and ARNs resolved as the catalog does); the sources of every body and limit are in
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

    /// <summary>
    /// The family of <paramref name="modelId"/> as <paramref name="catalog"/> judges it — the one rule for built-in rows,
    /// rows a project's catalog file adds and ids no row knows: a row's <see cref="ModelInfo.Body"/> (stated in its file,
    /// else taken from its id by <see cref="ByBaseId"/> when it is an image or embedding row); for an id the catalog has
    /// no row for, its id prefix. Null for chat models, opaque ARNs and image or embedding models whose body no prefix
    /// and no file names.
    /// </summary>
    public static InvokeModelFamily? For(string? modelId, ModelTable catalog)
    {
        if (!ModelIdSyntax.IsWellFormed(modelId) || ModelIdSyntax.Resolve(modelId!) is not { } resolved)
        {
            return null;
        }

        return catalog.Row(resolved.BaseId) is { } row ? row.Body : ByBaseId(resolved.BaseId);
    }

    /// <summary>The family a base id names by its prefix; null when no prefix PromptGen knows starts it.</summary>
    public static InvokeModelFamily? ByBaseId(string baseId)
    {
        foreach ((string prefix, InvokeModelFamily family) in ByBaseIdPrefix)
        {
            if (baseId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>What a family's models make: embeddings or images.</summary>
    public static ModelModality Modality(this InvokeModelFamily family) => family.IsEmbedding() ? ModelModality.Embedding : ModelModality.Image;

    /// <summary>The family's name in a catalog file (<c>invokeBody</c>), e.g. <c>titanTextEmbeddingsV2</c>.</summary>
    public static string WireName(this InvokeModelFamily family)
    {
        string name = family.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>The family a catalog file's <c>invokeBody</c> names; null for a name that is none.</summary>
    public static InvokeModelFamily? FromWireName(string name)
    {
        foreach (InvokeModelFamily family in All)
        {
            if (string.Equals(family.WireName(), name, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>Every family, in declaration order.</summary>
    public static IReadOnlyList<InvokeModelFamily> All { get; } = (InvokeModelFamily[])Enum.GetValues(typeof(InvokeModelFamily));

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
