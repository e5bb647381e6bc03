using System;
using System.Text;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Telemetry;

/// <summary>What telemetry reads from InvokeModel bodies: the operation a model id implies, log text, stream token counts.</summary>
internal static class InvokeBodies
{
    /// <summary>The longest body text a content log carries; image bodies are megabytes of base64.</summary>
    public const int MaxLoggedCharacters = 16_384;

    private static ReadOnlySpan<byte> InvocationMetricsMember => "amazon-bedrock-invocationMetrics"u8;

    /// <summary>
    /// <c>gen_ai.operation.name</c> for a call: the caller's choice, else what the model id says (an embedding model,
    /// an image model, a raw-prompt model, else chat).
    /// </summary>
    public static string OperationName(string modelId, InvokeModelOperation? chosen) => (chosen ?? Guess(modelId)) switch
    {
        InvokeModelOperation.Embeddings => GenAiAttributes.EmbeddingsOperation,
        InvokeModelOperation.ImageGeneration => GenAiAttributes.GenerateContentOperation,
        InvokeModelOperation.TextCompletion => GenAiAttributes.TextCompletionOperation,
        _ => GenAiAttributes.ChatOperation,
    };

    /// <summary>A body as a log shows it: JSON or text as UTF-8 (cut at <see cref="MaxLoggedCharacters"/>), anything else by its size.</summary>
    public static string ForLog(ReadOnlySpan<byte> body, string? contentType)
    {
        bool isText = contentType is null
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);
        if (!isText)
        {
            return $"({body.Length:N0} bytes of {contentType})";
        }

        string text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxLoggedCharacters * 4)]);
        return text.Length <= MaxLoggedCharacters && body.Length <= MaxLoggedCharacters * 4
            ? text
            : string.Concat(text.AsSpan(0, Math.Min(text.Length, MaxLoggedCharacters)), $"… ({body.Length:N0} bytes in all)");
    }

    /// <summary>
    /// The token counts of the <c>amazon-bedrock-invocationMetrics</c> member Bedrock adds to the last chunk of a stream
    /// (<c>inputTokenCount</c>, <c>outputTokenCount</c>); false when the chunk has none or is not JSON.
    /// </summary>
    public static bool TryReadInvocationMetrics(ReadOnlySpan<byte> chunk, out int? inputTokens, out int? outputTokens)
    {
        inputTokens = null;
        outputTokens = null;
        if (chunk.IndexOf(InvocationMetricsMember) < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(chunk);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isMetrics = reader.ValueTextEquals(InvocationMetricsMember);
                reader.Read();
                if (!isMetrics || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isInput = reader.ValueTextEquals("inputTokenCount"u8);
                    bool isOutput = reader.ValueTextEquals("outputTokenCount"u8);
                    reader.Read();
                    if ((isInput || isOutput) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int count) && count >= 0)
                    {
                        if (isInput)
                        {
                            inputTokens = count;
                        }
                        else
                        {
                            outputTokens = count;
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return inputTokens is not null || outputTokens is not null;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Telemetry never fails a call; the chunk goes to the caller as it is. (InvalidOperationException: a member
            // name with invalid UTF-8 or a lone surrogate escape, which the reader accepts and cannot compare.)
        }

        return false;
    }

    private static InvokeModelOperation Guess(string modelId)
    {
        // An ARN ends in the model or profile id; a profile id starts with its geography ("us.", "global.").
        string id = modelId[(modelId.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (id.Contains("embed", StringComparison.Ordinal))
        {
            return InvokeModelOperation.Embeddings;
        }

        if (id.Contains("stability.", StringComparison.Ordinal) || id.Contains("image-generator", StringComparison.Ordinal)
            || id.Contains("nova-canvas", StringComparison.Ordinal))
        {
            return InvokeModelOperation.ImageGeneration;
        }

        return id.Contains("meta.llama", StringComparison.Ordinal) || id.Contains("mistral.", StringComparison.Ordinal)
            ? InvokeModelOperation.TextCompletion
            : InvokeModelOperation.Chat;
    }
}
