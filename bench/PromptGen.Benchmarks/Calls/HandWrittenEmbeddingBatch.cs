using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace PromptGen.Benchmarks.Calls;

/// <summary>
/// The floor of the embedding benchmark: the least a correct hand-written batch does. One InvokeModel call per text
/// (Titan takes one), at most eight at a time like the generated client, each body written and each answer read with
/// a System.Text.Json source-generated context, signed with AWSSDK.Core's <see cref="AWSSigV4Signer"/> and sent
/// with the same HttpClient; the vectors land in input order. No retries, no time limit, no error mapping, no
/// telemetry, no response size limit.
/// </summary>
internal sealed class HandWrittenEmbeddingBatch
{
    private const int MaxConcurrentCalls = 8;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly RegionEndpoint _region = RegionEndpoint.USEast1;
    private readonly Uri _uri = new("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke");
    private readonly IBedrockRuntime? _client;

    public HandWrittenEmbeddingBatch(HttpClient http, AWSCredentials credentials, IBedrockRuntime? client = null)
    {
        _http = http;
        _credentials = credentials;
        _client = client;
    }

    public async Task<ReadOnlyMemory<float>[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new ReadOnlyMemory<float>[texts.Count];
        int next = -1;
        var workers = new Task[Math.Min(MaxConcurrentCalls, texts.Count)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = WorkAsync();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return vectors;

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < texts.Count)
            {
                vectors[i] = await EmbedOneAsync(texts[i], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<float[]> EmbedOneAsync(string text, CancellationToken cancellationToken)
    {
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(new FloorEmbeddingRequest(text, 256), FloorEmbeddingJsonContext.Default.FloorEmbeddingRequest);
        if (_client is not null)
        {
            // The diagnostic row: the same batch and bodies, sent through PromptGen's client instead of by hand.
            Bedrock.InvokeModelResponse answer = await _client.InvokeModelAsync("amazon.titan-embed-text-v2:0", payload, cancellationToken: cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(answer.Body.Span, FloorEmbeddingJsonContext.Default.FloorEmbeddingResponse)!.Embedding;
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(payload) };
        message.Content.Headers.ContentType = Json;
        message.Headers.Accept.Add(AcceptJson);
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _uri, Content = payload };
        signing.Headers["Content-Type"] = "application/json";
        signing.Headers["Accept"] = "application/json";
        AWSSigningResult signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = _credentials,
            Region = _region,
            Service = "bedrock",
            SignedAt = DateTime.UtcNow,
        });
        foreach (KeyValuePair<string, string> header in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using HttpResponseMessage response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, FloorEmbeddingJsonContext.Default.FloorEmbeddingResponse)!.Embedding;
    }
}

internal sealed record FloorEmbeddingRequest(string InputText, int Dimensions);

internal sealed record FloorEmbeddingResponse(float[] Embedding, int InputTextTokenCount);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FloorEmbeddingRequest))]
[JsonSerializable(typeof(FloorEmbeddingResponse))]
internal sealed partial class FloorEmbeddingJsonContext : JsonSerializerContext
{
}
