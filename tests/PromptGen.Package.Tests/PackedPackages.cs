using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// Packs PromptGen and PromptGen.Testing once per test run, with a version no earlier run used, into a folder feed
/// under this test's output directory. Builds go to their own artifacts folder so they never touch the bin/obj of
/// the solution build that other test assemblies are using at the same time.
/// </summary>
public sealed class PackedPackages
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    public PackedPackages()
    {
        // Earlier runs' feeds and consumer copies are only clutter; each run starts from nothing.
        string testRoot = Path.Combine(AppContext.BaseDirectory, "package-test");
        if (Directory.Exists(testRoot))
        {
            Directory.Delete(testRoot, recursive: true);
        }

        Version = "0.1.0-ci.t" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        WorkDirectory = Directory.CreateDirectory(Path.Combine(testRoot, Version)).FullName;
        Feed = Directory.CreateDirectory(Path.Combine(WorkDirectory, "feed")).FullName;
        string artifacts = Path.Combine(WorkDirectory, "artifacts");

        foreach (string project in new[] { "src/PromptGen/PromptGen.csproj", "src/PromptGen.Testing/PromptGen.Testing.csproj" })
        {
            (int exitCode, string output) = DotNetCli.Run(
                RepositoryPaths.Root,
                PackTimeout,
                new Dictionary<string, string?>(),
                "pack", Path.Combine(RepositoryPaths.Root, project),
                "-c", "Release",
                "-o", Feed,
                "--artifacts-path", artifacts,
                "-p:Version=" + Version,
                "-nodeReuse:false",
                "-clp:NoSummary");
            Assert.True(exitCode == 0, $"dotnet pack {project} failed ({exitCode}):\n{output}");
        }
    }

    /// <summary>The unique version both packages were packed with.</summary>
    public string Version { get; }

    /// <summary>The folder feed holding the .nupkg and .snupkg files.</summary>
    public string Feed { get; }

    /// <summary>A folder of this run for consumers of the packages, outside the repository's MSBuild and NuGet settings.</summary>
    public string WorkDirectory { get; }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}
