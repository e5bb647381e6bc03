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

/// <summary>
/// Which family a model id's body belongs to. Image and embedding bodies follow the catalog's one rule
/// (<see cref="InvokeModelFamilies.For"/>: the row's body, stated by a catalog file or taken from the id's prefix), so a
/// model a project's catalog file adds is served with the body its row names; the chat bodies the emulator also reads
/// are known by their base id's prefix (profiles and ARNs resolved as the catalog does).
/// </summary>
internal static class InvokeFamilies
{
    private static readonly (string Prefix, InvokeFamily Family)[] ChatByBaseIdPrefix =
    {
        ("anthropic.claude", InvokeFamily.ClaudeMessages),
        ("meta.llama", InvokeFamily.Llama),
        ("mistral.", InvokeFamily.Mistral),
    };

    /// <summary>The family as <paramref name="catalog"/> judges it, or null for a model whose native body the emulator does not know.</summary>
    public static InvokeFamily? For(string modelId, ModelTable catalog)
    {
        if (!ModelIdSyntax.IsWellFormed(modelId) || ModelIdSyntax.Resolve(modelId) is not { } resolved)
        {
            return null;
        }

        if (InvokeModelFamilies.For(modelId, catalog) is { } body)
        {
            return body switch
            {
                InvokeModelFamily.TitanTextEmbeddingsV2 => InvokeFamily.TitanTextEmbeddingsV2,
                InvokeModelFamily.CohereEmbedV3 => InvokeFamily.CohereEmbedV3,
                InvokeModelFamily.CohereEmbedV4 => InvokeFamily.CohereEmbedV4,
                InvokeModelFamily.NovaMultimodalEmbeddings => InvokeFamily.NovaMultimodalEmbeddings,
                InvokeModelFamily.StableDiffusion35 => InvokeFamily.StabilityDiffusion35,
                InvokeModelFamily.StableImage => InvokeFamily.StableImage,
                InvokeModelFamily.NovaCanvas => InvokeFamily.NovaCanvas,
                _ => InvokeFamily.TitanImageV2,
            };
        }

        foreach ((string prefix, InvokeFamily family) in ChatByBaseIdPrefix)
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
