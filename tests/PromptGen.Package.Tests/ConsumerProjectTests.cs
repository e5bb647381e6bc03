using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>The Microsoft.Extensions version PromptGen depends on (Directory.Packages.props).</summary>
    private const string ExtensionsVersion = "10.0.15";

    private readonly PackedPackages _packages;

    public ConsumerProjectTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void QuickStart_built_from_the_packages_runs_against_the_emulator()
    {
        string output = BuildConsumer("QuickStart", Path.Combine(RepositoryPaths.Root, "samples", "QuickStart"));

        // Compiler-side assemblies stay out of the app.
        Assert.False(File.Exists(Path.Combine(output, "PromptGen.Generators.dll")), "the generator was copied into the app");
        Assert.False(File.Exists(Path.Combine(output, "PromptGen.CodeFixes.dll")), "the code fixes were copied into the app");

        string runOutput = Run(output, "QuickStart.dll");
        Assert.Contains("result:  The customer was charged twice", runOutput, StringComparison.Ordinal);
        Assert.Contains("result:  Billing, High urgency (92% sure)", runOutput, StringComparison.Ordinal);
        Assert.Contains("signature valid: True", runOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("signature valid: False", runOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// The "done when": from the packages, an app registers a prompt interface in DI with settings from
    /// appsettings.json, and sees logs, a span and metrics of its call.
    /// </summary>
    [Fact]
    public void A_hosted_app_built_from_the_packages_gets_DI_configuration_logs_traces_and_metrics()
    {
        string output = BuildConsumer(
            "HostedConsumer",
            Path.Combine(AppContext.BaseDirectory, "Consumers", "HostedConsumer"),
            "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Configuration.Json",
            "Microsoft.Extensions.Logging");

        string runOutput = Run(output, "HostedConsumer.dll");
        Assert.Contains("options: region=us-east-1 timeout=00:01:30", runOutput, StringComparison.Ordinal);
        Assert.Contains("result: The customer was charged twice and wants a refund.", runOutput, StringComparison.Ordinal);
        Assert.Contains("log: Debug PromptGen.Bedrock: Converse to us.anthropic.claude-haiku-4-5-20251001-v1:0 starting for IOrderPrompts.SummarizeAsync", runOutput, StringComparison.Ordinal);
        Assert.Contains("log: Information PromptGen.Bedrock: Converse to us.anthropic.claude-haiku-4-5-20251001-v1:0 for IOrderPrompts.SummarizeAsync completed in", runOutput, StringComparison.Ordinal);
        Assert.Contains("40 input tokens, 9 output tokens, stop reason end_turn", runOutput, StringComparison.Ordinal);
        Assert.Contains("span: chat us.anthropic.claude-haiku-4-5-20251001-v1:0 input_tokens=40 method=SummarizeAsync", runOutput, StringComparison.Ordinal);
        Assert.Contains("metric: gen_ai.client.operation.duration s", runOutput, StringComparison.Ordinal);
        Assert.Contains("metric: gen_ai.client.token.usage 40 input", runOutput, StringComparison.Ordinal);
        Assert.Contains("metric: gen_ai.client.token.usage 9 output", runOutput, StringComparison.Ordinal);
    }

    /// <summary>Restores and builds a consumer from the feed; returns its output folder, checked to hold this run's PromptGen.</summary>
    private string BuildConsumer(string name, string sourceDirectory, params string[] frameworkExtensions)
    {
        string consumer = CreateConsumer(name, sourceDirectory, frameworkExtensions);
        string output = Path.Combine(consumer, "out");
        var noEnvironment = new Dictionary<string, string?>();

        (int restoreExit, string restoreOutput) = DotNetCli.Run(consumer, BuildTimeout, noEnvironment, "restore", "--configfile", _packages.NuGetConfig, "-nodeReuse:false");
        Assert.True(restoreExit == 0, $"restore of {name} failed:\n{restoreOutput}");
        (int buildExit, string buildOutput) = DotNetCli.Run(consumer, BuildTimeout, noEnvironment, "build", "--no-restore", "-c", "Release", "-o", output, "-nodeReuse:false", "-clp:NoSummary");
        Assert.True(buildExit == 0, $"build of {name} failed:\n{buildOutput}");

        // The packages came from the feed: the restored copy is this run's version, and the runtime in the app is it.
        Assert.True(Directory.Exists(Path.Combine(_packages.WorkDirectory, "packages", "promptgen", _packages.Version)), "PromptGen was not restored from the local feed");
        string restored = Path.Combine(_packages.WorkDirectory, "packages", "promptgen", _packages.Version, "lib", "net10.0", "PromptGen.dll");
        Assert.True(
            File.ReadAllBytes(restored).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, "PromptGen.dll"))),
            $"{name}'s PromptGen.dll is not the one packed in this run");
        return output;
    }

    private static string Run(string output, string assembly)
    {
        (int runExit, string runOutput) = DotNetCli.Run(output, RunTimeout, IsolatedAwsEnvironment(), Path.Combine(output, assembly));
        Assert.True(runExit == 0, $"{assembly} exited with {runExit}:\n{runOutput}");
        return runOutput;
    }

    /// <summary>Copies the sample's sources next to a project file that uses packages instead of project references.</summary>
    private string CreateConsumer(string name, string sampleDirectory, string[] frameworkExtensions)
    {
        string root = _packages.WorkDirectory;
        string consumer = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        foreach (string source in Directory.GetFiles(sampleDirectory, "*.cs").Concat(Directory.GetFiles(sampleDirectory, "*.json")))
        {
            File.Copy(source, Path.Combine(consumer, Path.GetFileName(source)));
        }

        // Extensions a hosted app brings itself, at the version PromptGen is built against.
        string extensionReferences = string.Concat(frameworkExtensions.Select(id => $"""
                <PackageReference Include="{id}" Version="{ExtensionsVersion}" />

            """));

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
            {extensionReferences}  </ItemGroup>
              <ItemGroup>
                <None Update="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        return consumer;
    }

    /// <summary>No credentials or profiles of the machine leak into the run; the sample uses the emulator's.</summary>
    internal static Dictionary<string, string?> IsolatedAwsEnvironment()
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
