using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PromptGen.Bedrock.Http;

/// <summary>
/// Reads 2xx Retrieve and RetrieveAndGenerate bodies with the source-generated context and checks the members the
/// API marks required. Unknown members are skipped: the service adds new ones over time.
/// </summary>
internal static class KnowledgeBaseResponseReader
{
    public static RetrieveResponse ReadRetrieve(byte[] body, string? requestId)
    {
        RetrieveResponse response = Deserialize(body, requestId, "Retrieve", KnowledgeBaseJsonContext.Default.RetrieveResponse);
        if (response.RetrievalResults is null)
        {
            throw Invalid($"a Retrieve response without 'retrievalResults'", requestId);
        }

        for (int i = 0; i < response.RetrievalResults.Count; i++)
        {
            if (response.RetrievalResults[i] is not { Content: not null } result)
            {
                throw Invalid($"a Retrieve response whose result {i} has no 'content'", requestId);
            }

            // System.Text.Json reads 1e999 as infinity; a score must rank.
            if (result.Score is { } score && !double.IsFinite(score))
            {
                throw Invalid($"a Retrieve response whose result {i} has a score that is not a finite number", requestId);
            }
        }

        response.RequestId = requestId;
        return response;
    }

    public static RetrieveAndGenerateResponse ReadRetrieveAndGenerate(byte[] body, string? requestId)
    {
        RetrieveAndGenerateResponse response = Deserialize(body, requestId, "RetrieveAndGenerate", KnowledgeBaseJsonContext.Default.RetrieveAndGenerateResponse);
        string? missing = response.SessionId is null ? "'sessionId'"
            : response.Output?.Text is null ? "'output.text'"
            : null;
        if (missing is not null)
        {
            throw Invalid($"a RetrieveAndGenerate response without {missing}", requestId);
        }

        if (response.Citations is { } citations && citations.Contains(null!))
        {
            throw Invalid("a RetrieveAndGenerate response with a null citation", requestId);
        }

        response.RequestId = requestId;
        return response;
    }

    private static T Deserialize<T>(byte[] body, string? requestId, string operation, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw Invalid($"a {operation} response that is JSON null", requestId);
        }
        catch (JsonException e)
        {
            throw new BedrockResponseException($"Bedrock returned a {operation} response that is not valid JSON{ForRequest(requestId)}: {e.Message}", innerException: e)
            {
                RequestId = requestId,
            };
        }
    }

    private static BedrockResponseException Invalid(string what, string? requestId) =>
        new($"Bedrock returned {what}{ForRequest(requestId)}.") { RequestId = requestId };

    private static string ForRequest(string? requestId) => requestId is null ? "" : $" (request id {requestId})";
}
