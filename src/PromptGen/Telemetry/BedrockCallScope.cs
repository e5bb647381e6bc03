using System;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Logging;

namespace PromptGen.Telemetry;

/// <summary>
/// One Bedrock call as logs, a span and metrics see it: opened before the call, then completed with the answer
/// (or its parts, for a stream), failed with an exception, or disposed unfinished (a stream abandoned early).
/// </summary>
internal sealed class BedrockCallScope : IDisposable
{
    private readonly BedrockInstrumentation _instrumentation;
    private readonly string _modelId;
    private readonly string _operationName;

    // Null for Converse calls; "InvokeModel" or "InvokeModelWithResponseStream" otherwise (the logs name it).
    private readonly string? _invokeApi;
    private readonly PromptInvocation? _invocation;
    private readonly Activity? _activity;
    private readonly long _startTimestamp;
    private int? _inputTokens;
    private int? _outputTokens;
    private int? _cacheReadTokens;
    private int? _cacheWriteTokens;
    private string? _stopReason;
    private decimal? _estimatedCost;
    private bool _finished;

    private BedrockCallScope(BedrockInstrumentation instrumentation, string modelId, ConverseRequest request)
        : this(instrumentation, modelId, GenAiAttributes.ChatOperation, invokeApi: null)
    {
        if (_activity is { IsAllDataRequested: true })
        {
            if (request.InferenceConfig is { } inference)
            {
                _activity.SetTag(GenAiAttributes.RequestMaxTokens, inference.MaxTokens);
                _activity.SetTag(GenAiAttributes.RequestTemperature, inference.Temperature is { } t ? (double?)t : null);
                _activity.SetTag(GenAiAttributes.RequestTopP, inference.TopP is { } p ? (double?)p : null);
                if (inference.StopSequences is { Count: > 0 } stops)
                {
                    _activity.SetTag(GenAiAttributes.RequestStopSequences, stops.ToArray());
                }
            }
        }

        BedrockLog.ConverseStarting(instrumentation.Logger, modelId, _invocation?.InterfaceName, _invocation?.MethodName);
        if (instrumentation.EnableSensitiveData && instrumentation.Logger.IsEnabled(LogLevel.Trace))
        {
            BedrockLog.ConverseRequestContent(instrumentation.Logger, modelId, JsonSerializer.Serialize(request, BedrockJsonContext.Default.ConverseRequest));
        }
    }

    private BedrockCallScope(BedrockInstrumentation instrumentation, string modelId, string invokeApi, string operationName, ReadOnlyMemory<byte> body, string? contentType)
        : this(instrumentation, modelId, operationName, invokeApi)
    {
        BedrockLog.InvokeStarting(instrumentation.Logger, invokeApi, modelId, _invocation?.InterfaceName, _invocation?.MethodName);
        if (instrumentation.EnableSensitiveData && instrumentation.Logger.IsEnabled(LogLevel.Trace))
        {
            BedrockLog.InvokeRequestContent(instrumentation.Logger, invokeApi, modelId, InvokeBodies.ForLog(body.Span, contentType));
        }
    }

    /// <summary>What every call shares: the span with its GenAI tags, the prompt, the start time.</summary>
    private BedrockCallScope(BedrockInstrumentation instrumentation, string modelId, string operationName, string? invokeApi)
    {
        _instrumentation = instrumentation;
        _modelId = modelId;
        _operationName = operationName;
        _invokeApi = invokeApi;
        _invocation = PromptInvocation.Current;
        _startTimestamp = instrumentation.TimeProvider.GetTimestamp();

        _activity = PromptGenTelemetry.ActivitySource.StartActivity($"{operationName} {modelId}", ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(GenAiAttributes.OperationName, operationName);
            _activity.SetTag(GenAiAttributes.ProviderName, GenAiAttributes.AwsBedrock);
            _activity.SetTag(GenAiAttributes.System, GenAiAttributes.AwsBedrock);
            _activity.SetTag(GenAiAttributes.RequestModel, modelId);
            SetServerTags(_activity, instrumentation.Endpoint);
            _activity.SetTag(GenAiAttributes.PromptInterface, _invocation?.InterfaceName);
            _activity.SetTag(GenAiAttributes.PromptMethod, _invocation?.MethodName);
            _activity.SetTag(FallbackTelemetry.Attribute, FallbackTelemetry.FallenBackFrom);
        }
    }

