using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// A user's view: a copy of samples/QuickStart that references PromptGen and PromptGen.Testing as packages from the
/// local feed, restored into its own packages folder, built with the repository's settings out of the way, and run
/// against the emulator. It compiles only if the packaged generator runs (ISupportPrompts.Create is generated).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ConsumerProjectTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly PackedPackages _packages;

    public ConsumerProjectTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void QuickStart_built_from_the_packages_runs_against_the_emulator()
    {
        string consumer = CreateConsumer("QuickStart", Path.Combine(RepositoryPaths.Root, "samples", "QuickStart"));
        string output = Path.Combine(consumer, "out");
        var noEnvironment = new Dictionary<string, string?>();

        (int restoreExit, string restoreOutput) = DotNetCli.Run(consumer, BuildTimeout, noEnvironment, "restore", "--configfile", Path.Combine(_packages.WorkDirectory, "NuGet.config"), "-nodeReuse:false");
        Assert.True(restoreExit == 0, $"restore failed:\n{restoreOutput}");
        (int buildExit, string buildOutput) = DotNetCli.Run(consumer, BuildTimeout, noEnvironment, "build", "--no-restore", "-c", "Release", "-o", output, "-nodeReuse:false", "-clp:NoSummary");
        Assert.True(buildExit == 0, $"build failed:\n{buildOutput}");

        // The packages came from the feed: the restored copy is this run's version, and the runtime in the app is it.
        Assert.True(Directory.Exists(Path.Combine(_packages.WorkDirectory, "packages", "promptgen", _packages.Version)), "PromptGen was not restored from the local feed");
        string? productVersion = FileVersionInfo.GetVersionInfo(Path.Combine(output, "PromptGen.dll")).ProductVersion;
        Assert.StartsWith(_packages.Version, productVersion, StringComparison.Ordinal);
        // Compiler-side assemblies stay out of the app.
        Assert.False(File.Exists(Path.Combine(output, "PromptGen.Generators.dll")), "the generator was copied into the app");
        Assert.False(File.Exists(Path.Combine(output, "PromptGen.CodeFixes.dll")), "the code fixes were copied into the app");

        (int runExit, string runOutput) = DotNetCli.Run(consumer, RunTimeout, IsolatedAwsEnvironment(), Path.Combine(output, "QuickStart.dll"));
        Assert.True(runExit == 0, $"QuickStart exited with {runExit}:\n{runOutput}");
        Assert.Contains("result:  The customer was charged twice", runOutput, StringComparison.Ordinal);
        Assert.Contains("result:  Billing, High urgency (92% sure)", runOutput, StringComparison.Ordinal);
        Assert.Contains("signature valid: True", runOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("signature valid: False", runOutput, StringComparison.Ordinal);
    }

    /// <summary>Copies the sample's sources next to a project file that uses packages instead of project references.</summary>
    private string CreateConsumer(string name, string sampleDirectory)
    {
        string root = _packages.WorkDirectory;
        // Stop MSBuild and NuGet from walking up into the repository's settings (central package management,
        // warnings as errors for our own code, its NuGet.config): a consumer has none of them.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <!-- Its own packages folder: the unique version can only come from the feed below. -->
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{_packages.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <!-- Everything else (AWSSDK, Scriban...) is read from the machine's cache instead of downloaded again. -->
                <add key="machine" value="{MachinePackagesFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        string consumer = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        foreach (string source in Directory.GetFiles(sampleDirectory, "*.cs"))
        {
            File.Copy(source, Path.Combine(consumer, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(consumer, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PromptGen" Version="{_packages.Version}" />
                <PackageReference Include="PromptGen.Testing" Version="{_packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        return consumer;
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>No credentials or profiles of the machine leak into the run; the sample uses the emulator's.</summary>
    private static Dictionary<string, string?> IsolatedAwsEnvironment()
    {
        string empty = Directory.CreateTempSubdirectory("promptgen-noaws").FullName;
        var environment = new Dictionary<string, string?>
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(empty, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(empty, "credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_BEARER_TOKEN_BEDROCK", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME" })
        {
            environment[name] = null;
        }

        return environment;
    }
}
