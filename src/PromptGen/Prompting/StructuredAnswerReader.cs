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

        // Only running out of tokens cuts an answer off; one the model ended by itself in the middle of the JSON is
        // malformed, and asking again can fix it.
        bool outOfTokens = stopReason == StopReason.MaxTokens || stopReason == StopReason.ModelContextWindowExceeded;
        string rawOutput;
        ParseOutcome<T> outcome;
        if (spec.Strategy == StructuredOutputStrategy.ForcedTool)
        {
            ToolUseBlock? call = FindCall(content, spec.ResultName);
            if (call is null)
            {
                var kind = outOfTokens ? ResultErrorKind.Truncated : ResultErrorKind.NoJson;
                return AnswerReading<T>.Failed(text, new ResultError(JsonPaths.Root, kind,
                    $"the model answered with text instead of calling the tool {spec.ResultName}: {JsonValueReaders.Quote(text.Trim())}"));
            }

            if (!TryReadToolInput(call.Input, spec.Reader, outOfTokens, out rawOutput, out outcome))
            {
                return AnswerReading<T>.Failed(rawOutput, outcome.Errors);
            }
        }
        else
        {
            rawOutput = text;
            outcome = spec.Reader.ReadText(text, outOfTokens);
        }

        if (outcome.IsSuccess)
        {
            // A complete, valid result counts even if the model was cut off afterwards (in trailing prose, say).
            return AnswerReading<T>.Succeeded(rawOutput, outcome.Value);
        }

        if (outOfTokens && !(outcome.Errors.Count == 1 && outcome.Errors[0].Kind == ResultErrorKind.Truncated))
        {
            return AnswerReading<T>.Failed(rawOutput, new ResultError(JsonPaths.Root, ResultErrorKind.Truncated,
                $"the answer was cut off at the token limit and is incomplete ({outcome.Errors[0]})"));
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
    /// The tool input is normally a JSON object (the wrapper, for a result that is not an object). Some models send it
    /// as a string holding the JSON; that string is read the way a text answer is. False when there is no input.
    /// </summary>
    private static bool TryReadToolInput<T>(JsonElement input, ResultReader<T> reader, bool outOfTokens, out string rawOutput, out ParseOutcome<T> outcome)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Undefined:
                rawOutput = "";
                outcome = ParseOutcome<T>.Failure(new[]
                {
                    new ResultError(JsonPaths.Root, outOfTokens ? ResultErrorKind.Truncated : ResultErrorKind.NoJson, "the tool call had no input"),
                });
                return false;
            case JsonValueKind.String:
                rawOutput = StringWithoutLoneSurrogates(input);
                outcome = reader.ReadText(rawOutput, outOfTokens);
                return true;
            default:
                rawOutput = input.GetRawText();
                byte[] json;
                try
                {
                    var buffer = new ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        input.WriteTo(writer);
                    }

                    json = buffer.WrittenSpan.ToArray();
                }
                catch (InvalidOperationException)
                {
                    // A lone surrogate escape (\uD800) is valid JSON that System.Text.Json cannot write again; the
                    // lenient parser turns it into U+FFFD, as it does in text answers. Found by fuzzing.
                    outcome = reader.ReadText(rawOutput, outOfTokens);
                    return true;
                }

                outcome = reader.ReadJson(json);
                return true;
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
