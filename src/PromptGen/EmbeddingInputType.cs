namespace PromptGen;

/// <summary>What embedding vectors are for, in the words of <see cref="EmbeddingAttribute.InputType"/>.</summary>
public enum EmbeddingInputType
{
    /// <summary>Documents stored for search: Cohere <c>search_document</c>, Nova <c>GENERIC_INDEX</c>.</summary>
    SearchDocument,

    /// <summary>A query searching the documents: Cohere <c>search_query</c>, Nova <c>GENERIC_RETRIEVAL</c>.</summary>
    SearchQuery,

    /// <summary>Texts to classify: Cohere <c>classification</c>, Nova <c>CLASSIFICATION</c>.</summary>
    Classification,

    /// <summary>Texts to cluster: Cohere <c>clustering</c>, Nova <c>CLUSTERING</c>.</summary>
    Clustering,
}
