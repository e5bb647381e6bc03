using System;
using Microsoft.Extensions.Logging;

namespace PromptGen.Telemetry;

/// <summary>What every call of one instrumented runtime shares: logger, metrics, clock, endpoint, and the sensitive-data switch.</summary>
internal sealed class BedrockInstrumentation
{
    public BedrockInstrumentation(ILogger logger, PromptGenMetrics metrics, TimeProvider timeProvider, Uri? endpoint, bool enableSensitiveData)
    {
        Logger = logger;
        Metrics = metrics;
        TimeProvider = timeProvider;
        Endpoint = endpoint;
        EnableSensitiveData = enableSensitiveData;
    }

    public ILogger Logger { get; }

    public PromptGenMetrics Metrics { get; }

    public TimeProvider TimeProvider { get; }

    public Uri? Endpoint { get; }

    public bool EnableSensitiveData { get; }
}
