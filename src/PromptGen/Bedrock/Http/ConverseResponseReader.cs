using System.Text.Json;

namespace PromptGen.Bedrock.Http;

/// <summary>
/// Reads a 2xx Converse body with the source-generated context and checks the members the rest of the library
/// relies on. Unknown members and unknown union members are kept (see <see cref="ContentBlock.UnknownMembers"/>),
/// not rejected: the service adds new ones over time.
/// </summary>
internal static class ConverseResponseReader
{
    public static ConverseResponse Read(byte[] body, string? requestId)
    {
        ConverseResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(body, BedrockJsonContext.Default.ConverseResponse);
        }
        catch (JsonException e)
        {
            throw new BedrockResponseException(
                $"Bedrock returned a Converse response that is not valid JSON{ForRequest(requestId)}: {e.Message}", innerException: e)
            {
                RequestId = requestId,
            };
        }

        string? missing = response is null ? "a JSON object"
            : response.Output is null ? "'output'"
            : response.StopReason is null ? "'stopReason'"
            : response.Usage is null ? "'usage'"
            : null;
        if (missing is not null)
        {
            throw new BedrockResponseException(
                $"Bedrock returned a Converse response without {missing}{ForRequest(requestId)}.", response?.StopReason)
            {
                RequestId = requestId,
            };
        }

        response!.RequestId = requestId;
        return response;
    }

    private static string ForRequest(string? requestId) => requestId is null ? "" : $" (request id {requestId})";
}
