using System;
using System.Collections.Generic;
using System.Text.Json;
using PromptGen.Descriptors;

namespace PromptGen.Playground;

/// <summary>The bodies of the playground's API, written member by member (no reflection, so trimming keeps working).</summary>
internal static class PlaygroundJson
{
    public static void WriteDescriptor(Utf8JsonWriter writer, string id, PromptDescriptor descriptor)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("interface", descriptor.InterfaceName);
        writer.WriteString("method", descriptor.MethodName);
        writer.WriteStartArray("parameters");
        foreach (PromptParameterDescriptor parameter in descriptor.Parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("name", parameter.Name);
            writer.WriteString("type", parameter.TypeName);
            writer.WriteBoolean("required", parameter.IsRequired);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("argumentsSchema");
        writer.WriteRawValue(descriptor.ArgumentsSchemaJson);
        WriteNullableString(writer, "systemTemplate", descriptor.SystemTemplate);
        writer.WriteString("userTemplate", descriptor.UserTemplate);
        writer.WriteString("model", descriptor.ModelId);
        WriteStrings(writer, "fallbackModels", descriptor.FallbackModelIds);
        writer.WriteStartObject("inference");
        WriteNullableNumber(writer, "maxTokens", descriptor.Inference.MaxTokens);
        WriteNullableNumber(writer, "temperature", descriptor.Inference.Temperature);
        WriteNullableNumber(writer, "topP", descriptor.Inference.TopP);
        WriteStrings(writer, "stopSequences", descriptor.Inference.StopSequences);
        writer.WriteEndObject();
        WriteNullableString(writer, "strategy", descriptor.Strategy?.ToString());
        writer.WriteString("resultType", descriptor.ResultTypeName);
        writer.WritePropertyName("resultSchema");
        if (descriptor.ResultSchemaJson is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(descriptor.ResultSchemaJson);
        }

        writer.WriteBoolean("streams", descriptor.Streams);
        writer.WriteBoolean("streamsPartials", descriptor.StreamsPartialResults);
        writer.WriteString("operation", descriptor.Operation);
        writer.WriteEndObject();
    }

    public static void WritePreview(Utf8JsonWriter writer, PromptPreview preview)
    {
        writer.WriteStartObject();
        WriteNullableString(writer, "systemPrompt", preview.SystemPrompt);
        writer.WriteString("userPrompt", preview.UserPrompt);
        writer.WriteString("model", preview.ModelId);
        writer.WritePropertyName("requestBody");
        writer.WriteRawValue(preview.RequestBodyJson);
        writer.WriteEndObject();
    }

    public static void WriteRun(Utf8JsonWriter writer, PromptRunResult result, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("result");
        writer.WriteRawValue(result.ResultJson);
        writer.WriteString("rawText", result.RawText);
        writer.WriteString("model", result.ModelId);
        WriteNullableString(writer, "stopReason", result.StopReason?.ToString());
        WriteAttempts(writer, result.Attempts);
        WriteUsage(writer, result.Usage);
        writer.WriteNumber("latencyMs", Math.Round((result.Latency > TimeSpan.Zero ? result.Latency : elapsed).TotalMilliseconds));
        writer.WriteEndObject();
    }

    public static void WriteDelta(Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    /// <summary>One partial value of a streamed typed result, with the attempt it belongs to (a repair starts again).</summary>
    public static void WritePartial(Utf8JsonWriter writer, PromptPartial partial)
    {
        writer.WriteStartObject();
        writer.WriteNumber("attempt", partial.Attempt);
        writer.WritePropertyName("value");
        writer.WriteRawValue(partial.Json);
        writer.WriteEndObject();
    }

    public static void WriteStreamEnd(Utf8JsonWriter writer, PromptStream stream, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("text", stream.Text);
        writer.WriteString("model", stream.ModelId);
        WriteNullableString(writer, "stopReason", stream.StopReason?.ToString());
        WriteUsage(writer, stream.Usage);
        writer.WriteNumber("latencyMs", Math.Round(elapsed.TotalMilliseconds));
        writer.WriteEndObject();
    }

    public static void WriteInputError(Utf8JsonWriter writer, Exception error)
    {
        writer.WriteStartObject();
        writer.WriteString("error", error.Message);
        writer.WriteStartArray("errors");
        if (error is PromptArgumentsException arguments)
        {
            foreach (ResultError found in arguments.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("path", found.Path);
                writer.WriteString("message", found.Message);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteFailure(Utf8JsonWriter writer, Exception error, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteString("error", error.Message);
        writer.WriteString("errorType", error.GetType().Name);
        IReadOnlyList<PromptAttempt>? attempts = error switch
        {
            PromptResultException result => result.Attempts,
            ModelFallbackException fallback => fallback.Attempts,
            _ => null,
        };
        if (attempts is not null)
        {
            WriteAttempts(writer, attempts);
        }

        writer.WriteNumber("latencyMs", Math.Round(elapsed.TotalMilliseconds));
        writer.WriteEndObject();
    }

    public static void WriteMessage(Utf8JsonWriter writer, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteEndObject();
    }

    private static void WriteAttempts(Utf8JsonWriter writer, IReadOnlyList<PromptAttempt> attempts)
    {
        writer.WriteStartArray("attempts");
        foreach (PromptAttempt attempt in attempts)
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", attempt.Number);
            writer.WriteString("model", attempt.ModelId);
            writer.WriteString("text", attempt.Text);
            WriteNullableString(writer, "stopReason", attempt.StopReason?.ToString());
            WriteNullableString(writer, "failure", attempt.Failure?.Message);
            writer.WriteStartArray("errors");
            foreach (ResultError found in attempt.Errors)
            {
                writer.WriteStringValue(found.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteUsage(Utf8JsonWriter writer, TokenUsage usage)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("inputTokens", usage.InputTokens);
        writer.WriteNumber("outputTokens", usage.OutputTokens);
        writer.WriteNumber("totalTokens", usage.TotalTokens);
        // Null when a model called has no known price: the page says "unknown" rather than a wrong total.
        if (usage.EstimatedCostUsd is { } cost)
        {
            writer.WriteNumber("estimatedCostUsd", cost);
        }
        else
        {
            writer.WriteNull("estimatedCostUsd");
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
