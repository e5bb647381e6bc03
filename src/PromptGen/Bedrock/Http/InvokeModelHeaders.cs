using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PromptGen.Bedrock.Http;

/// <summary>
/// The HTTP headers of InvokeModel and InvokeModelWithResponseStream (wire spec §5, from the botocore model), and the
/// ones Bedrock answers with. Token counts and latency are not in the service model; they are the headers the
/// service sends (documented with CloudWatch invocation metrics, and read by the AWS SDK samples).
/// </summary>
internal static class InvokeModelHeaders
{
    public const string JsonMediaType = "application/json";

    /// <summary>The stream's accept type; InvokeModel uses <c>Accept</c>.</summary>
    public const string StreamAccept = "X-Amzn-Bedrock-Accept";

    /// <summary>The media type of the stream's chunks.</summary>
    public const string StreamContentType = "X-Amzn-Bedrock-Content-Type";

    public const string Trace = "X-Amzn-Bedrock-Trace";
    public const string GuardrailIdentifier = "X-Amzn-Bedrock-GuardrailIdentifier";
    public const string GuardrailVersion = "X-Amzn-Bedrock-GuardrailVersion";
    public const string PerformanceLatency = "X-Amzn-Bedrock-PerformanceConfig-Latency";
    public const string ServiceTier = "X-Amzn-Bedrock-Service-Tier";
    public const string RequestMetadata = "X-Amzn-Bedrock-Request-Metadata";
    public const string InputTokenCount = "X-Amzn-Bedrock-Input-Token-Count";
    public const string OutputTokenCount = "X-Amzn-Bedrock-Output-Token-Count";
    public const string InvocationLatency = "X-Amzn-Bedrock-Invocation-Latency";

    /// <summary>The largest body the service model allows (<c>Body</c>: max 25,000,000 bytes).</summary>
    public const int MaxBodyLength = 25_000_000;

    /// <summary>The service model's limit on <c>X-Amzn-Bedrock-Request-Metadata</c>.</summary>
    public const int MaxRequestMetadataLength = 8_500;

    private const string BedrockHeaderPrefix = "X-Amzn-Bedrock-";

    /// <summary>The body's content type, the accept type and the optional Bedrock headers.</summary>
    public static void Apply(HttpRequestMessage message, InvokeModelOptions? options, bool stream)
    {
        message.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(options?.ContentType ?? JsonMediaType);
        string accept = options?.Accept ?? JsonMediaType;
        message.Headers.TryAddWithoutValidation(stream ? StreamAccept : "Accept", accept);
        if (options is null)
        {
            return;
        }

        Add(message, GuardrailIdentifier, options.GuardrailIdentifier);
        Add(message, GuardrailVersion, options.GuardrailVersion);
        Add(message, Trace, options.Trace switch
        {
            GuardrailTrace.Enabled => "ENABLED",
            GuardrailTrace.Disabled => "DISABLED",
            GuardrailTrace.EnabledFull => "ENABLED_FULL",
            _ => null,
        });
        Add(message, PerformanceLatency, options.Latency switch
        {
            LatencyMode.Standard => "standard",
            LatencyMode.Optimized => "optimized",
            _ => null,
        });
        Add(message, ServiceTier, options.ServiceTier switch
        {
            PromptGen.ServiceTier.Default => "default",
            PromptGen.ServiceTier.Priority => "priority",
            PromptGen.ServiceTier.Flex => "flex",
            PromptGen.ServiceTier.Reserved => "reserved",
            _ => null,
        });
        if (options.RequestMetadata is { Count: > 0 } metadata)
        {
            Add(message, RequestMetadata, MetadataJson(metadata));
        }
    }

    /// <summary>Checks what can be checked before sending: the body size, the media types and the metadata size.</summary>
    /// <exception cref="ArgumentException">One of them is out of range.</exception>
    public static void Validate(ReadOnlyMemory<byte> body, InvokeModelOptions? options)
    {
        if (body.Length > MaxBodyLength)
        {
            throw new ArgumentException($"An InvokeModel body is at most {MaxBodyLength:N0} bytes; this one has {body.Length:N0}.", nameof(body));
        }

        if (options is null)
        {
            return;
        }

        foreach ((string name, string? value) in new[] { (nameof(options.ContentType), options.ContentType), (nameof(options.Accept), options.Accept) })
        {
            if (value is not null && !MediaTypeHeaderValue.TryParse(value, out _))
            {
                throw new ArgumentException($"InvokeModelOptions.{name} '{value}' is not a media type.", nameof(options));
            }
        }

        if (options.RequestMetadata is { Count: > 0 } metadata && MetadataJson(metadata).Length > MaxRequestMetadataLength)
        {
            throw new ArgumentException(
                $"InvokeModelOptions.RequestMetadata is written as JSON of at most {MaxRequestMetadataLength:N0} characters (X-Amzn-Bedrock-Request-Metadata); this one is longer.",
                nameof(options));
        }
    }

    /// <summary>The Bedrock headers of a 2xx answer, and the typed values among them.</summary>
    public static InvokeModelResponse ReadResponse(HttpResponseMessage response, byte[] body, string? requestId)
    {
        Dictionary<string, string> bedrockHeaders = BedrockHeaders(response);
        return new InvokeModelResponse(body, response.Content.Headers.ContentType?.ToString())
        {
            RequestId = requestId,
            InputTokenCount = Int(bedrockHeaders, InputTokenCount),
            OutputTokenCount = Int(bedrockHeaders, OutputTokenCount),
            InvocationLatencyMs = Long(bedrockHeaders, InvocationLatency),
            PerformanceLatency = bedrockHeaders.GetValueOrDefault(PerformanceLatency),
            ServiceTier = bedrockHeaders.GetValueOrDefault(ServiceTier),
            BedrockHeaders = bedrockHeaders,
        };
    }

    /// <summary>Every <c>X-Amzn-Bedrock-*</c> response header, repeated values joined with a comma.</summary>
    public static Dictionary<string, string> BedrockHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            if (header.Key.StartsWith(BedrockHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        return headers;
    }

    private static void Add(HttpRequestMessage message, string name, string? value)
    {
        if (value is not null)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static string MetadataJson(IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> pair in metadata)
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int? Int(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static long? Long(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;
}
