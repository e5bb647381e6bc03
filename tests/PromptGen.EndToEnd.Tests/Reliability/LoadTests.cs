using System;
using System.Threading.Tasks;
using PromptGen.Reliability.Load;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// A modest load run in CI (the larger one is <c>dotnet run --project fuzz/PromptGen.Fuzz -c Release -- load</c>):
/// every call returns its own answer or a typed error, none lost, mixed up or hung, connections reused.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Concurrent_calls_through_one_client_under_throttling_each_get_their_own_answer_or_a_typed_error()
    {
        var settings = new LoadSettings(
            Calls: 1500, Concurrency: 48, ThrottleShare: 0.25, Seed: 20251125, BaseDelay: TimeSpan.FromMilliseconds(5), CallBound: TimeSpan.FromSeconds(60));

        LoadReport report = await LoadRun.RunAsync(settings);
        output.WriteLine(report.ToString());

        Assert.Equal(settings.Calls, report.Accounted);
        Assert.Equal(0, report.Mismatched);
        Assert.Equal(0, report.Hung);
        Assert.Equal(0, report.UntypedFailures);
        Assert.Equal(settings.Calls, report.Successes + report.TypedFailures);
        // The throttles were really injected and really retried: every attempt is either a throttle or a call's one
        // success, and a call fails only after a throttle.
        Assert.InRange(report.InjectedThrottles, settings.Calls / 10, settings.Calls);
        Assert.Equal(report.Successes + report.InjectedThrottles, report.Attempts);
        Assert.True(report.Attempts > settings.Calls);
        Assert.True(report.Successes > report.TypedFailures * 10, report.ToString());
        // One pool of keep-alive connections: about one per concurrent call, nowhere near one per attempt (~2,000).
        // Not at most one per call: a call that finds no idle connection makes SocketsHttpHandler open one, and when
        // another call's connection comes back first the call takes that instead and the new one stays in the pool.
        // On a loaded machine, where the connection's return runs late, that happens (49 connections for 48 calls).
        Assert.InRange(report.PeakOpenConnections, 1, LoadRun.ConnectionBound(settings));
        Assert.InRange(report.ConnectionsAccepted, 1, LoadRun.ConnectionBound(settings));
    }
}
