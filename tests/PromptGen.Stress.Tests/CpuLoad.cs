using System;
using System.Collections.Generic;
using System.Threading;

namespace PromptGen.Stress.Tests;

/// <summary>
/// Busy threads that keep every core occupied while they run, the way a loaded CI machine or a parallel build does:
/// the code under test gets its time slices late, timers fire late and thread-pool work waits.
/// </summary>
internal sealed class CpuLoad : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = new();

    private CpuLoad(int threads)
    {
        for (int i = 0; i < threads; i++)
        {
            var thread = new Thread(Spin) { IsBackground = true, Name = $"cpu-load-{i}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    public int Threads => _threads.Count;

    /// <summary>Starts <paramref name="perCore"/> busy threads per core.</summary>
    public static CpuLoad Start(int perCore) => new(Math.Max(1, Environment.ProcessorCount * perCore));

    public void Dispose()
    {
        _stop.Cancel();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _stop.Dispose();
    }

    private void Spin()
    {
        CancellationToken stop = _stop.Token;
        ulong x = 88172645463325252UL;
        while (!stop.IsCancellationRequested)
        {
            for (int i = 0; i < 100_000; i++)
            {
                // xorshift: real work the JIT cannot drop.
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
        }

        GC.KeepAlive(x);
    }
}
