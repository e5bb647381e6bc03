using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;

namespace PromptGen.Testing.Tests.Invoke;

/// <summary>Sends signed InvokeModel calls to an emulator over real HTTP, and reads image headers.</summary>
internal static class Invoke
{
    public const string Titan = "amazon.titan-embed-text-v2:0";
    public const string CohereV3 = "cohere.embed-english-v3";
    public const string CohereV4 = "cohere.embed-v4:0";
    public const string NovaEmbeddings = "amazon.nova-2-multimodal-embeddings-v1:0";
    public const string NovaCanvas = "amazon.nova-canvas-v1:0";
    public const string TitanImage = "amazon.titan-image-generator-v2:0";
    public const string Sd35 = "stability.sd3-5-large-v1:0";
    public const string ImageCore = "stability.stable-image-core-v1:1";
    public const string ImageUltra = "stability.stable-image-ultra-v1:1";
    public const string Claude = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    public const string Llama = "meta.llama3-1-70b-instruct-v1:0";
    public const string Mistral = "mistral.mistral-7b-instruct-v0:2";

    /// <summary>An emulator that serves retired models too (Nova Canvas and Titan Image Generator are past their end of life).</summary>
    public static Task<BedrockEmulator> StartLenientAsync() =>
        BedrockEmulator.StartAsync(new BedrockEmulatorOptions { EnforceModelCapabilities = false });

    public static async Task<HttpResponseMessage> SendAsync(BedrockEmulator emulator, string modelId, string body, bool stream = false, string? contentType = "application/json")
    {
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, modelId, body, stream ? "invoke-with-response-stream" : "invoke", contentType);
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);
        return await Converse.Http.SendAsync(request);
    }

    /// <summary>The JSON answer of a call that must succeed.</summary>
    public static async Task<JsonElement> OkAsync(BedrockEmulator emulator, string modelId, string body)
    {
        using HttpResponseMessage response = await SendAsync(emulator, modelId, body);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Expected 200 from {modelId}, got {(int)response.StatusCode}: {text}");
        }

        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The decoded payloads of a stream's chunk events, as text.</summary>
    public static async Task<List<string>> ChunksAsync(HttpResponseMessage response)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        return FrameReader.ReadAll(body).Select(frame =>
        {
            Xunit.Assert.Equal("chunk", frame.EventType);
            using JsonDocument payload = JsonDocument.Parse(frame.Payload);
            return Encoding.UTF8.GetString(payload.RootElement.GetProperty("bytes").GetBytesFromBase64());
        }).ToList();
    }

    public static float[] Floats(JsonElement array) => array.EnumerateArray().Select(value => value.GetSingle()).ToArray();

    public static double Length(IEnumerable<float> vector) => Math.Sqrt(vector.Sum(value => (double)value * value));

    /// <summary>Format and size from the image's own header: PNG IHDR or JPEG SOF0.</summary>
    public static (string Format, int Width, int Height) Header(byte[] image)
    {
        if (image.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("png", BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20)));
        }

        if (image.Length > 4 && image[0] == 0xFF && image[1] == 0xD8)
        {
            int offset = 2;
            while (offset + 9 < image.Length && image[offset] == 0xFF)
            {
                byte marker = image[offset + 1];
                int length = BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 2));
                if (marker == 0xC0)
                {
                    return ("jpeg", BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 5)));
                }

                offset += 2 + length;
            }
        }

        throw new InvalidOperationException("Neither a PNG nor a baseline JPEG.");
    }
}
