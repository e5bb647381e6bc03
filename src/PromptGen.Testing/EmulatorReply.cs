using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

/// <summary>What a script rule answers: an assistant text (JSON included), a tool-use request, or an error response.</summary>
public sealed partial class EmulatorReply
{
    private static readonly Regex ToolNamePattern = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private EmulatorReply(string? text, string stopReason, int? inputTokens, int? outputTokens, string? errorCode, int errorStatus, string? errorMessage)
    {
        Text = text;
        StopReason = stopReason;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        ErrorCode = errorCode;
        ErrorStatus = errorStatus;
        ErrorMessage = errorMessage;
    }

    /// <summary>The assistant text; null for tool-use and error replies.</summary>
    public string? Text { get; }

    /// <summary>True for a tool-use reply (<see cref="FromToolUse"/>).</summary>
    public bool IsToolUse { get; private init; }

    /// <summary>
    /// The tool a tool-use reply calls; null means the tool the request forces, else the first it offers.
    /// </summary>
    public string? ToolName { get; private init; }

    /// <summary>The JSON <c>input</c> of a tool-use reply.</summary>
    public string? ToolInputJson { get; private init; }

    /// <summary>The <c>stopReason</c> of a text reply.</summary>
    public string StopReason { get; }

    /// <summary>The reported input tokens; null derives them from the request's text length.</summary>
    public int? InputTokens { get; }

    /// <summary>The reported output tokens; null derives them from <see cref="Text"/>'s length.</summary>
    public int? OutputTokens { get; }

    /// <summary>The error code sent in <c>x-amzn-ErrorType</c>, e.g. <c>ThrottlingException</c>; null for a text reply.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status of an error reply.</summary>
    public int ErrorStatus { get; }

    /// <summary>The <c>message</c> of an error reply.</summary>
    public string? ErrorMessage { get; }

    /// <summary>True for an error reply.</summary>
    public bool IsError => ErrorCode is not null;

    /// <summary>A successful Converse answer holding one text block.</summary>
    public static EmulatorReply FromText(string text, string stopReason = StopReasons.EndTurn, int? inputTokens = null, int? outputTokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(stopReason);
        if (inputTokens < 0 || outputTokens < 0)
        {
            throw new ArgumentOutOfRangeException(inputTokens < 0 ? nameof(inputTokens) : nameof(outputTokens), "Token counts cannot be negative.");
        }

        return new EmulatorReply(text, stopReason, inputTokens, outputTokens, null, 0, null);
    }

    /// <summary>
    /// A text answer holding JSON, as a model under native structured output (or a JSON-prompted one) answers.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not valid JSON.</exception>
    public static EmulatorReply FromJson(string json, int? inputTokens = null, int? outputTokens = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        RequireJson(json, nameof(json));
        return FromText(json, StopReasons.EndTurn, inputTokens, outputTokens);
    }

    /// <summary>
    /// A tool-use answer: one <c>toolUse</c> block with <c>toolUseId</c> <c>tooluse_&lt;n&gt;</c> and stopReason
    /// <c>tool_use</c>.
    /// </summary>
    /// <param name="name">The tool to call; null calls the tool the request forces, else the first one it offers.</param>
    /// <param name="inputJson">The tool input, as JSON.</param>
    /// <param name="stopReason">The stop reason.</param>
    /// <param name="inputTokens">The reported input tokens; null derives them from the request.</param>
    /// <param name="outputTokens">The reported output tokens; null derives them from the input's length.</param>
    /// <exception cref="ArgumentException">The name breaks the tool-name pattern, or the input is not valid JSON.</exception>
    public static EmulatorReply FromToolUse(string? name, string inputJson, string stopReason = StopReasons.ToolUse, int? inputTokens = null, int? outputTokens = null)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        if (name is not null && !ToolNamePattern.IsMatch(name))
        {
            throw new ArgumentException($"The tool name '{name}' must match [a-zA-Z0-9_-]{{1,64}}.", nameof(name));
        }

        RequireJson(inputJson, nameof(inputJson));
        EmulatorReply text = FromText(string.Empty, stopReason, inputTokens, outputTokens);
        return new EmulatorReply(null, text.StopReason, text.InputTokens, text.OutputTokens, null, 0, null)
        {
            IsToolUse = true,
            ToolName = name,
            ToolInputJson = inputJson,
            ToolCalls = new[] { new EmulatorToolCall(name, inputJson) },
        };
    }

    /// <summary>An error response, sent as the wire spec §6 describes.</summary>
    /// <param name="code">The error code, e.g. <c>ThrottlingException</c>; no ':', ',' or whitespace, as it goes into a header.</param>
    /// <param name="status">An HTTP status from 400 to 599.</param>
    /// <param name="message">The body's <c>message</c>.</param>
    public static EmulatorReply FromError(string code, int status, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        if (code.Any(c => c is ':' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"The error code '{code}' cannot hold ':', ',' or whitespace: clients cut the header there.", nameof(code));
        }

        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An error reply needs an HTTP status from 400 to 599.");
        }

        return new EmulatorReply(null, StopReasons.EndTurn, null, null, code, status, message);
    }

    private static void RequireJson(string json, string parameter)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"Not valid JSON: {exception.Message}", parameter, exception);
        }
    }
}
