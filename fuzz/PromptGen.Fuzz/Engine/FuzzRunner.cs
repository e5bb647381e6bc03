using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace PromptGen.Reliability.Engine;

/// <summary>What a fuzz run found.</summary>
public sealed record FuzzReport(string Target, int Inputs, TimeSpan Elapsed, TimeSpan SlowestInput, long PeakManagedBytes, IReadOnlyList<FuzzFinding> Findings)
{
    public override string ToString() =>
        $"{Target}: {Inputs:N0} inputs in {Elapsed.TotalSeconds:0.0} s ({Inputs / Math.Max(Elapsed.TotalSeconds, 0.001):N0}/s), "
        + $"slowest input {SlowestInput.TotalMilliseconds:0.0} ms, peak managed heap {PeakManagedBytes / (1024 * 1024)} MiB, findings {Findings.Count}";
}

/// <summary>An input that broke an invariant, threw an untyped exception, took too long or used too much memory.</summary>
public sealed record FuzzFinding(int Iteration, string Input, string Problem);

/// <summary>
/// Runs a target over generated inputs on one thread, with a watchdog: an input that runs past the time bound is
/// reported (with the input written to disk first) and the process exits, since a stuck call cannot be stopped
/// from outside. Memory is sampled so a leak or a blow-up fails the run.
/// </summary>
public static class FuzzRunner
{
    public static FuzzReport Run(IFuzzTarget target, int inputs, int seed, TimeSpan perInputBound, long managedHeapBound, string? findingsDirectory)
    {
        var random = new Random(seed);
        var findings = new List<FuzzFinding>();
        long started = Stopwatch.GetTimestamp();
        long slowest = 0;
        long peakHeap = 0;
        string? current = null;
        long currentStarted = 0;
        int currentIteration = -1;
        // Never disposed, and set however the run ends: a target that throws out of NextInput once left the watchdog
        // reading a disposed token, which crashed the whole process (the test host, in the CI smoke run).
        var done = new ManualResetEventSlim();

        var watchdog = new Thread(() =>
        {
            while (!done.Wait(TimeSpan.FromMilliseconds(250)))
            {
                long since = Volatile.Read(ref currentStarted);
                if (since != 0 && Stopwatch.GetElapsedTime(since) > perInputBound * 4)
                {
                    string input = Volatile.Read(ref current) ?? "";
                    string path = Save(findingsDirectory, target.Name, Volatile.Read(ref currentIteration), input) ?? "(not saved)";
                    Console.Error.WriteLine($"HANG: {target.Name} input {currentIteration} ran over {(perInputBound * 4).TotalSeconds:0.#} s; saved to {path}");
                    Environment.Exit(3);
                }
            }
        })
        { IsBackground = true, Name = "fuzz watchdog" };
        watchdog.Start();

        int ran = 0;
        try
        {
            for (int i = 0; i < inputs; i++, ran++)
            {
                string input = target.NextInput(random, i);
                Volatile.Write(ref current, input);
                Volatile.Write(ref currentIteration, i);
                long inputStarted = Stopwatch.GetTimestamp();
                Volatile.Write(ref currentStarted, inputStarted);
                string? problem = null;
                try
                {
                    target.Run(input);
                }
                catch (FuzzViolation violation)
                {
                    problem = "invariant: " + violation.Message;
                }
                catch (Exception e) when (!target.IsExpected(e))
                {
                    problem = $"untyped exception {e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
                }
                catch (Exception)
                {
                    // A typed error the API documents: fine.
                }

                long elapsed = Stopwatch.GetTimestamp() - inputStarted;
                Volatile.Write(ref currentStarted, 0);
                slowest = Math.Max(slowest, elapsed);
                if (Stopwatch.GetElapsedTime(inputStarted) > perInputBound)
                {
                    problem ??= $"slow: {Stopwatch.GetElapsedTime(inputStarted).TotalMilliseconds:0} ms for {input.Length} chars";
                }

                if ((i & 0x3FF) == 0)
                {
                    long heap = GC.GetTotalMemory(forceFullCollection: false);
                    peakHeap = Math.Max(peakHeap, heap);
                    if (heap > managedHeapBound && GC.GetTotalMemory(forceFullCollection: true) > managedHeapBound)
                    {
                        problem ??= $"memory: managed heap over {managedHeapBound / (1024 * 1024)} MiB after a collection";
                    }
                }

                if (problem is not null)
                {
                    findings.Add(new FuzzFinding(i, input, problem));
                    Save(findingsDirectory, target.Name, i, input);
                    if (findings.Count >= 20)
                    {
                        ran++;
                        break;
                    }
                }
            }
        }
        finally
        {
            done.Set();
        }

        // The inputs actually run: a run stopped at 20 findings must not claim the full count.
        return new FuzzReport(target.Name, ran, Stopwatch.GetElapsedTime(started), Stopwatch.GetElapsedTime(0, slowest), peakHeap, findings);
    }

    private static string? Save(string? directory, string target, int iteration, string input)
    {
        if (directory is null)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        // As a JSON string: inputs hold lone surrogates and control characters that a text file would lose.
        string path = Path.Combine(directory, $"{target}-{iteration}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(input));
        return path;
    }
}
