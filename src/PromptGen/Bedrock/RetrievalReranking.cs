using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.Bedrock;

// Reranking and implicit filters of a knowledge base search (members of vectorSearchConfiguration), as the official SDK
// models them (@aws-sdk/client-bedrock-agent-runtime 3.1162.0: VectorSearchRerankingConfiguration,
// VectorSearchBedrockRerankingConfiguration, MetadataConfigurationForReranking, ImplicitFilterConfiguration) and
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_VectorSearchBedrockRerankingConfiguration.html
// and https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_ImplicitFilterConfiguration.html.

/// <summary><c>rerankingConfiguration</c>: reorder the results with a reranker model before they are returned.</summary>
public sealed class VectorSearchRerankingConfiguration
{
    /// <summary>The one type the API defines: <c>BEDROCK_RERANKING_MODEL</c>.</summary>
    public const string BedrockRerankingModel = "BEDROCK_RERANKING_MODEL";

    /// <summary>The reranking type; <see cref="BedrockRerankingModel"/>.</summary>
    public string Type { get; set; } = BedrockRerankingModel;

    /// <summary>The Bedrock reranker model and how many results it keeps.</summary>
    public VectorSearchBedrockRerankingConfiguration? BedrockRerankingConfiguration { get; set; }

    /// <summary>A reranking with <paramref name="modelArn"/> (e.g. the ARN of <c>amazon.rerank-v1:0</c>), keeping <paramref name="numberOfRerankedResults"/> results.</summary>
    public static VectorSearchRerankingConfiguration WithBedrockModel(string modelArn, int? numberOfRerankedResults = null) => new()
    {
        BedrockRerankingConfiguration = new VectorSearchBedrockRerankingConfiguration
        {
            ModelConfiguration = new VectorSearchBedrockRerankingModelConfiguration { ModelArn = modelArn },
            NumberOfRerankedResults = numberOfRerankedResults,
        },
    };
}

/// <summary><c>bedrockRerankingConfiguration</c>.</summary>
public sealed class VectorSearchBedrockRerankingConfiguration
{
    /// <summary>The reranker model (required by the API).</summary>
    public VectorSearchBedrockRerankingModelConfiguration ModelConfiguration { get; set; } = new();

    /// <summary>How many results to keep after reranking, 1 to 100; null for the service's default.</summary>
    public int? NumberOfRerankedResults { get; set; }

    /// <summary>Which metadata the reranker reads; null for the service's default.</summary>
    public MetadataConfigurationForReranking? MetadataConfiguration { get; set; }
}

/// <summary><c>modelConfiguration</c> of a Bedrock reranking.</summary>
public sealed class VectorSearchBedrockRerankingModelConfiguration
{
    /// <summary>
    /// The reranker model's ARN, or its model id (<c>amazon.rerank-v1:0</c>): <see cref="BedrockRuntimeClient"/> writes
    /// a model id back as the foundation-model ARN of its region before sending.
    /// </summary>
    public string ModelArn { get; set; } = "";

    /// <summary>Model-specific fields passed through to the reranker.</summary>
    public IDictionary<string, JsonElement>? AdditionalModelRequestFields { get; set; }
}

/// <summary><c>metadataConfiguration</c>: <c>ALL</c> metadata, or <c>SELECTIVE</c> with fields to include or exclude.</summary>
public sealed class MetadataConfigurationForReranking
{
    /// <summary><c>ALL</c> or <c>SELECTIVE</c>.</summary>
    public string SelectionMode { get; set; } = "ALL";

    /// <summary>With <c>SELECTIVE</c>: the fields to include, or those to exclude (one of the two).</summary>
    public RerankingMetadataSelectiveModeConfiguration? SelectiveModeConfiguration { get; set; }
}

/// <summary><c>selectiveModeConfiguration</c>: a union; set one member.</summary>
public sealed class RerankingMetadataSelectiveModeConfiguration
{
    /// <summary>The metadata fields the reranker reads.</summary>
    public IList<FieldForReranking>? FieldsToInclude { get; set; }

    /// <summary>The metadata fields the reranker ignores.</summary>
    public IList<FieldForReranking>? FieldsToExclude { get; set; }
}

/// <summary>A metadata field named in a reranking's selective mode.</summary>
public sealed class FieldForReranking
{
    /// <summary>The metadata key.</summary>
    public string FieldName { get; set; } = "";
}

/// <summary>
/// <c>implicitFilterConfiguration</c>: a model reads the query and builds a metadata filter from the attributes described
/// here.
/// </summary>
public sealed class ImplicitFilterConfiguration
{
    /// <summary>The metadata attributes the model may filter on (required by the API).</summary>
    public IList<MetadataAttributeSchema> MetadataAttributes { get; set; } = new List<MetadataAttributeSchema>();

    /// <summary>The model that builds the filter (required by the API).</summary>
    public string ModelArn { get; set; } = "";
}

/// <summary>A metadata attribute an implicit filter may use.</summary>
public sealed class MetadataAttributeSchema
{
    /// <summary>The metadata key.</summary>
    public string Key { get; set; } = "";

    /// <summary><c>STRING</c>, <c>NUMBER</c>, <c>BOOLEAN</c> or <c>STRING_LIST</c>.</summary>
    public string Type { get; set; } = "STRING";

    /// <summary>What the attribute means, for the model.</summary>
    public string Description { get; set; } = "";
}
