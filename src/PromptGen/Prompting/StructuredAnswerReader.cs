using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>Turns one Converse response into the typed result, or into the errors to report or repair.</summary>
internal static class StructuredAnswerReader
{
    public static AnswerReading<T> Read<T>(ConverseResponse response, StructuredOutputSpec<T> spec)
    {
        List<ContentBlock> content = response.Output?.Message?.Content ?? new List<ContentBlock>();
        string text = JoinText(content);
        StopReason? stopReason = response.StopReason;

        if (stopReason == StopReason.GuardrailIntervened || stopReason == StopReason.ContentFiltered)
        {
            return AnswerReading<T>.Failed(text, new ResultError(JsonPaths.Root, ResultErrorKind.Refused,
                $"the answer was blocked (stopReason {stopReason})"));
        }

        bool truncated = stopReason == StopReason.MaxTokens;
        string rawOutput;
        byte[] json;
        if (spec.Strategy == StructuredOutputStrategy.ForcedTool)
        {
            ToolUseBlock? call = FindCall(content, spec.ResultName);
            if (call is null)
            {
                var kind = truncated ? ResultErrorKind.Truncated : ResultErrorKind.NoJson;
                return AnswerReading<T>.Failed(text, new ResultError(JsonPaths.Root, kind,
                    $"the model answered with text instead of calling the tool {spec.ResultName}: {JsonValueReaders.Quote(text.Trim())}"));
            }

            if (!TryReadToolInput(call.Input, truncated, out rawOutput, out json, out ResultError inputError))
            {
                return AnswerReading<T>.Failed(rawOutput, inputError);
            }
        }
        else
        {
            rawOutput = text;
            if (!ModelJson.TryNormalize(text, truncated, JsonRoot.Object, out json, out ResultError jsonError))
            {
                return AnswerReading<T>.Failed(text, jsonError);
            }
        }

        ParseOutcome<T> outcome = spec.Parse(json);
        if (outcome.IsSuccess)
        {
            // A complete, valid result counts even if the model was cut off afterwards (in trailing prose, say).
            return AnswerReading<T>.Succeeded(rawOutput, outcome.Value);
        }

        if (truncated)
        {
            ResultError first = outcome.Errors.Count > 0 ? outcome.Errors[0] : new ResultError(JsonPaths.Root, ResultErrorKind.Truncated, "incomplete");
            return AnswerReading<T>.Failed(rawOutput, new ResultError(JsonPaths.Root, ResultErrorKind.Truncated,
                $"the answer was cut off at the token limit and is incomplete ({first})"));
        }

        return AnswerReading<T>.Failed(rawOutput, outcome.Errors);
    }

    /// <summary>The text blocks of the answer, concatenated as Bedrock's own text output would be.</summary>
    internal static string JoinText(List<ContentBlock> content)
    {
        string? single = null;
        int textBlocks = 0;
        foreach (ContentBlock block in content)
        {
            if (block.Text is not null)
            {
                single = block.Text;
                textBlocks++;
            }
        }

        if (textBlocks <= 1)
        {
            return single ?? ""; // The usual answer: one text block, no copy.
        }

        var text = new StringBuilder();
        foreach (ContentBlock block in content)
        {
            text.Append(block.Text);
        }

        return text.ToString();
    }

    private static ToolUseBlock? FindCall(List<ContentBlock> content, string name)
    {
        foreach (ContentBlock block in content)
        {
            if (block.ToolUse is { } call && string.Equals(call.Name, name, StringComparison.Ordinal))
            {
                return call;
            }
        }

        return null;
    }

    /// <summary>
    /// The tool input is normally a JSON object. Some models send it as a string holding the JSON; that string is
    /// read the way a text answer is.
    /// </summary>
    private static bool TryReadToolInput(JsonElement input, bool truncated, out string rawOutput, out byte[] json, out ResultError error)
    {
        error = default;
        switch (input.ValueKind)
        {
            case JsonValueKind.Undefined:
                rawOutput = "";
                json = Array.Empty<byte>();
                error = new ResultError(JsonPaths.Root, truncated ? ResultErrorKind.Truncated : ResultErrorKind.NoJson, "the tool call had no input");
                return false;
            case JsonValueKind.String:
                rawOutput = StringWithoutLoneSurrogates(input);
                return ModelJson.TryNormalize(rawOutput, truncated, JsonRoot.Object, out json, out error);
            default:
                rawOutput = input.GetRawText();
                try
                {
                    var buffer = new ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        input.WriteTo(writer);
                    }

                    json = buffer.WrittenSpan.ToArray();
                    return true;
                }
                catch (InvalidOperationException)
                {
                    // A lone surrogate escape (\uD800) is valid JSON that System.Text.Json cannot write again; the
                    // lenient parser turns it into U+FFFD, as it does in text answers. Found by fuzzing.
                    return LenientRewrite(rawOutput, truncated, out json, out error);
                }
        }
    }

    private static string StringWithoutLoneSurrogates(JsonElement input)
    {
        try
        {
            return input.GetString()!;
        }
        catch (InvalidOperationException)
        {
            string raw = input.GetRawText();
            if (LenientJsonParser.TryParse(raw, 0, raw.Length, out byte[] json, out _))
            {
                var reader = new Utf8JsonReader(json);
                reader.Read();
                return reader.GetString() ?? "";
            }

            return "";
        }
    }

    private static bool LenientRewrite(string rawOutput, bool truncated, out byte[] json, out ResultError error)
    {
        error = default;
        if (LenientJsonParser.TryParse(rawOutput, 0, rawOutput.Length, out json, out LenientJsonFailure failure))
        {
            return true;
        }

        error = new ResultError(JsonPaths.Root, truncated ? ResultErrorKind.Truncated : failure.Kind, failure.Message);
        return false;
    }
}

/// <summary>The result of reading one answer: a value, or errors.</summary>
internal sealed class AnswerReading<T>
{
    private AnswerReading(string rawOutput, bool isSuccess, T value, IReadOnlyList<ResultError> errors)
    {
        Text = rawOutput;
        IsSuccess = isSuccess;
        Value = value;
        Errors = errors;
    }

    public string Text { get; }

    public bool IsSuccess { get; }

    public T Value { get; }

    public IReadOnlyList<ResultError> Errors { get; }

    /// <summary>
    /// Whether asking again can help. Not for a refusal (the same content is blocked again) nor for truncation (the
    /// same token limit cuts the answer again; each try would only add cost).
    /// </summary>
    public bool IsRepairable
    {
        get
        {
            foreach (ResultError error in Errors)
            {
                if (error.Kind is ResultErrorKind.Truncated or ResultErrorKind.Refused)
                {
                    return false;
                }
            }

            return !IsSuccess;
        }
    }

    public static AnswerReading<T> Succeeded(string rawOutput, T value) => new(rawOutput, true, value, Array.Empty<ResultError>());

    public static AnswerReading<T> Failed(string rawOutput, ResultError error) => new(rawOutput, false, default!, new[] { error });

    public static AnswerReading<T> Failed(string rawOutput, IReadOnlyList<ResultError> errors) => new(rawOutput, false, default!, errors);
}
