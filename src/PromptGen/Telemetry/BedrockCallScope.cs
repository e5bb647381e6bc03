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
    private readonly PromptInvocation? _invocation;
    private readonly Activity? _activity;
    private readonly long _startTimestamp;
    private int? _inputTokens;
    private int? _outputTokens;
    private int? _cacheReadTokens;
    private int? _cacheWriteTokens;
    private string? _stopReason;
    private bool _finished;

    private BedrockCallScope(BedrockInstrumentation instrumentation, string modelId, ConverseRequest request)
    {
        _instrumentation = instrumentation;
        _modelId = modelId;
        _invocation = PromptInvocation.Current;
        _startTimestamp = instrumentation.TimeProvider.GetTimestamp();

        _activity = PromptGenTelemetry.ActivitySource.StartActivity($"{GenAiAttributes.ChatOperation} {modelId}", ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(GenAiAttributes.OperationName, GenAiAttributes.ChatOperation);
            _activity.SetTag(GenAiAttributes.ProviderName, GenAiAttributes.AwsBedrock);
            _activity.SetTag(GenAiAttributes.System, GenAiAttributes.AwsBedrock);
            _activity.SetTag(GenAiAttributes.RequestModel, modelId);
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

            SetServerTags(_activity, instrumentation.Endpoint);
            _activity.SetTag(GenAiAttributes.PromptInterface, _invocation?.InterfaceName);
            _activity.SetTag(GenAiAttributes.PromptMethod, _invocation?.MethodName);
        }

        BedrockLog.ConverseStarting(instrumentation.Logger, modelId, _invocation?.InterfaceName, _invocation?.MethodName);
        if (instrumentation.EnableSensitiveData && instrumentation.Logger.IsEnabled(LogLevel.Trace))
        {
            BedrockLog.ConverseRequestContent(instrumentation.Logger, modelId, JsonSerializer.Serialize(request, BedrockJsonContext.Default.ConverseRequest));
        }
    }

    public static BedrockCallScope Start(BedrockInstrumentation instrumentation, string modelId, ConverseRequest request) =>
        new(instrumentation, modelId, request);

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
        }

        BedrockLog.ConverseCompleted(_instrumentation.Logger, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, (long)elapsed.TotalMilliseconds, _inputTokens, _outputTokens, _stopReason);
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
        if (exception is OperationCanceledException)
        {
            BedrockLog.ConverseCanceled(_instrumentation.Logger, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, (long)elapsed.TotalMilliseconds);
        }
        else
        {
            BedrockLog.ConverseFailed(_instrumentation.Logger, _modelId, _invocation?.InterfaceName, _invocation?.MethodName, (long)elapsed.TotalMilliseconds, errorType, exception);
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
            { GenAiAttributes.OperationName, GenAiAttributes.ChatOperation },
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
