using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace PromptGen.Testing.Hosting;

/// <summary>The recorded requests in arrival order; safe to read while requests are being served.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new();
    private static readonly TimeSpan RecordWaitLimit = TimeSpan.FromSeconds(2);

    private readonly List<(long Sequence, RecordedRequest Request)> entries = new();

    // Responses sent (or being sent) whose request is not recorded yet.
    private int unrecordedResponses;

    /// <summary>A response has started: until its request is recorded, <see cref="Snapshot"/> waits for it.</summary>
    public void ResponseStarted()
    {
        lock (gate)
        {
            unrecordedResponses++;
        }
    }

    /// <summary>Stores a request under the sequence number it got on arrival, so slow answers do not reorder the log.</summary>
    public void Add(long arrivalSequence, RecordedRequest request, bool responseStarted = false)
    {
        lock (gate)
        {
            if (responseStarted)
            {
                unrecordedResponses--;
                Monitor.PulseAll(gate);
            }

            int index = entries.Count;
            while (index > 0 && entries[index - 1].Sequence > arrivalSequence)
            {
                index--;
            }

            entries.Insert(index, (arrivalSequence, request));
        }
    }

    /// <summary>
    /// The requests recorded, after waiting (briefly) for those whose response has already gone out: a caller that
    /// has just received an answer finds its request in the log.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            long started = Stopwatch.GetTimestamp();
            while (unrecordedResponses > 0)
            {
                TimeSpan left = RecordWaitLimit - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !Monitor.Wait(gate, left))
                {
                    break;
                }
            }

            var copy = new RecordedRequest[entries.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = entries[i].Request;
            }

            return copy;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
