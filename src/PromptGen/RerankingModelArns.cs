using PromptGen.Bedrock;
using PromptGen.Bedrock.Configuration;

namespace PromptGen;

/// <summary>
/// A reranker is named by its foundation-model ARN on the wire
/// (<c>(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/(.*))?</c>,
/// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_VectorSearchBedrockRerankingModelConfiguration.html),
/// while a prompt names it by its model id (<c>amazon.rerank-v1:0</c>, <c>cohere.rerank-v3-5:0</c>:
/// https://docs.aws.amazon.com/bedrock/latest/userguide/rerank-supported.html), because the region is the client's to
/// know. The client turns a model id into the ARN of its own region before sending; an ARN is sent as written.
/// </summary>
internal static class RerankingModelArns
{
    /// <summary>
    /// Writes the ARN for a model id into <paramref name="configuration"/>'s reranking model (idempotent: an ARN is left
    /// alone, so a request sent again is unchanged). Without a region (a bearer token and a custom endpoint) the id is
    /// sent as written.
    /// </summary>
    public static void Expand(KnowledgeBaseRetrievalConfiguration? configuration, string? region)
    {
        if (region is null
            || configuration?.VectorSearchConfiguration?.RerankingConfiguration?.BedrockRerankingConfiguration?.ModelConfiguration is not { } model
            || string.IsNullOrWhiteSpace(model.ModelArn)
            || model.ModelArn.StartsWith("arn:", System.StringComparison.Ordinal))
        {
            return;
        }

        model.ModelArn = $"arn:{BedrockEndpointBuilder.PartitionName(region)}:bedrock:{region}::foundation-model/{model.ModelArn}";
    }
}
