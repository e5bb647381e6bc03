using System.Diagnostics;

namespace PromptGen;

/// <summary>
/// The names to subscribe to PromptGen's traces and metrics, e.g. with OpenTelemetry
/// <c>.WithTracing(t =&gt; t.AddSource(PromptGenTelemetry.ActivitySourceName))</c> and
/// <c>.WithMetrics(m =&gt; m.AddMeter(PromptGenTelemetry.MeterName))</c>. Spans and instruments follow the
/// OpenTelemetry semantic conventions for generative AI client calls.
/// </summary>
public static class PromptGenTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name: <c>PromptGen</c>.</summary>
    public const string ActivitySourceName = "PromptGen";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>PromptGen</c>.</summary>
    public const string MeterName = "PromptGen";

    /// <summary>The logger category of call logs: <c>PromptGen.Bedrock</c>.</summary>
    public const string LoggerCategory = "PromptGen.Bedrock";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(PromptGenTelemetry).Assembly.GetName().Version?.ToString());
}
