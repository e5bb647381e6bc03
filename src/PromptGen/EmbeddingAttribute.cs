using System;

namespace PromptGen;

/// <summary>
/// Settings of an embedding method: a prompt method that returns <c>Embedding&lt;float&gt;</c> or
/// <c>ReadOnlyMemory&lt;float&gt;</c> for one text, or an <c>IReadOnlyList</c> of them for many texts, and whose model
/// is an embedding model (Titan Text Embeddings V2, Cohere Embed v3/v4, Nova Multimodal Embeddings). Only the
/// properties you set are sent; each is checked against the model at build time (PG0224). On an interface it applies
/// to every embedding method that declares none itself.
/// </summary>
/// <example><code>
/// [Model("cohere.embed-english-v3")]
/// [Embedding(InputType = EmbeddingInputType.SearchQuery)]
/// Task&lt;Embedding&lt;float&gt;&gt; EmbedQueryAsync(string text, CancellationToken cancellationToken = default);
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class EmbeddingAttribute : Attribute
{
    /// <summary>
    /// The vector's length: Titan Text Embeddings V2 256, 512 or 1024; Cohere Embed v4 256, 512, 1024 or 1536; Nova
    /// Multimodal Embeddings 256, 384, 1024 or 3072. Cohere Embed v3 has a fixed length.
    /// </summary>
    public int Dimensions { get; set; }

    /// <summary>Titan Text Embeddings V2 only: whether the vector is scaled to length 1 (the model's default is true).</summary>
    public bool Normalize { get; set; }

    /// <summary>
    /// What the vectors are for (Cohere <c>input_type</c>, Nova <c>embeddingPurpose</c>). Cohere requires one and
    /// PromptGen sends <see cref="EmbeddingInputType.SearchDocument"/> when it is not set; Titan has none.
    /// </summary>
    public EmbeddingInputType InputType { get; set; }

    /// <summary>How text longer than the model takes is cut (Cohere <c>truncate</c>, Nova <c>truncationMode</c>); Titan has none.</summary>
    public EmbeddingTruncation Truncation { get; set; }
}
