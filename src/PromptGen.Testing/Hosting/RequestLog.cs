using System.Collections.Generic;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// The recorded requests in arrival order; safe to read while requests are being served. Reading never waits: a
/// request's record is added before the last byte of its response is sent (<see cref="EmulatorRequestHandler"/>), so
/// a caller that has its answer already finds the request here.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<(long Sequence, RecordedRequest Request)> _entries = new();

    /// <summary>Stores a request under the sequence number it got on arrival, so slow answers do not reorder the log.</summary>
    public void Add(long arrivalSequence, RecordedRequest request)
    {
        lock (_gate)
        {
            int index = _entries.Count;
            while (index > 0 && _entries[index - 1].Sequence > arrivalSequence)
            {
                index--;
            }

            _entries.Insert(index, (arrivalSequence, request));
        }
    }

    /// <summary>The requests recorded so far.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
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