    public static BedrockCallScope Start(BedrockInstrumentation instrumentation, string modelId, ConverseRequest request) =>
        new(instrumentation, modelId, request);

    /// <summary>An InvokeModel call or stream (<paramref name="invokeApi"/> names which), with its GenAI operation name.</summary>
    public static BedrockCallScope StartInvoke(
        BedrockInstrumentation instrumentation, string modelId, string invokeApi, string operationName, ReadOnlyMemory<byte> body, string? contentType) =>
        new(instrumentation, modelId, invokeApi, operationName, body, contentType);

    /// <summary>A whole InvokeModel answer arrived: its token counts (from Bedrock's headers) and, with sensitive data on, its body.</summary>
    public void Complete(InvokeModelResponse response)
    {
        ObserveTokens(response.InputTokenCount, response.OutputTokenCount);
        _estimatedCost = response.EstimatedCostUsd;
        if (_instrumentation.EnableSensitiveData && _instrumentation.Logger.IsEnabled(LogLevel.Trace))
        {
            BedrockLog.InvokeResponseContent(_instrumentation.Logger, _invokeApi ?? "InvokeModel", _modelId, InvokeBodies.ForLog(response.Body.Span, response.ContentType));
        }

        Complete();
    }

    /// <summary>Token counts seen in an InvokeModel answer or stream; a null count keeps what was seen before.</summary>
    public void ObserveTokens(int? inputTokens, int? outputTokens)
    {
        _inputTokens = inputTokens ?? _inputTokens;
        _outputTokens = outputTokens ?? _outputTokens;
    }

    /// <summary>A whole answer arrived.</summary>
    public void Complete(ConverseResponse response)
    {
        Observe(response.Usage, response.StopReason);
        if (_instrumentation.EnableSensitiveData && _instrumentation.Logger.IsEnabled(LogLevel.Trace))
        {
            BedrockLog.ConverseResponseContent(_instrumentation.Logger, _modelId, JsonSerializer.Serialize(response, BedrockJsonContext.Default.ConverseResponse));
        }

        Complete();
    }

    /// <summary>Usage and stop reason seen in a stream; <see cref="Complete()"/> follows when it ends.</summary>
    public void Observe(TokenUsage? usage, StopReason? stopReason)
    {
        if (usage is not null)
        {
            _inputTokens = usage.InputTokens;
            _outputTokens = usage.OutputTokens;
            _cacheReadTokens = usage.CacheReadInputTokens;
            _cacheWriteTokens = usage.CacheWriteInputTokens;
            _estimatedCost = usage.EstimatedCostUsd;
        }

        _stopReason = stopReason?.Value ?? _stopReason;
    }

    /// <summary>The call (or stream) ended normally.</summary>
    public void Complete()
    {
        if (!TryFinish())
        {
            return;
        }

        TimeSpan elapsed = _instrumentation.TimeProvider.GetElapsedTime(_startTimestamp);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(GenAiAttributes.UsageInputTokens, _inputTokens);
            _activity.SetTag(GenAiAttributes.UsageOutputTokens, _outputTokens);
            if (_cacheReadTokens is { } cacheRead)
            {
                _activity.SetTag(GenAiAttributes.UsageCacheReadInputTokens, cacheRead);
            }

            if (_cacheWriteTokens is { } cacheWrite)
            {
                _activity.SetTag(GenAiAttributes.UsageCacheCreationInputTokens, cacheWrite);
            }
            if (_stopReason is not null)
            {
                _activity.SetTag(GenAiAttributes.ResponseFinishReasons, new[] { _stopReason });
            }

            if (_estimatedCost is { } cost)
            {
                _activity.SetTag(GenAiAttributes.UsageEstimatedCostUsd, (double)cost);
            }
        }

        if (_estimatedCost is { } estimated)
        {
            BedrockLog.CostEstimated(_instrumentation.Logger, _invokeApi ?? "Converse", _modelId, _invocation?.InterfaceName, _invocation?.MethodName, estimated);
        }

