using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Calls;

/// <summary>
/// The fake transport of the embedding benchmark: answers every request with the same Titan Text Embeddings V2
/// response (256 dimensions, <c>embedding</c> and <c>embeddingsByType.float</c>, as the model answers), without
/// touching the network.
/// </summary>
internal sealed class CannedEmbeddingHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _body = Body(256);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = Json;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "5d4f5e2a-0000-4000-8000-000000000002");
        response.Headers.TryAddWithoutValidation("X-Amzn-Bedrock-Input-Token-Count", "9");
        return Task.FromResult(response);
    }

    private static byte[] Body(int dimensions)
    {
        var vector = new StringBuilder("[");
        for (int i = 0; i < dimensions; i++)
        {
            vector.Append(i == 0 ? string.Empty : ",").Append((((i % 17) - 8) / 100.0 + 0.00123).ToString("R", CultureInfo.InvariantCulture));
        }

        vector.Append(']');
        return Encoding.UTF8.GetBytes(
            "{\"embedding\":" + vector + ",\"embeddingsByType\":{\"float\":" + vector + "},\"inputTextTokenCount\":9}");
    }
}
