using System;
using System.Collections.Generic;
using PromptGen.Generators.Catalog;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>The model-native body families the emulator serves through InvokeModel and InvokeModelWithResponseStream.</summary>
internal enum InvokeFamily
{
    TitanTextEmbeddingsV2,
    CohereEmbedV3,
    CohereEmbedV4,
    NovaMultimodalEmbeddings,
    NovaCanvas,
    TitanImageV2,
    StabilityDiffusion35,
    StableImage,
    ClaudeMessages,
    Llama,
    Mistral,
}

/// <summary>Which family a model id's body belongs to, by its base id (profiles and ARNs resolved as the catalog does).</summary>
internal static class InvokeFamilies
{
    private static readonly (string Prefix, InvokeFamily Family)[] ByBaseIdPrefix =
    {
        ("amazon.titan-embed-text-v2", InvokeFamily.TitanTextEmbeddingsV2),
        ("cohere.embed-english-v3", InvokeFamily.CohereEmbedV3),
        ("cohere.embed-multilingual-v3", InvokeFamily.CohereEmbedV3),
        ("cohere.embed-v4", InvokeFamily.CohereEmbedV4),
        ("amazon.nova-2-multimodal-embeddings", InvokeFamily.NovaMultimodalEmbeddings),
        ("amazon.nova-canvas", InvokeFamily.NovaCanvas),
        ("amazon.titan-image-generator-v2", InvokeFamily.TitanImageV2),
        ("stability.sd3-5-large", InvokeFamily.StabilityDiffusion35),
        ("stability.stable-image-core", InvokeFamily.StableImage),
        ("stability.stable-image-ultra", InvokeFamily.StableImage),
        ("anthropic.claude", InvokeFamily.ClaudeMessages),
        ("meta.llama", InvokeFamily.Llama),
        ("mistral.", InvokeFamily.Mistral),
    };

    /// <summary>The family, or null for a model whose native body the emulator does not know.</summary>
    public static InvokeFamily? For(string modelId)
    {
        if (!ModelIdSyntax.IsWellFormed(modelId) || ModelIdSyntax.Resolve(modelId) is not { } resolved)
        {
            return null;
        }

        foreach ((string prefix, InvokeFamily family) in ByBaseIdPrefix)
        {
            if (resolved.BaseId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return family;
            }
        }

        return null;
    }

    public static bool IsEmbedding(this InvokeFamily family) =>
        family is InvokeFamily.TitanTextEmbeddingsV2 or InvokeFamily.CohereEmbedV3 or InvokeFamily.CohereEmbedV4 or InvokeFamily.NovaMultimodalEmbeddings;

    public static bool IsImage(this InvokeFamily family) =>
        family is InvokeFamily.NovaCanvas or InvokeFamily.TitanImageV2 or InvokeFamily.StabilityDiffusion35 or InvokeFamily.StableImage;

    public static bool IsStabilityImage(this InvokeFamily family) => family is InvokeFamily.StabilityDiffusion35 or InvokeFamily.StableImage;

    public static bool IsChat(this InvokeFamily family) => family is InvokeFamily.ClaudeMessages or InvokeFamily.Llama or InvokeFamily.Mistral;

    /// <summary>The families a reader of this code can look up: every family with the model ids that select it.</summary>
    public static IEnumerable<(string Prefix, InvokeFamily Family)> Prefixes => ByBaseIdPrefix;
}

/// <summary>What the emulator takes from a valid native body: what scripts match on and what the answer is made from.</summary>
internal sealed class InvokeRequest
{
    public required InvokeFamily Family { get; init; }

    /// <summary>
    /// What a script's prompt criteria see: an image prompt, the last user message of a chat body, a raw prompt, or the
    /// texts to embed joined with newlines.
    /// </summary>
    public string? Prompt { get; init; }

    /// <summary>A chat body's system text.</summary>
    public string? SystemText { get; init; }

    /// <summary>Embedding inputs, one vector each: texts, or <c>image:&lt;sha256&gt;</c> for images.</summary>
    public IReadOnlyList<string> EmbeddingInputs { get; init; } = Array.Empty<string>();

    public int Dimension { get; init; }

    public bool Normalize { get; init; }

    /// <summary>The vector kinds asked for; empty when the body names none (the family's default answer shape).</summary>
    public IReadOnlyList<string> EmbeddingTypes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// For an editing request, a SHA-256 of its source images and mask: the answer's images are drawn from it too, so a
    /// different source gives a different image and the same source the same one.
    /// </summary>
    public string? SourceHash { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int ImageCount { get; init; } = 1;

    public long Seed { get; init; }

    /// <summary><c>png</c> or <c>jpeg</c>.</summary>
    public string ImageFormat { get; init; } = "png";

    public int MaxTokens { get; init; }

    /// <summary>The characters of text input, for a token estimate.</summary>
    public int InputLength { get; init; }
}
