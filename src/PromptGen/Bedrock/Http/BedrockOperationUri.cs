using System;

namespace PromptGen.Bedrock.Http;

/// <summary>Builds operation URLs under an endpoint, with the model id as one fully escaped path segment.</summary>
internal static class BedrockOperationUri
{
    /// <summary>
    /// <c>{endpoint}/model/{modelId}/converse</c>. The whole model id is one segment: ':' becomes %3A and '/' %2F
    /// (an inference-profile ARN has both), and HttpClient sends those escapes unchanged (wire spec §2).
    /// </summary>
    public static Uri Converse(Uri endpoint, string modelId) => Model(endpoint, modelId, "converse");

    /// <summary><c>{endpoint}/model/{modelId}/converse-stream</c>, escaped like <see cref="Converse"/>.</summary>
    public static Uri ConverseStream(Uri endpoint, string modelId) => Model(endpoint, modelId, "converse-stream");

    /// <summary><c>{endpoint}/model/{modelId}/invoke</c>, escaped like <see cref="Converse"/>.</summary>
    public static Uri Invoke(Uri endpoint, string modelId) => Model(endpoint, modelId, "invoke");

    /// <summary><c>{endpoint}/model/{modelId}/invoke-with-response-stream</c>, escaped like <see cref="Converse"/>.</summary>
    public static Uri InvokeWithResponseStream(Uri endpoint, string modelId) => Model(endpoint, modelId, "invoke-with-response-stream");

    private static Uri Model(Uri endpoint, string modelId, string operation)
    {
        string basePath = endpoint.AbsoluteUri.EndsWith('/') ? endpoint.AbsoluteUri : endpoint.AbsoluteUri + "/";
        return new Uri($"{basePath}model/{Uri.EscapeDataString(modelId)}/{operation}", UriKind.Absolute);
    }
}
