using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// Packs PromptGen, PromptGen.Testing, the promptgen tool (PromptGen.Tool), the dotnet new templates and PromptGen.Mcp once per test run, with a package version no earlier run used, into a folder feed
/// under this test's output directory. Builds go to their own artifacts folder so they never touch the bin/obj of
/// the solution build that other test assemblies are using at the same time. That folder outlives the run and only
/// the package version changes from run to run (the assemblies keep the repository's version), so a second run with
/// unchanged sources packs without compiling anything again.
/// </summary>
public sealed class PackedPackages
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    // Two collections (the README's projects, the other consumers) build against the packages side by side; they share
    // one packing. A packing that failed fails every test that needs it, with the same message.
    private static readonly Lazy<PackedPackages> Shared = new(Pack);

    /// <summary>The packages of this run, packed by the first test collection that needs them.</summary>
    public PackedPackages()
        : this(Shared.Value.Version, Shared.Value.WorkDirectory, Shared.Value.PackOutput)
    {
    }

    private PackedPackages(string version, string workDirectory, string packOutput)
    {
        Version = version;
        WorkDirectory = workDirectory;
        Feed = Path.Combine(workDirectory, "feed");
        PackOutput = packOutput;
    }

    private static PackedPackages Pack()
    {
        // Earlier runs' feeds and consumer copies are only clutter; each run starts from nothing.
        string testRoot = Path.Combine(AppContext.BaseDirectory, "package-test");
        if (Directory.Exists(testRoot))
        {
            Directory.Delete(testRoot, recursive: true);
        }

        string version = "0.1.0-ci.t" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        string workDirectory = Directory.CreateDirectory(Path.Combine(testRoot, version)).FullName;
        string feed = Directory.CreateDirectory(Path.Combine(workDirectory, "feed")).FullName;
        string artifacts = Path.Combine(AppContext.BaseDirectory, "package-artifacts");

        // One 'dotnet pack' of a solution filter naming the four packable projects: one MSBuild evaluation, and the
        // shared projects (the runtime, the generator) built once, in parallel where the graph allows.
        string filter = Path.Combine(workDirectory, "Packages.slnf");
        File.WriteAllText(filter, PackageFilter());
        (int exitCode, string output) = DotNetCli.Run(
            RepositoryPaths.Root,
            PackTimeout,
            new Dictionary<string, string?>(),
            "pack", filter,
            "-c", "Release",
            "-o", feed,
            "--artifacts-path", artifacts,
            // PackageVersion, not Version: the version compiled into the assemblies stays the same, so the
            // incremental Release build in the artifacts folder is up to date when the sources are.
            "-p:PackageVersion=" + version,
            "-nodeReuse:false",
            "-clp:NoSummary");
        Assert.True(exitCode == 0, $"dotnet pack of {string.Join(", ", PackedProjects)} failed ({exitCode}):\n{output}");

        var packed = new PackedPackages(version, workDirectory, output);
        packed.WriteConsumerSettings();
        return packed;
    }

    /// <summary>The projects that ship as packages, relative to the repository.</summary>
    public static readonly string[] PackedProjects =
    {
        "src/PromptGen/PromptGen.csproj",
        "src/PromptGen.Testing/PromptGen.Testing.csproj",
        "src/PromptGen.Tool/PromptGen.Tool.csproj",
        "src/PromptGen.Templates/PromptGen.Templates.csproj",
        "src/PromptGen.Mcp/PromptGen.Mcp.csproj",
        "src/PromptGen.Playground/PromptGen.Playground.csproj",
    };

    /// <summary>What 'dotnet pack' printed.</summary>
    public string PackOutput { get; }

    /// <summary>The unique version the packages were packed with.</summary>
    public string Version { get; }

    /// <summary>The folder feed holding the .nupkg and .snupkg files.</summary>
    public string Feed { get; }

    /// <summary>A folder of this run for consumers of the packages, outside the repository's MSBuild and NuGet settings.</summary>
    public string WorkDirectory { get; }

    /// <summary>The NuGet.config of every consumer under <see cref="WorkDirectory"/>: this run's feed, its own packages folder.</summary>
    public string NuGetConfig => Path.Combine(WorkDirectory, "NuGet.config");

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>
    /// Settings for every consumer project under <see cref="WorkDirectory"/>. They stop MSBuild and NuGet from walking
    /// up into the repository's settings (central package management, warnings as errors for our own code, its
    /// NuGet.config, its .editorconfig, and global.json's test runner, so 'dotnet test' of a consumer's test project
    /// runs the way it does in a new user's folder): a consumer has none of them.
    /// </summary>
    private void WriteConsumerSettings()
    {
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "global.json"), "{}\n");
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <!-- Its own packages folder: the unique version can only come from the feed below. -->
                <add key="globalPackagesFolder" value="{Path.Combine(WorkDirectory, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <!-- Everything else (AWSSDK, Scriban...) is read from the machine's cache instead of downloaded again. -->
                <add key="machine" value="{MachinePackagesFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    private static string PackageFilter()
    {
        string solution = JsonSerializer.Serialize(Path.Combine(RepositoryPaths.Root, "PromptGen.sln"));
        string projects = string.Join(", ", PackedProjects.Select(project => JsonSerializer.Serialize(project.Replace('/', Path.DirectorySeparatorChar))));
        return $$"""{ "solution": { "path": {{solution}}, "projects": [ {{projects}} ] } }""" + "\n";
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}

/// <summary>The README's projects: the longest build, run beside the other consumers' tests.</summary>
[CollectionDefinition(Name)]
public sealed class ReadmePackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages: README";
}
