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
using PromptGen.Benchmarks.Results;

namespace PromptGen.Benchmarks.Calls;

/// <summary>
/// The floor: the least a correct hand-written Converse call does. Interpolated prompt, minimal wire types
/// serialized with a System.Text.Json source-generated context, SigV4 with AWSSDK.Core's <see cref="AWSSigV4Signer"/>,
/// HttpClient, and the answer deserialized with the source-generated context. No validation, no error mapping, no
/// fence handling, no timeouts: what the generated client adds on top is its overhead.
/// </summary>
internal sealed class HandWrittenBedrockCall
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly RegionEndpoint _region = RegionEndpoint.USEast1;
    private readonly Uri _uri = new("https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse");
    private readonly string _schema;

    public HandWrittenBedrockCall(HttpClient http, AWSCredentials credentials, string schemaJson)
    {
        _http = http;
        _credentials = credentials;
        _schema = schemaJson;
    }

    public async Task<TicketTriage> TriageAsync(string title, string body, CancellationToken cancellationToken = default)
    {
        var request = new FloorRequest(
            new[] { new FloorMessage("user", new[] { new FloorContent($"Triage this ticket: {title}: {body}") }) },
            new FloorInference(400),
            new FloorOutputConfig(new FloorTextFormat("json_schema", new FloorStructure(new FloorJsonSchema(_schema, "TicketTriage")))));
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(request, FloorJsonContext.Default.FloorRequest);

        using var message = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(payload) };
        message.Content.Headers.ContentType = Json;
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _uri, Content = payload };
        signing.Headers["Content-Type"] = "application/json";
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
        byte[] responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        FloorResponse converse = JsonSerializer.Deserialize(responseBody, FloorJsonContext.Default.FloorResponse)!;
        string text = converse.Output.Message.Content[0].Text!;
        return JsonSerializer.Deserialize(text, ResultJsonContext.Default.TicketTriage)!;
    }
}

internal sealed record FloorRequest(FloorMessage[] Messages, FloorInference InferenceConfig, FloorOutputConfig OutputConfig);

internal sealed record FloorMessage(string Role, FloorContent[] Content);

internal sealed record FloorContent(string? Text);

internal sealed record FloorInference(int MaxTokens);

internal sealed record FloorOutputConfig(FloorTextFormat TextFormat);

internal sealed record FloorTextFormat(string Type, FloorStructure Structure);

internal sealed record FloorStructure(FloorJsonSchema JsonSchema);

internal sealed record FloorJsonSchema(string Schema, string Name);

internal sealed record FloorResponse(FloorOutput Output, string StopReason);

internal sealed record FloorOutput(FloorMessage Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorRequest))]
[JsonSerializable(typeof(FloorResponse))]
[JsonSerializable(typeof(string))]
internal sealed partial class FloorJsonContext : JsonSerializerContext
{
}
