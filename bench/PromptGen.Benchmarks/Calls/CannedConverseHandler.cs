using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Calls;

/// <summary>The fake transport: answers every request with the same Converse response, without touching the network.</summary>
internal sealed class CannedConverseHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _body;

    public CannedConverseHandler(string answerText) => _body = ConverseBody(answerText);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = Json;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "5d4f5e2a-0000-4000-8000-000000000001");
        return Task.FromResult(response);
    }

    private static byte[] ConverseBody(string answerText)
    {
        string text = JsonSerializer.Serialize(answerText, FloorJsonContext.Default.String);
        return Encoding.UTF8.GetBytes(
            "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":" + text + "}]}},"
            + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":412,\"outputTokens\":57,\"totalTokens\":469},\"metrics\":{\"latencyMs\":830}}");
    }
}
