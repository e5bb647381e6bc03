using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Builds samples/Diagnostics with the real SDK — the generator and analyzers loaded by the compiler, as in a user's
/// build — and checks the lines a user sees. The harness tests cannot catch a diagnostic that never reaches the
/// build output (lost location, wrong severity, an analyzer the compiler does not load).
/// </summary>
public sealed class DiagnosticsSampleBuildTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// What building samples/Diagnostics reports; each line is a deliberate mistake there, and every id but PG0099 (an
    /// internal error, which no mistake of a user's causes) has one. PG0007, PG0023, PG0150, PG0301, PG0304 and PG0408 are infos,
    /// which a command-line build does not print: the sample's .editorconfig raises them to warnings.
    /// </summary>
    private static readonly string[] Expected =
    {
        "Program.cs(18,18): error PG0001",
        "Program.cs(29,18): error PG0200",
        "Program.cs(37,5): error PG0002",
        "Program.cs(40,18): error PG0004",
        "Program.cs(44,27): error PG0006",
        "Program.cs(14,36): error PG0300",
        "Program.cs(56,18): error PG0005",
        "Program.cs(63,28): error PG0100",
        "Program.cs(67,27): error PG0101",
        "Program.cs(72,53): warning PG0102",
        "Program.cs(75,24): error PG0103",
        "Program.cs(75,44): error PG0103",
        "Program.cs(75,72): error PG0103",
        "Program.cs(83,12): warning PG0201",
        "Program.cs(88,12): error PG0202",
        "Program.cs(93,12): warning PG0203",
        "Program.cs(98,12): error PG0204",
        "Program.cs(103,12): error PG0205",
        "Program.cs(108,16): warning PG0206",
        "Program.cs(113,16): error PG0207",
        "Program.cs(118,12): error PG0208",
        "Program.cs(118,12): warning PG0203",
        "Program.cs(127,6): warning PG0008",
        "Program.cs(134,6): warning PG0008",
        "Program.cs(143,18): error PG0009",
        "Program.cs(150,32): error PG0104",
        "Program.cs(154,47): error PG0210",
        "Program.cs(164,23): warning PG0203",
        "Program.cs(170,5): warning PG0301",
        "Program.cs(170,5): warning PG0304",
        "Program.cs(173,23): error PG0302",
        "ConversationAndFallbacks.cs(14,73): error PG0020",
        "ConversationAndFallbacks.cs(17,21): warning PG0220",
        "MediaMistakes.cs(15,33): error PG0010",
        "MediaMistakes.cs(19,34): error PG0011",
        "MediaMistakes.cs(23,57): error PG0012",
        "MediaMistakes.cs(27,64): error PG0013",
        "MediaMistakes.cs(30,27): error PG0212",
        "MediaMistakes.cs(35,34): warning PG0213",
        "MediaMistakes.cs(40,41): error PG0211",
        "TooManyStopSequences.cs(12,16): warning PG0209",
        "TemplatesAndResults.cs(11,30): warning PG0305",
        "TemplatesAndResults.cs(17,13): error PG0105",
        "TemplatesAndResults.cs(21,30): error PG0106",
        "TemplatesAndResults.cs(25,24): error PG0106",
        "TemplatesAndResults.cs(29,20): error PG0100",
        "TemplatesAndResults.cs(33,27): error PG0103",
        "TemplatesAndResults.cs(37,12): warning PG0201",
        "InvokeMistakes.cs(15,64): error PG0021",
        "InvokeMistakes.cs(18,28): error PG0223",
        "InvokeMistakes.cs(22,16): error PG0224",
        "InvokeMistakes.cs(28,22): error PG0224",
        "InvokeMistakes.cs(32,12): error PG0223",
        "InvokeMistakes.cs(39,51): error PG0022",
        "InvokeMistakes.cs(44,49): error PG0225",
        "InvokeMistakes.cs(49,55): error PG0226",
        "BedrockOptions.cs(12,72): error PG0015",
        "BedrockOptions.cs(14,27): error PG0016",
        "BedrockOptions.cs(19,6): warning PG0215",
        "BedrockOptions.cs(23,16): warning PG0216",
        "BedrockOptions.cs(28,16): warning PG0217",
        "BedrockOptions.cs(32,31): warning PG0218",
        "BedrockOptions.cs(36,30): warning PG0219",
        "Tools.cs(14,31): error PG0400",
        "Tools.cs(17,12): error PG0401",
        "Tools.cs(19,11): error PG0402",
        "Tools.cs(23,26): error PG0407",
        "Tools.cs(26,19): warning PG0408",
        "Tools.cs(52,56): error PG0403",
        "Tools.cs(59,49): error PG0405",
        "Tools.cs(62,15): error PG0406",
        "Tools.cs(65,12): warning PG0203",
        "Tools.cs(65,12): warning PG0409",
        "CompletingTheSet.cs(13,44): warning PG0305",
        "CompletingTheSet.cs(28,38): warning PG0305",
        "CompletingTheSet.cs(36,18): warning PG0007",
        "CompletingTheSet.cs(39,17): warning PG0017",
        "CompletingTheSet.cs(45,5): error PG0303",
        "CompletingTheSet.cs(48,41): warning PG0150",
        "CompletingTheSet.cs(57,21): error PG0211",
        "Descriptors.cs(16,43): warning PG0023",
        "Retrieval.cs(10,15): error PG0500",
        "Retrieval.cs(14,73): error PG0501",
        "Retrieval.cs(18,37): error PG0502",
        "Retrieval.cs(23,55): warning PG0503",
        "Retrieval.cs(29,53): error PG0504",
        "Retrieval.cs(31,71): error PG0505",
        "Retrieval.cs(35,69): error PG0506",
        "promptgen.models.json(4,70): error PG0230",
    };

    private static readonly Regex DiagnosticLine = new(@"([\w.]+\.(?:cs|json))\((\d+),(\d+)\): (error|warning) ([A-Z]+\d+):", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_id_but_the_internal_error_has_a_line_in_the_sample()
    {
        string[] shown = Expected.Select(line => DiagnosticLine.Match(line + ":").Groups[5].Value).Distinct(StringComparer.Ordinal).ToArray();

        string[] missing = PromptGen.Generators.Diagnostics.DiagnosticDescriptors.All
            .Select(descriptor => descriptor.Id)
            .Where(id => id != PromptGen.Generators.Diagnostics.DiagnosticIds.InternalError && !shown.Contains(id, StringComparer.Ordinal))
            .ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void Building_the_sample_lists_every_deliberate_mistake_at_its_place()
    {
        (int exitCode, string output) = BuildSample();

        string[] reported = output.Split('\n')
            .Select(line => DiagnosticLine.Match(line))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups[1].Value}({match.Groups[2].Value},{match.Groups[3].Value}): {match.Groups[4].Value} {match.Groups[5].Value}")
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        string Ordered(string line)
        {
            Match match = DiagnosticLine.Match(line + ":");
            return $"{match.Groups[1].Value}{int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture):D5}{int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture):D5}{line}";
        }

        Assert.True(
            Expected.OrderBy(Ordered, StringComparer.Ordinal).SequenceEqual(reported.OrderBy(Ordered, StringComparer.Ordinal)),
            "The build of samples/Diagnostics reported:\n" + string.Join("\n", reported.OrderBy(Ordered, StringComparer.Ordinal)) + "\n\nFull output:\n" + output);
        // The sample fails only because of PromptGen's errors, never because of a cascade the user would also see.
        Assert.DoesNotMatch(@": error CS\d+", output);
        Assert.NotEqual(0, exitCode);
    }

    private static (int ExitCode, string Output) BuildSample()
    {
        string project = Path.Combine(RepositoryPaths.Root, "samples", "Diagnostics", "Diagnostics.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (string argument in new[] { "build", project, "--nologo", "-clp:NoSummary", "-nodeReuse:false", "-c", CurrentConfiguration() })
        {
            start.ArgumentList.Add(argument);
        }

        // Inherited from 'dotnet test', these would point the child build at the test run's own MSBuild state.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet build did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build samples/Diagnostics took more than {BuildTimeout}:\n{output}");
        }

        process.WaitForExit(); // drains the redirected streams
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>The configuration these tests were built in (bin/&lt;Configuration&gt;/&lt;tfm&gt;/), so the sample reuses those builds of src.</summary>
    private static string CurrentConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
}
