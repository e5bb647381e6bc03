using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace PromptGen.Tests.Reliability;

/// <summary>
/// A fake clock that reports every timer the code under test starts, so a test can wait for the back-off timer,
/// read how long it is, and move time past it, without real waiting.
/// </summary>
internal sealed class StepClock : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Record(dueTime);
        return new RecordingTimer(this, _fake.CreateTimer(callback, state, dueTime, period));
    }

    private void Record(TimeSpan dueTime)
    {
        // CancellationTokenSource starts its timer unarmed and arms it with Change.
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }
    }

    private sealed class RecordingTimer(StepClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Record(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>The due time of the next timer started, waiting (in real time, bounded) for it to be started.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Waits for the next timer and moves time to its due point; returns its due time.</summary>
    public async Task<TimeSpan> FireNextTimerAsync()
    {
        TimeSpan due = await NextTimerAsync();
        _fake.Advance(due);
        return due;
    }
}
