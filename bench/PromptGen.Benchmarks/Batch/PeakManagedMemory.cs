using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace PromptGen.Benchmarks.Batch;

/// <summary>
/// How much managed memory the process held while a benchmark ran (BenchmarkDotNet's memory diagnoser counts bytes
/// allocated, not bytes held at once), sampled every 5 ms, as two peaks:
/// <list type="bullet">
/// <item><b>heap</b>: <see cref="GC.GetTotalMemory(bool)"/>, live objects plus garbage not yet collected, so it rises
/// with how long the run lets large-object garbage (upload parts) wait for a gen-2 collection;</item>
/// <item><b>live</b>: the heap after each gen-2 collection (<see cref="GCMemoryInfo.HeapSizeBytes"/> minus
/// fragmentation), what the run really kept reachable.</item>
/// </list>
/// The peaks of every iteration of a case are kept in a file, since the summary's columns are computed in
/// BenchmarkDotNet's host process.
/// </summary>
internal sealed class PeakManagedMemory : IDisposable
{
    private readonly Timer _timer;
    private readonly string _file;
    private long _heap;
    private long _live;
    private long _lastGcIndex;

    private PeakManagedMemory(string file)
    {
        _file = file;
        _heap = GC.GetTotalMemory(forceFullCollection: true);
        _lastGcIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
    }

    /// <summary>Starts sampling for the case named <paramref name="caseName"/>.</summary>
    public static PeakManagedMemory Start(string caseName) => new(FileOf(caseName));

    /// <summary>Forgets the peaks of earlier runs of the case.</summary>
    public static void Reset(string caseName) => File.Delete(FileOf(caseName));

    /// <summary>The highest peaks recorded for the case, in bytes; null when it never ran.</summary>
    public static (long Heap, long Live)? Read(string caseName)
    {
        string file = FileOf(caseName);
        if (!File.Exists(file))
        {
            return null;
        }

        string[] parts = File.ReadAllText(file).Split(' ');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long heap)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long live)
                ? (heap, live)
                : null;
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
        (long heap, long live) = Read(Path.GetFileNameWithoutExtension(_file)) ?? (0, 0);
        heap = Math.Max(heap, Interlocked.Read(ref _heap));
        live = Math.Max(live, Interlocked.Read(ref _live));
        File.WriteAllText(_file, string.Create(CultureInfo.InvariantCulture, $"{heap} {live}"));
    }

    private void Sample()
    {
        Raise(ref _heap, GC.GetTotalMemory(forceFullCollection: false));
        GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
        if (info.Index != Interlocked.Exchange(ref _lastGcIndex, info.Index) && info.Generation == 2)
        {
            Raise(ref _live, info.HeapSizeBytes - info.FragmentedBytes);
        }
    }

    private static void Raise(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }

    private static string FileOf(string caseName)
    {
        string folder = Path.Combine(Path.GetTempPath(), "promptgen-bench");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, caseName + ".peak");
    }
}