        if (_invokeApi is null)
        {
            BedrockLog.ConverseCompleted(_instrumentation.Logger, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, (long)elapsed.TotalMilliseconds, _inputTokens, _outputTokens, _stopReason);
        }
        else
        {
            BedrockLog.InvokeCompleted(_instrumentation.Logger, _invokeApi, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, (long)elapsed.TotalMilliseconds, _inputTokens, _outputTokens);
        }

        Record(elapsed, errorType: null);
    }

    /// <summary>The call failed; the exception goes on to the caller.</summary>
    public void Fail(Exception exception)
    {
        if (!TryFinish())
        {
            return;
        }

        TimeSpan elapsed = _instrumentation.TimeProvider.GetElapsedTime(_startTimestamp);
        string errorType = ErrorType(exception);
        _activity?.SetTag(GenAiAttributes.ErrorType, errorType);
        _activity?.SetStatus(ActivityStatusCode.Error, errorType);
        long elapsedMilliseconds = (long)elapsed.TotalMilliseconds;
        if (_invokeApi is not null)
        {
            if (exception is OperationCanceledException)
            {
                BedrockLog.InvokeCanceled(_instrumentation.Logger, _invokeApi, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, elapsedMilliseconds);
            }
            else
            {
                BedrockLog.InvokeFailed(_instrumentation.Logger, _invokeApi, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, elapsedMilliseconds, errorType, exception);
            }
        }
        else if (exception is OperationCanceledException)
        {
            BedrockLog.ConverseCanceled(_instrumentation.Logger, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, elapsedMilliseconds);
        }
        else
        {
            BedrockLog.ConverseFailed(_instrumentation.Logger, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, elapsedMilliseconds, errorType, exception);
        }

        Record(elapsed, errorType);
    }

    /// <summary>Ends the span; a stream the caller stopped reading before its end counts as canceled.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            Fail(new OperationCanceledException("The caller stopped reading the stream before it ended."));
        }

        _activity?.Dispose();
    }

    private bool TryFinish()
    {
        if (_finished)
        {
            return false;
        }

        _finished = true;
        return true;
    }

    private void Record(TimeSpan elapsed, string? errorType)
    {
        PromptGenMetrics metrics = _instrumentation.Metrics;
        var tags = new TagList
        {
            { GenAiAttributes.OperationName, _operationName },
            { GenAiAttributes.ProviderName, GenAiAttributes.AwsBedrock },
            { GenAiAttributes.RequestModel, _modelId },
        };
        if (_instrumentation.Endpoint is { } endpoint)
        {
            tags.Add(GenAiAttributes.ServerAddress, endpoint.Host);
            tags.Add(GenAiAttributes.ServerPort, endpoint.Port);
        }

        if (_invocation is not null)
        {
            tags.Add(GenAiAttributes.PromptInterface, _invocation.InterfaceName);
            tags.Add(GenAiAttributes.PromptMethod, _invocation.MethodName);
        }

        if (errorType is not null)
        {
            tags.Add(GenAiAttributes.ErrorType, errorType);
        }

        if (metrics.OperationDuration.Enabled)
        {
            metrics.OperationDuration.Record(elapsed.TotalSeconds, tags);
        }

        if (metrics.EstimatedCost.Enabled && errorType is null && _estimatedCost is { } cost)
        {
            metrics.EstimatedCost.Record((double)cost, tags);
        }

        if (metrics.TokenUsage.Enabled && errorType is null)
        {
            RecordTokens(metrics, tags, GenAiAttributes.InputTokenType, _inputTokens);
            RecordTokens(metrics, tags, GenAiAttributes.OutputTokenType, _outputTokens);
        }
    }

    private static void RecordTokens(PromptGenMetrics metrics, TagList tags, string tokenType, int? count)
    {
        if (count is { } value)
        {
            tags.Add(GenAiAttributes.TokenType, tokenType);
            metrics.TokenUsage.Record(value, tags);
        }
    }

    private static void SetServerTags(Activity activity, Uri? endpoint)
    {
        if (endpoint is not null)
        {
            activity.SetTag(GenAiAttributes.ServerAddress, endpoint.Host);
            activity.SetTag(GenAiAttributes.ServerPort, endpoint.Port);
        }
    }

    // Low-cardinality, as error.type asks: the service's error code, else the exception's type.
    private static string ErrorType(Exception exception) =>
        exception is BedrockServiceException service ? service.ErrorCode : exception.GetType().FullName ?? exception.GetType().Name;
}
