using System;
using System.Collections.Generic;

namespace PromptGen.Testing.Hosting;

/// <summary>A request that names a Bedrock Runtime operation on a model.</summary>
/// <param name="Operation">The API operation name, e.g. <c>Converse</c>.</param>
/// <param name="ModelId">The model id, percent-decoded from its single path segment.</param>
internal sealed record OperationRoute(string Operation, string ModelId);

/// <summary>Maps <c>POST /model/{modelId}/{action}</c> onto operation names, working on the raw (still encoded) path.</summary>
internal static class OperationRouter
{
    public const string Converse = "Converse";
    public const string ConverseStream = "ConverseStream";
    public const string InvokeModel = "InvokeModel";
    public const string InvokeModelWithResponseStream = "InvokeModelWithResponseStream";
    public const string Retrieve = "Retrieve";
    public const string RetrieveAndGenerate = "RetrieveAndGenerate";
    public const string RetrieveAndGenerateStream = "RetrieveAndGenerateStream";

    /// <summary>The Knowledge Bases runtime's operations (their route's model id is the knowledge base id, or empty).</summary>
    public static bool IsKnowledgeBase(string? operation) => operation is Retrieve or RetrieveAndGenerate or RetrieveAndGenerateStream;

    /// <summary>Converse and ConverseStream take the same request body and the same validation.</summary>
    public static bool IsConverse(string operation) => operation is Converse or ConverseStream;

    /// <summary>InvokeModel and InvokeModelWithResponseStream take the model's native body.</summary>
    public static bool IsInvoke(string? operation) => operation is InvokeModel or InvokeModelWithResponseStream;

    /// <summary>The operations that answer with an event stream (their response is recorded when the stream ends).</summary>
    public static bool IsStream(string? operation) => operation is ConverseStream or InvokeModelWithResponseStream or RetrieveAndGenerateStream;

    private static readonly Dictionary<string, string> OperationsByAction = new(StringComparer.Ordinal)
    {
        ["converse"] = Converse,
        ["converse-stream"] = ConverseStream,
        ["invoke"] = InvokeModel,
        ["invoke-with-response-stream"] = InvokeModelWithResponseStream,
        ["count-tokens"] = "CountTokens",
    };

    public static OperationRoute? Match(string method, string rawPath)
    {
        if (!string.Equals(method, "POST", StringComparison.Ordinal))
        {
            return null;
        }

        // The Knowledge Bases runtime: POST /knowledgebases/{knowledgeBaseId}/retrieve and POST /retrieveAndGenerate.
        if (rawPath == "/retrieveAndGenerate")
        {
            return new OperationRoute(RetrieveAndGenerate, string.Empty);
        }

        if (rawPath == "/retrieveAndGenerateStream")
        {
            return new OperationRoute(RetrieveAndGenerateStream, string.Empty);
        }

        if (rawPath.StartsWith("/knowledgebases/", StringComparison.Ordinal) && rawPath.Split('/') is [_, _, var knowledgeBaseId, "retrieve"])
        {
            return new OperationRoute(Retrieve, Uri.UnescapeDataString(knowledgeBaseId));
        }

        // The model id is one segment even when it is an ARN: its '/' travels as %2F, so splitting the raw path is safe.
        string[] segments = rawPath.Split('/');
        if (segments.Length != 4 || segments[0].Length != 0 || segments[1] != "model"
            || !OperationsByAction.TryGetValue(segments[3], out string? operation))
        {
            return null;
        }

        return new OperationRoute(operation, Uri.UnescapeDataString(segments[2]));
    }
}
