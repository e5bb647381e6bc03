using System;
using PromptGen.Reliability;
using PromptGen.Reliability.Load;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>The command line of <c>fuzz/PromptGen.Fuzz</c>: every option is read, and a mistyped one is refused.</summary>
public sealed class HarnessArgumentsTests
{
    [Fact]
    public void The_first_option_after_load_is_read()
    {
        // Issue 24: "load --calls 5000" skipped "--calls" as if it were a fuzz target and ran 20,000 calls.
        LoadSettings settings = LoadRun.SettingsFrom(HarnessArguments.Parse(["load", "--calls", "5000"]));

        Assert.Equal(5000, settings.Calls);
        Assert.Equal(256, settings.Concurrency);
    }

    [Fact]
    public void Every_load_option_is_read_in_either_form()
    {
        LoadSettings settings = LoadRun.SettingsFrom(HarnessArguments.Parse(
            ["load", "--concurrency", "64", "--calls=1200", "--share", "0.25", "--seed=-3", "--base-delay-ms", "0"]));

        Assert.Equal((1200, 64, 0.25, -3, TimeSpan.Zero), (settings.Calls, settings.Concurrency, settings.ThrottleShare, settings.Seed, settings.BaseDelay));
    }

    [Fact]
    public void Load_without_options_is_the_larger_run_of_the_docs()
    {
        LoadSettings settings = LoadRun.SettingsFrom(HarnessArguments.Parse(["load"]));

        Assert.Equal((20_000, 256, 0.2, 1, TimeSpan.FromSeconds(1)), (settings.Calls, settings.Concurrency, settings.ThrottleShare, settings.Seed, settings.BaseDelay));
    }

    [Fact]
    public void Fuzz_takes_its_target_then_its_options()
    {
        HarnessArguments arguments = HarnessArguments.Parse(["fuzz", "event-stream", "--inputs", "1000", "--seed", "7", "--findings=/tmp/f"]);

        Assert.Equal(("fuzz", "event-stream"), (arguments.Command, arguments.Target));
        Assert.Equal((1000, 7, 2000), (arguments.Int("inputs", 1), arguments.Int("seed", 1), arguments.Int("per-input-ms", 2000)));
        Assert.Equal("/tmp/f", arguments.Text("findings"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    public void No_command_or_help_is_the_usage(string command)
    {
        Assert.Equal("help", HarnessArguments.Parse(command.Length == 0 ? [] : [command]).Command);
    }

    [Theory]
    [InlineData("load --cals 5000", "--cals")]
    [InlineData("load --inputs 5000", "--inputs")]
    [InlineData("load 5000", "'5000'")]
    [InlineData("load --calls", "--calls needs a value")]
    [InlineData("load --calls --concurrency 8", "--calls needs a value")]
    [InlineData("load --calls 10 --calls 20", "twice")]
    [InlineData("fuzz --inputs 10", "needs a target")]
    [InlineData("fuzz all --inputs 10 extra", "'extra'")]
    [InlineData("stress", "Unknown command")]
    public void A_command_line_the_harness_cannot_run_is_refused_with_the_reason(string commandLine, string reason)
    {
        var error = Assert.Throws<HarnessUsageException>(() => HarnessArguments.Parse(commandLine.Split(' ')));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--calls", "five")]
    [InlineData("--calls", "0")]
    [InlineData("--concurrency", "-1")]
    [InlineData("--share", "1.5")]
    [InlineData("--share", "20%")]
    [InlineData("--base-delay-ms", "1e3")]
    public void A_value_out_of_range_is_refused_with_the_option_name(string option, string value)
    {
        HarnessArguments arguments = HarnessArguments.Parse(["load", option, value]);

        var error = Assert.Throws<HarnessUsageException>(() => LoadRun.SettingsFrom(arguments));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }
}
