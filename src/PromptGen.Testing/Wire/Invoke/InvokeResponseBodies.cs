using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>
/// The native response bodies the emulator answers InvokeModel with, one shape per family as its AWS page shows it
/// (sources at <see cref="InvokeBodyValidator"/>), and the stream chunks of the chat families.
/// </summary>
internal static class InvokeResponseBodies
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Embeddings(InvokeRequest request, int inputTokens) => request.Family switch
    {
        InvokeFamily.TitanTextEmbeddingsV2 => Write(writer =>
        {
            float[] vector = SyntheticEmbeddings.Create(request.EmbeddingInputs[0], request.Dimension, request.Normalize);
            WriteVector(writer, "embedding", vector);
            writer.WriteNumber("inputTextTokenCount", inputTokens);
            writer.WriteStartObject("embeddingsByType");
            foreach (string kind in request.EmbeddingTypes.Count == 0 ? new[] { "float" } : request.EmbeddingTypes.Distinct())
            {
                if (kind == "binary")
                {
                    writer.WriteStartArray("binary");
                    foreach (float value in vector)
                    {
                        writer.WriteNumberValue(value > 0 ? 1 : 0);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    WriteVector(writer, "float", vector);
                }
            }

            writer.WriteEndObject();
        }),
        InvokeFamily.CohereEmbedV3 or InvokeFamily.CohereEmbedV4 => Write(writer =>
        {
            float[][] vectors = request.EmbeddingInputs.Select(input => SyntheticEmbeddings.Create(input, request.Dimension, normalize: true)).ToArray();
            writer.WriteString("id", Id(request.Prompt ?? string.Empty));
            if (request.EmbeddingTypes.Count == 0)
            {
                writer.WriteStartArray("embeddings");
                foreach (float[] vector in vectors)
                {
                    WriteVector(writer, null, vector);
                }

                writer.WriteEndArray();
                writer.WriteString("response_type", "embeddings_floats");
            }
            else
            {
                writer.WriteStartObject("embeddings");
                foreach (string kind in request.EmbeddingTypes.Distinct())
                {
                    writer.WriteStartArray(kind);
                    foreach (float[] vector in vectors)
                    {
                        writer.WriteStartArray();
                        foreach (double value in SyntheticEmbeddings.AsKind(vector, kind))
                        {
                            if (kind == "float")
                            {
                                writer.WriteNumberValue((float)value);
                            }
                            else
                            {
                                writer.WriteNumberValue((int)value);
                            }
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteString("response_type", "embeddings_by_type");
            }

            writer.WriteStartArray("texts");
            foreach (string input in request.EmbeddingInputs.Where(input => !input.StartsWith("image:", StringComparison.Ordinal)))
            {
                writer.WriteStringValue(input);
            }

            writer.WriteEndArray();
        }),
        _ => Write(writer =>
        {
            string input = request.EmbeddingInputs[0];
            writer.WriteStartArray("embeddings");
            writer.WriteStartObject();
            int colon = input.IndexOf(':', StringComparison.Ordinal);
            string kind = colon > 0 && input[..colon] is "image" or "audio" or "video" ? input[..colon].ToUpperInvariant() : "TEXT";
            writer.WriteString("embeddingType", kind);
            WriteVector(writer, "embedding", SyntheticEmbeddings.Create(input, request.Dimension, normalize: true));
            writer.WriteEndObject();
            writer.WriteEndArray();
        }),
    };

    /// <summary>The images of an image request, as many as it asks for, each deterministic from prompt, seed and index.</summary>
    public static byte[] Images(InvokeRequest request)
    {
        var images = new List<byte[]>();
        for (int index = 0; index < request.ImageCount; index++)
        {
            string drawnFrom = request.SourceHash is null ? request.Prompt ?? string.Empty : (request.Prompt ?? string.Empty) + "\nsource:" + request.SourceHash;
            images.Add(SyntheticImages.Create(drawnFrom, request.Seed, index, request.Width, request.Height, request.ImageFormat));
        }

        return request.Family is InvokeFamily.NovaCanvas or InvokeFamily.TitanImageV2
            ? Write(writer =>
            {
                writer.WriteStartArray("images");
                foreach (byte[] image in images)
                {
                    writer.WriteBase64StringValue(image);
                }

                writer.WriteEndArray();
                writer.WriteNull("error");
            })
            : Write(writer =>
            {
                writer.WriteStartArray("seeds");
                writer.WriteNumberValue(request.Seed);
                writer.WriteEndArray();
                writer.WriteStartArray("finish_reasons");
                writer.WriteNullValue();
                writer.WriteEndArray();
                writer.WriteStartArray("images");
                foreach (byte[] image in images)
                {
                    writer.WriteBase64StringValue(image);
                }

                writer.WriteEndArray();
            });
    }

    /// <summary>Stability's answer when its filter holds the image back (AWS SD 3.5 page: only <c>finish_reasons</c>).</summary>
    public static byte[] StabilityFiltered(ContentFilterStage stage) => Write(writer =>
    {
        writer.WriteStartArray("finish_reasons");
        writer.WriteStringValue(stage == ContentFilterStage.Output ? "Filter reason: output image" : "Filter reason: prompt");
        writer.WriteEndArray();
    });

    /// <summary>A whole chat answer in the family's native shape.</summary>
    public static byte[] Chat(InvokeRequest request, string modelId, string text, string stopReason, int inputTokens, int outputTokens) => request.Family switch
    {
        InvokeFamily.ClaudeMessages => Write(writer =>
        {
            ClaudeMessageHead(writer, request, modelId, inputTokens, outputTokens, text, ClaudeStopReason(stopReason));
        }),
        InvokeFamily.Llama => Write(writer =>
        {
            writer.WriteString("generation", text);
            writer.WriteNumber("prompt_token_count", inputTokens);
            writer.WriteNumber("generation_token_count", outputTokens);
            writer.WriteString("stop_reason", CompletionStopReason(stopReason));
        }),
        _ => Write(writer =>
        {
            writer.WriteStartArray("outputs");
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteString("stop_reason", CompletionStopReason(stopReason));
            writer.WriteEndObject();
            writer.WriteEndArray();
        }),
    };

    /// <summary>
    /// The native stream chunks of a chat answer, in order; the last carries <c>amazon-bedrock-invocationMetrics</c>
    /// (built when it is due, so its latency covers the stream).
    /// </summary>
    public static (List<byte[]> Chunks, Func<long, byte[]> Last) ChatChunks(
        InvokeRequest request, string modelId, string text, string stopReason, int inputTokens, int outputTokens, int chunkSize)
    {
        var chunks = new List<byte[]>();
        List<string> pieces = StreamEventBodies.Chunks(text, chunkSize).ToList();
        switch (request.Family)
        {
            case InvokeFamily.ClaudeMessages:
                chunks.Add(Write(writer =>
                {
                    writer.WriteString("type", "message_start");
                    writer.WriteStartObject("message");
                    ClaudeMessageHead(writer, request, modelId, inputTokens, outputTokens: 1, text: null, stopReason: null);
                    writer.WriteEndObject();
                }));
                chunks.Add(Write(writer =>
                {
                    writer.WriteString("type", "content_block_start");
                    writer.WriteNumber("index", 0);
                    writer.WriteStartObject("content_block");
                    writer.WriteString("type", "text");
                    writer.WriteString("text", string.Empty);
                    writer.WriteEndObject();
                }));
                foreach (string piece in pieces)
                {
                    chunks.Add(Write(writer =>
                    {
                        writer.WriteString("type", "content_block_delta");
                        writer.WriteNumber("index", 0);
                        writer.WriteStartObject("delta");
                        writer.WriteString("type", "text_delta");
                        writer.WriteString("text", piece);
                        writer.WriteEndObject();
                    }));
                }

                chunks.Add(Write(writer =>
                {
                    writer.WriteString("type", "content_block_stop");
                    writer.WriteNumber("index", 0);
                }));
                chunks.Add(Write(writer =>
                {
                    writer.WriteString("type", "message_delta");
                    writer.WriteStartObject("delta");
                    writer.WriteString("stop_reason", ClaudeStopReason(stopReason));
                    writer.WriteNull("stop_sequence");
                    writer.WriteEndObject();
                    writer.WriteStartObject("usage");
                    writer.WriteNumber("output_tokens", outputTokens);
                    writer.WriteEndObject();
                }));
                return (chunks, latency => Write(writer =>
                {
                    writer.WriteString("type", "message_stop");
                    InvocationMetrics(writer, inputTokens, outputTokens, latency);
                }));

            case InvokeFamily.Llama:
                for (int i = 0; i < pieces.Count; i++)
                {
                    string piece = pieces[i];
                    int generated = i + 1;
                    bool first = i == 0;
                    chunks.Add(Write(writer =>
                    {
                        writer.WriteString("generation", piece);
                        if (first)
                        {
                            writer.WriteNumber("prompt_token_count", inputTokens);
                        }
                        else
                        {
                            writer.WriteNull("prompt_token_count");
                        }

                        writer.WriteNumber("generation_token_count", generated);
                        writer.WriteNull("stop_reason");
                    }));
                }

                return (chunks, latency => Write(writer =>
                {
                    writer.WriteString("generation", string.Empty);
                    writer.WriteNull("prompt_token_count");
                    writer.WriteNumber("generation_token_count", outputTokens);
                    writer.WriteString("stop_reason", CompletionStopReason(stopReason));
                    InvocationMetrics(writer, inputTokens, outputTokens, latency);
                }));

            default:
                foreach (string piece in pieces)
                {
                    chunks.Add(MistralChunk(piece, stopReason: null, metrics: null));
                }

                return (chunks, latency => MistralChunk(string.Empty, CompletionStopReason(stopReason), (inputTokens, outputTokens, latency)));
        }
    }

    private static byte[] MistralChunk(string text, string? stopReason, (int Input, int Output, long Latency)? metrics) => Write(writer =>
    {
        writer.WriteStartArray("outputs");
        writer.WriteStartObject();
        writer.WriteString("text", text);
        if (stopReason is null)
        {
            writer.WriteNull("stop_reason");
        }
        else
        {
            writer.WriteString("stop_reason", stopReason);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        if (metrics is { } m)
        {
            InvocationMetrics(writer, m.Input, m.Output, m.Latency);
        }
    });

    private static void ClaudeMessageHead(Utf8JsonWriter writer, InvokeRequest request, string modelId, int inputTokens, int outputTokens, string? text, string? stopReason)
    {
        writer.WriteString("id", "msg_bdrk_" + Id(request.Prompt ?? string.Empty)[..24]);
        writer.WriteString("type", "message");
        writer.WriteString("role", "assistant");
        writer.WriteString("model", modelId);
        writer.WriteStartArray("content");
        if (text is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "text");
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (stopReason is null)
        {
            writer.WriteNull("stop_reason");
        }
        else
        {
            writer.WriteString("stop_reason", stopReason);
        }

        writer.WriteNull("stop_sequence");
        writer.WriteStartObject("usage");
        writer.WriteNumber("input_tokens", inputTokens);
        writer.WriteNumber("output_tokens", outputTokens);
        writer.WriteEndObject();
    }

    // Bedrock adds this member to the last chunk of every InvokeModelWithResponseStream answer (AWS, "Monitor model
    // invocation", and the AWS SDK stream examples print it).
    private static void InvocationMetrics(Utf8JsonWriter writer, int inputTokens, int outputTokens, long latencyMs)
    {
        writer.WriteStartObject("amazon-bedrock-invocationMetrics");
        writer.WriteNumber("inputTokenCount", inputTokens);
        writer.WriteNumber("outputTokenCount", outputTokens);
        writer.WriteNumber("invocationLatency", latencyMs);
        writer.WriteNumber("firstByteLatency", Math.Min(latencyMs, 1));
        writer.WriteEndObject();
    }

    /// <summary>Claude's native stop reasons are Converse's (end_turn, max_tokens, stop_sequence, tool_use).</summary>
    private static string ClaudeStopReason(string stopReason) => stopReason;

    private static string CompletionStopReason(string stopReason) => stopReason == StopReasons.MaxTokens ? "length" : "stop";

    private static void WriteVector(Utf8JsonWriter writer, string? name, float[] vector)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (float value in vector)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Id(string seed) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed))).ToLowerInvariant();

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
