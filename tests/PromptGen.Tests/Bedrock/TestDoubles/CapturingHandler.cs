using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.Tests.Bedrock.TestDoubles;

/// <summary>Records every request (with its body) and answers with a configurable response.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    public const string MinimalConverseResponse =
        """{"output":{"message":{"role":"assistant","content":[{"text":"Hello"}]}},"stopReason":"end_turn","usage":{"inputTokens":3,"outputTokens":1,"totalTokens":4},"metrics":{"latencyMs":12}}""";

    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    public CapturingHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? respond = null)
    {
        _respond = respond ?? ((_, _) => Task.FromResult(Json(HttpStatusCode.OK, MinimalConverseResponse)));
    }

    public List<CapturedRequest> Requests { get; } = new();

    public CapturedRequest Single => Assert.Single(Requests);

    public static CapturingHandler Responding(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new((_, _) =>
        {
            HttpResponseMessage response = Json(status, body);
            foreach ((string name, string value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add(new CapturedRequest(request, body));
        return await _respond(request, cancellationToken);
    }
}

internal sealed class CapturedRequest(HttpRequestMessage message, byte[] body)
{
    public HttpRequestMessage Message { get; } = message;

    public string Body { get; } = Encoding.UTF8.GetString(body);

    /// <summary>The path and query exactly as HttpClient puts them on the request line.</summary>
    public string PathAndQuery => Message.RequestUri!.PathAndQuery;

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values)
        : Message.Content?.Headers.TryGetValues(name, out IEnumerable<string>? contentValues) == true ? string.Join(",", contentValues)
        : null;

    public bool HasHeader(string name) => Header(name) is not null;

    public IEnumerable<string> HeaderNames =>
        Message.Headers.Select(h => h.Key).Concat(Message.Content?.Headers.Select(h => h.Key) ?? Enumerable.Empty<string>());
}
