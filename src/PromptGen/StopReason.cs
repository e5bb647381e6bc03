using System;
using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

namespace PromptGen;

/// <summary>
/// Why a model stopped writing (Converse <c>stopReason</c>). Bedrock adds reasons over time, so this is an open set:
/// the documented reasons are static properties, and any other value Bedrock sends is kept as it came.
/// </summary>
/// <remarks>Two reasons are equal when their values are, ignoring case.</remarks>
[JsonConverter(typeof(StopReasonJsonConverter))]
public readonly struct StopReason : IEquatable<StopReason>
{
    private readonly string? _value;

    /// <summary>A stop reason with the given wire value, e.g. <c>end_turn</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public StopReason(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A stop reason needs a value.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The model finished its answer.</summary>
    public static StopReason EndTurn { get; } = new("end_turn");

    /// <summary>The model asked for one or more tool calls.</summary>
    public static StopReason ToolUse { get; } = new("tool_use");

    /// <summary>The answer reached the request's maximum number of tokens and was cut off.</summary>
    public static StopReason MaxTokens { get; } = new("max_tokens");

    /// <summary>The model wrote one of the request's stop sequences.</summary>
    public static StopReason StopSequence { get; } = new("stop_sequence");

    /// <summary>A guardrail blocked the prompt or the answer; the text is the guardrail's message.</summary>
    public static StopReason GuardrailIntervened { get; } = new("guardrail_intervened");

    /// <summary>The model's own content filter stopped the answer.</summary>
    public static StopReason ContentFiltered { get; } = new("content_filtered");

    /// <summary>The model wrote output Bedrock could not read.</summary>
    public static StopReason MalformedModelOutput { get; } = new("malformed_model_output");

    /// <summary>The model wrote a tool call Bedrock could not read.</summary>
    public static StopReason MalformedToolUse { get; } = new("malformed_tool_use");

    /// <summary>The conversation no longer fits the model's context window.</summary>
    public static StopReason ModelContextWindowExceeded { get; } = new("model_context_window_exceeded");

    /// <summary>The value as Bedrock sends it, e.g. <c>end_turn</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether both reasons have the same value, ignoring case.</summary>
    public static bool operator ==(StopReason left, StopReason right) => left.Equals(right);

    /// <summary>Whether the reasons have different values, ignoring case.</summary>
    public static bool operator !=(StopReason left, StopReason right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(StopReason other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StopReason other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The value as Bedrock sends it.</summary>
    public override string ToString() => Value;
}
