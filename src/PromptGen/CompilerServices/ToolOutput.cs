using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// What one tool call produced, as it goes back to the model in a <c>toolResult</c>.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolOutput
{
    private const int ListedErrorsLimit = 20;

    private ToolOutput(ToolResultContentBlock content, bool isError, IReadOnlyList<ResultError> inputErrors)
    {
        Content = content;
        IsError = isError;
        InputErrors = inputErrors;
    }

    /// <summary>The single content block of the tool result.</summary>
    public ToolResultContentBlock Content { get; }

    /// <summary>True when the result goes back with status <c>error</c>.</summary>
    public bool IsError { get; }

    /// <summary>What was wrong with the model's input, by JSON path; empty otherwise.</summary>
    public IReadOnlyList<ResultError> InputErrors { get; }

    /// <summary>A string result, sent as a text block.</summary>
    public static ToolOutput Text(string? text) =>
        new(ToolResultContentBlock.FromText(string.IsNullOrEmpty(text) ? "(empty)" : text), false, Array.Empty<ResultError>());

    /// <summary>A tool that returns nothing finished.</summary>
    public static ToolOutput Done() => new(ToolResultContentBlock.FromText("done"), false, Array.Empty<ResultError>());

    /// <summary>
    /// A result written as JSON by <paramref name="write"/> (generated, reflection-free). An object is sent as a json
    /// block; any other JSON value is wrapped as <c>{"value": …}</c>, since models read tool results as objects.
    /// </summary>
    public static ToolOutput Json(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            var wrapped = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(wrapped))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                root.WriteTo(writer);
                writer.WriteEndObject();
            }

            using JsonDocument wrapper = JsonDocument.Parse(wrapped.WrittenMemory);
            return new ToolOutput(new ToolResultContentBlock { Json = wrapper.RootElement.Clone() }, false, Array.Empty<ResultError>());
        }

        return new ToolOutput(new ToolResultContentBlock { Json = root.Clone() }, false, Array.Empty<ResultError>());
    }

    /// <summary>The model's input did not fit the tool's parameters: an error result listing what was wrong, by path.</summary>
    public static ToolOutput InvalidInput(IReadOnlyList<ResultError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = new StringBuilder("The input was not valid:");
        for (int i = 0; i < errors.Count && i < ListedErrorsLimit; i++)
        {
            text.Append("\n- ").Append(errors[i].ToString());
        }

        if (errors.Count > ListedErrorsLimit)
        {
            text.Append("\n- … and ").Append(errors.Count - ListedErrorsLimit).Append(" more");
        }

        text.Append("\nCall the tool again with corrected input.");
        return new ToolOutput(ToolResultContentBlock.FromText(text.ToString()), true, errors);
    }

    /// <summary>An error result with a message for the model.</summary>
    public static ToolOutput Error(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        return new ToolOutput(ToolResultContentBlock.FromText(message), true, Array.Empty<ResultError>());
    }
}
