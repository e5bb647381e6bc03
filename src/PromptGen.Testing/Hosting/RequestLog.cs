using System.Collections.Generic;

namespace PromptGen.Testing.Hosting;

/// <summary>The recorded requests in arrival order; safe to read while requests are being served.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<(long Sequence, RecordedRequest Request)> entries = new();

    /// <summary>Stores a request under the sequence number it got on arrival, so slow answers do not reorder the log.</summary>
    public void Add(long arrivalSequence, RecordedRequest request)
    {
        lock (gate)
        {
            int index = entries.Count;
            while (index > 0 && entries[index - 1].Sequence > arrivalSequence)
            {
                index--;
            }

            entries.Insert(index, (arrivalSequence, request));
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
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
