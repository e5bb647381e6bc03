using System.Diagnostics.Metrics;

namespace PromptGen.Telemetry;

/// <summary>
/// The GenAI client instruments. From the application's <see cref="IMeterFactory"/> when there is one (so each
/// service provider has its own meter, as the .NET metrics guidance asks of libraries), else one shared meter.
/// </summary>
internal sealed class PromptGenMetrics
{
    // The bucket boundaries the semantic conventions advise for each histogram.
    private static readonly double[] DurationBuckets = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92 };
    private static readonly int[] TokenBuckets = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864 };

    private static PromptGenMetrics? _shared;

    private PromptGenMetrics(Meter meter)
    {
        OperationDuration = meter.CreateHistogram(
            GenAiAttributes.OperationDurationInstrument,
            unit: "s",
            description: "GenAI operation duration.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        TokenUsage = meter.CreateHistogram(
            GenAiAttributes.TokenUsageInstrument,
            unit: "{token}",
            description: "Number of input and output tokens used.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = TokenBuckets });
        EstimatedCost = meter.CreateHistogram<double>(
            GenAiAttributes.EstimatedCostInstrument,
            unit: "USD",
            description: "Estimated cost of a call at the model catalog's list prices; recorded only for calls the catalog prices.");
    }

    public Histogram<double> OperationDuration { get; }

    public Histogram<double> EstimatedCost { get; }

    public Histogram<int> TokenUsage { get; }

    public static PromptGenMetrics Create(IMeterFactory? meterFactory) =>
        meterFactory is null
            ? _shared ??= new PromptGenMetrics(new Meter(PromptGenTelemetry.MeterName))
            : new PromptGenMetrics(meterFactory.Create(new MeterOptions(PromptGenTelemetry.MeterName)));
}
