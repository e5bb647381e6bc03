using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// The packages without papercuts (issue 20): packing prints no warning, every shipped PDB has SourceLink, and
/// net8.0 and net10.0 consumers build clean with 'dotnet build -warnaserror' (MSBuild warnings included).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageHygieneTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The custom debug information kind of a SourceLink JSON document in a portable PDB.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private readonly PackedPackages _packages;

    public PackageHygieneTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void Packing_prints_no_warning()
    {
        foreach (string project in PackedPackages.PackedProjects)
        {
            string id = Path.GetFileNameWithoutExtension(project);
            Assert.True(File.Exists(_packages.PackagePath(id)), $"{project} was not packed");
        }

        string[] warnings = WarningLines(_packages.PackOutput);
        Assert.True(warnings.Length == 0, $"dotnet pack warned:\n{string.Join('\n', warnings)}");
    }

    [Fact]
    public void Every_shipped_pdb_has_SourceLink_to_the_repository()
    {
        var checkedPdbs = new List<string>();
        foreach (string package in Directory.GetFiles(_packages.Feed, "*.nupkg").Concat(Directory.GetFiles(_packages.Feed, "*.snupkg")))
        {
            using ZipArchive archive = ZipFile.OpenRead(package);
            foreach (ZipArchiveEntry entry in archive.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)))
            {
                string where = $"{Path.GetFileName(package)}!{entry.FullName}";
                using var pdb = new MemoryStream();
                using (Stream stream = entry.Open())
                {
                    stream.CopyTo(pdb);
                }

                pdb.Position = 0;
                using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
                MetadataReader reader = provider.GetMetadataReader();
                string? sourceLink = reader.CustomDebugInformation
                    .Select(reader.GetCustomDebugInformation)
                    .Where(information => reader.GetGuid(information.Kind) == SourceLinkKind)
                    .Select(information => Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)))
                    .FirstOrDefault();
                Assert.True(sourceLink is not null, $"{where} has no SourceLink");

                using JsonDocument json = JsonDocument.Parse(sourceLink);
                string[] urls = json.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString()!).ToArray();
                Assert.NotEmpty(urls);
                Assert.All(urls, url => Assert.Matches("^https://raw\\.githubusercontent\\.com/promptgen/promptgen/[0-9a-f]{40}/\\*$", url));
                checkedPdbs.Add(where);
            }
        }

        // The runtime for both frameworks, the emulator library for both, and the tool.
        Assert.Contains(checkedPdbs, p => p.EndsWith("lib/net8.0/PromptGen.pdb", StringComparison.Ordinal));
        Assert.Contains(checkedPdbs, p => p.EndsWith("lib/net10.0/PromptGen.pdb", StringComparison.Ordinal));
        Assert.Contains(checkedPdbs, p => p.EndsWith("lib/net8.0/PromptGen.Testing.pdb", StringComparison.Ordinal));
        Assert.Contains(checkedPdbs, p => p.EndsWith("lib/net10.0/PromptGen.Testing.pdb", StringComparison.Ordinal));
        Assert.Contains(checkedPdbs, p => p.EndsWith("/PromptGen.Tool.pdb", StringComparison.Ordinal)); // the tool: assembly PromptGen.Tool, command promptgen
    }

    /// <summary>
    /// A user's app targeting net8.0 and net10.0 with both packages, built with every warning as an error. On net8.0,
    /// System.IO.Hashing 11 (through AWSSDK.Core) warns from its own MSBuild target unless PromptGen's
    /// buildTransitive targets neutralise it; NoWarn cannot, as that warning has no code.
    /// </summary>
    [Fact]
    public void Net8_and_net10_consumers_build_clean_with_warnaserror()
    {
        string consumer = EmulatorClient.Create(_packages, "WarnAsErrorConsumer", "net8.0;net10.0", withTesting: true);

        (int exitCode, string output) = DotNetCli.Run(consumer, BuildTimeout, new Dictionary<string, string?>(), "build", "-warnaserror", "-c", "Release", "-nodeReuse:false", "-clp:NoSummary");

        Assert.True(exitCode == 0, $"dotnet build -warnaserror failed:\n{output}");
        Assert.Empty(WarningLines(output));
        Assert.True(File.Exists(Path.Combine(consumer, "bin", "Release", "net8.0", "WarnAsErrorConsumer.dll")), output);
        Assert.True(File.Exists(Path.Combine(consumer, "bin", "Release", "net10.0", "WarnAsErrorConsumer.dll")), output);
    }

    /// <summary>MSBuild's warning lines ("file(1,2): warning CODE: ..." or "...: warning : ..."), not its "0 Warning(s)" summary.</summary>
    internal static string[] WarningLines(string output) =>
        output.Split('\n').Where(line => Regex.IsMatch(line, @":\s*warning\b", RegexOptions.IgnoreCase)).Select(line => line.Trim()).ToArray();
}
