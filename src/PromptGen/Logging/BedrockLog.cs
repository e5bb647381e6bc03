using System;
using Microsoft.Extensions.Logging;

namespace PromptGen.Logging;

/// <summary>
/// PromptGen's call logs (category <c>PromptGen.Bedrock</c>), source-generated so a disabled level costs a check.
/// Prompt and answer text are logged only at Trace and only when sensitive data is enabled; nothing here receives
/// credentials: requests and answers are Converse bodies, which never hold them.
/// </summary>
internal static partial class BedrockLog
{
    [LoggerMessage(EventId = 1, EventName = "ConverseStarting", Level = LogLevel.Debug,
        Message = "Converse to {ModelId} starting for {PromptInterface}.{PromptMethod}")]
    public static partial void ConverseStarting(ILogger logger, string modelId, string? promptInterface, string? promptMethod);

    [LoggerMessage(EventId = 2, EventName = "ConverseCompleted", Level = LogLevel.Information,
        Message = "Converse to {ModelId} for {PromptInterface}.{PromptMethod} completed in {ElapsedMilliseconds} ms: {InputTokens} input tokens, {OutputTokens} output tokens, stop reason {StopReason}")]
    public static partial void ConverseCompleted(ILogger logger, string modelId, string? promptInterface, string? promptMethod, long elapsedMilliseconds, int? inputTokens, int? outputTokens, string? stopReason);

    [LoggerMessage(EventId = 3, EventName = "ConverseFailed", Level = LogLevel.Warning,
        Message = "Converse to {ModelId} for {PromptInterface}.{PromptMethod} failed after {ElapsedMilliseconds} ms: {ErrorType}")]
    public static partial void ConverseFailed(ILogger logger, string modelId, string? promptInterface, string? promptMethod, long elapsedMilliseconds, string errorType, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "ConverseCanceled", Level = LogLevel.Debug,
        Message = "Converse to {ModelId} for {PromptInterface}.{PromptMethod} was canceled after {ElapsedMilliseconds} ms")]
    public static partial void ConverseCanceled(ILogger logger, string modelId, string? promptInterface, string? promptMethod, long elapsedMilliseconds);

    [LoggerMessage(EventId = 5, EventName = "ConverseRequestContent", Level = LogLevel.Trace,
        Message = "Converse request to {ModelId}: {RequestJson}")]
    public static partial void ConverseRequestContent(ILogger logger, string modelId, string requestJson);

    [LoggerMessage(EventId = 6, EventName = "ConverseResponseContent", Level = LogLevel.Trace,
        Message = "Converse response from {ModelId}: {ResponseJson}")]
    public static partial void ConverseResponseContent(ILogger logger, string modelId, string responseJson);

    [LoggerMessage(EventId = 7, EventName = "InvokeStarting", Level = LogLevel.Debug,
        Message = "{Operation} to {ModelId} starting for {PromptInterface}.{PromptMethod}")]
    public static partial void InvokeStarting(ILogger logger, string operation, string modelId, string? promptInterface, string? promptMethod);

    [LoggerMessage(EventId = 8, EventName = "InvokeCompleted", Level = LogLevel.Information,
        Message = "{Operation} to {ModelId} for {PromptInterface}.{PromptMethod} completed in {ElapsedMilliseconds} ms: {InputTokens} input tokens, {OutputTokens} output tokens")]
    public static partial void InvokeCompleted(ILogger logger, string operation, string modelId, string? promptInterface, string? promptMethod, long elapsedMilliseconds, int? inputTokens, int? outputTokens);

    [LoggerMessage(EventId = 9, EventName = "InvokeFailed", Level = LogLevel.Warning,
        Message = "{Operation} to {ModelId} for {PromptInterface}.{PromptMethod} failed after {ElapsedMilliseconds} ms: {ErrorType}")]
    public static partial void InvokeFailed(ILogger logger, string operation, string modelId, string? promptInterface, string? promptMethod, long elapsedMilliseconds, string errorType, Exception exception);

    [LoggerMessage(EventId = 10, EventName = "InvokeCanceled", Level = LogLevel.Debug,
        Message = "{Operation} to {ModelId} for {PromptInterface}.{PromptMethod} was canceled after {ElapsedMilliseconds} ms")]
    public static partial void InvokeCanceled(ILogger logger, string operation, string modelId, string? promptInterface, string? promptMethod, long elapsedMilliseconds);

    [LoggerMessage(EventId = 11, EventName = "InvokeRequestContent", Level = LogLevel.Trace,
        Message = "{Operation} request body to {ModelId}: {RequestBody}")]
    public static partial void InvokeRequestContent(ILogger logger, string operation, string modelId, string requestBody);

    [LoggerMessage(EventId = 12, EventName = "InvokeResponseContent", Level = LogLevel.Trace,
        Message = "{Operation} response body from {ModelId}: {ResponseBody}")]
    public static partial void InvokeResponseContent(ILogger logger, string operation, string modelId, string responseBody);

    [LoggerMessage(EventId = 13, EventName = "CostEstimated", Level = LogLevel.Information,
        Message = "{Operation} to {ModelId} for {PromptInterface}.{PromptMethod}: estimated cost {EstimatedCostUsd} USD at the catalog's list prices")]
    public static partial void CostEstimated(ILogger logger, string operation, string modelId, string? promptInterface, string? promptMethod, decimal estimatedCostUsd);
}
