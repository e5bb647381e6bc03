using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace PromptGen.Benchmarks.Batch;

/// <summary>
/// The most managed memory the process held while a benchmark ran: <see cref="GC.GetTotalMemory(bool)"/> sampled
/// every 5 ms (BenchmarkDotNet's memory diagnoser counts bytes allocated, not bytes held at once). The peak of every
/// iteration of a case is kept in a file, since the summary's columns are computed in BenchmarkDotNet's host process.
/// </summary>
internal sealed class PeakManagedMemory : IDisposable
{
    private readonly Timer _timer;
    private readonly string _file;
    private long _peak;

    private PeakManagedMemory(string file)
    {
        _file = file;
        _peak = GC.GetTotalMemory(forceFullCollection: true);
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
    }

    /// <summary>Starts sampling for the case named <paramref name="caseName"/>.</summary>
    public static PeakManagedMemory Start(string caseName) => new(FileOf(caseName));

    /// <summary>Forgets the peaks of earlier runs of the case.</summary>
    public static void Reset(string caseName) => File.Delete(FileOf(caseName));

    /// <summary>The highest peak recorded for the case, in bytes; null when it never ran.</summary>
    public static long? Read(string caseName) =>
        File.Exists(FileOf(caseName)) && long.TryParse(File.ReadAllText(FileOf(caseName)), NumberStyles.None, CultureInfo.InvariantCulture, out long bytes)
            ? bytes
            : null;

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
        long peak = Math.Max(Interlocked.Read(ref _peak), Read(Path.GetFileNameWithoutExtension(_file)) ?? 0);
        File.WriteAllText(_file, peak.ToString(CultureInfo.InvariantCulture));
    }

    private void Sample()
    {
        long now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
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
