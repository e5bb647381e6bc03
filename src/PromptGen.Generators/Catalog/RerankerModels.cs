using System;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// The reranker models Amazon Bedrock offers knowledge bases
/// (https://docs.aws.amazon.com/bedrock/latest/userguide/rerank-supported.html). The catalog lists chat, image and
/// embedding models only, so a model it knows is never a reranker.
/// </summary>
internal static class RerankerModels
{
    public static readonly string[] Ids = { "amazon.rerank-v1:0", "cohere.rerank-v3-5:0" };

    public static bool IsKnown(string modelId) => Array.IndexOf(Ids, modelId) >= 0;
}
