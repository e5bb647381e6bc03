using System;

namespace PromptGen.Bedrock.Http;

/// <summary>
/// The Knowledge Bases runtime's operation URLs (the paths of the official SDK's model):
/// <c>POST /knowledgebases/{knowledgeBaseId}/retrieve</c>, <c>POST /retrieveAndGenerate</c> and <c>POST /retrieveAndGenerateStream</c>.
/// </summary>
internal static class KnowledgeBaseOperationUri
{
    public static Uri Retrieve(Uri endpoint, string knowledgeBaseId) =>
        new($"{BasePath(endpoint)}knowledgebases/{Uri.EscapeDataString(knowledgeBaseId)}/retrieve", UriKind.Absolute);

    public static Uri RetrieveAndGenerate(Uri endpoint) => new($"{BasePath(endpoint)}retrieveAndGenerate", UriKind.Absolute);

    /// <summary><c>POST /retrieveAndGenerateStream</c>, the same body as RetrieveAndGenerate, answered as an event stream.</summary>
    public static Uri RetrieveAndGenerateStream(Uri endpoint) => new($"{BasePath(endpoint)}retrieveAndGenerateStream", UriKind.Absolute);

    private static string BasePath(Uri endpoint) => endpoint.AbsoluteUri.EndsWith('/') ? endpoint.AbsoluteUri : endpoint.AbsoluteUri + "/";
}
