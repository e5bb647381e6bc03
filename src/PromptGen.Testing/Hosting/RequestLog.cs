using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace PromptGen.Testing.Hosting;

/// <summary>The recorded requests in arrival order; safe to read while requests are being served.</summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private static readonly TimeSpan RecordWaitLimit = TimeSpan.FromSeconds(2);

    private readonly List<(long Sequence, RecordedRequest Request)> _entries = new();

    // Responses sent (or being sent) whose request is not recorded yet.
    private int _unrecordedResponses;

    /// <summary>A response has started: until its request is recorded, <see cref="Snapshot"/> waits for it.</summary>
    public void ResponseStarted()
    {
        lock (_gate)
        {
            _unrecordedResponses++;
        }
    }

    /// <summary>Stores a request under the sequence number it got on arrival, so slow answers do not reorder the log.</summary>
    public void Add(long arrivalSequence, RecordedRequest request, bool responseStarted = false)
    {
        lock (_gate)
        {
            if (responseStarted)
            {
                _unrecordedResponses--;
                Monitor.PulseAll(_gate);
            }

            int index = _entries.Count;
            while (index > 0 && _entries[index - 1].Sequence > arrivalSequence)
            {
                index--;
            }

            _entries.Insert(index, (arrivalSequence, request));
        }
    }

    /// <summary>
    /// The requests recorded, after waiting (briefly) for those whose response has already gone out: a caller that
    /// has just received an answer finds its request in the log.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            long started = Stopwatch.GetTimestamp();
            while (_unrecordedResponses > 0)
            {
                TimeSpan left = RecordWaitLimit - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    break;
                }
            }

            var copy = new RecordedRequest[_entries.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = _entries[i].Request;
            }

            return copy;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
