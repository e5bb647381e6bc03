using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// The request body family of an embedding model, which decides the body and how many texts one call takes.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum EmbeddingFamily
{
    /// <summary>Amazon Titan Text Embeddings V2: one text per call.</summary>
    TitanText,

    /// <summary>Cohere Embed v3 and v4: up to 96 texts per call.</summary>
    Cohere,

    /// <summary>Amazon Nova Multimodal Embeddings: one text per call.</summary>
    NovaMultimodal,
}

/// <summary>
/// What an embedding method sends, checked at build time: the model, its family and the settings of
/// <c>[Embedding]</c> in the model's own words. Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EmbeddingSpec
{
    /// <summary>Creates the spec of one method. Used by generated code; not for direct use.</summary>
    /// <param name="modelId">The model id, inference profile or ARN.</param>
    /// <param name="family">The model's body family.</param>
    public EmbeddingSpec(string modelId, EmbeddingFamily family)
    {
        ModelId = modelId;
        Family = family;
    }

    /// <summary>The model id, inference profile or ARN.</summary>
    public string ModelId { get; }

    /// <summary>The model's body family.</summary>
    public EmbeddingFamily Family { get; }

    /// <summary>Titan <c>dimensions</c>, Cohere v4 <c>output_dimension</c>, Nova <c>embeddingDimension</c>; null for the model's default.</summary>
    public int? Dimensions { get; init; }

    /// <summary>Titan <c>normalize</c>; null for the model's default.</summary>
    public bool? Normalize { get; init; }

    /// <summary>Cohere <c>input_type</c> or Nova <c>embeddingPurpose</c>, as the model spells it.</summary>
    public string? InputType { get; init; }

    /// <summary>Cohere <c>truncate</c> or Nova <c>truncationMode</c>, as the model spells it.</summary>
    public string? Truncation { get; init; }

    /// <summary>The most texts one call takes: Cohere 96, the others 1.</summary>
    public int MaxTextsPerCall => Family == EmbeddingFamily.Cohere ? CohereMaxTexts : 1;

    // AWS "Cohere Embed v3" / "Cohere Embed v4" (model-parameters-embed-v3.html, -v4.html): at most 96 texts per call.
    private const int CohereMaxTexts = 96;
}
