using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace PromptGen.Tests.Telemetry;

/// <summary>
/// Collects PromptGen's spans and measurements with an <see cref="ActivityListener"/> and a
/// <see cref="MeterListener"/>, as an OpenTelemetry SDK would. Tests run in parallel, so each test reads only what
/// belongs to it (its own emulator port or test double).
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCollector()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PromptGenTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _activities.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PromptGenTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument, value, ToDictionary(tags))));
        _meterListener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument, value, ToDictionary(tags))));
        _meterListener.Start();
    }

    public IReadOnlyList<Activity> Activities(Func<Activity, bool> belongs) => _activities.Where(belongs).ToArray();

    public IReadOnlyList<Measurement> Measurements(string instrument, Func<Measurement, bool> belongs) =>
        _measurements.Where(m => m.Instrument.Name == instrument && belongs(m)).ToArray();

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}

internal sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out object? value) ? value : null;
}
