using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// Issue 14, "the README compiles": every C# block of README.md, grouped as <see cref="ReadmeBlocks"/> describes,
/// is written into a new project that references only the packed packages (no project references, the repository's
/// settings out of the way) and built with one <c>dotnet build</c>. Each block is its own file and starts with a
/// <c>#line</c> directive, so the compiler reports errors at their line in README.md. The programs that use the
/// emulator need no AWS account, so they are run too.
/// </summary>
[Collection(ReadmePackagesCollection.Name)]
public sealed partial class ReadmeCompilationTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly PackedPackages _packages;
    private readonly ITestOutputHelper _output;

    public ReadmeCompilationTests(PackedPackages packages, ITestOutputHelper output)
    {
        _packages = packages;
        _output = output;
    }

    [Fact]
    public void Every_csharp_block_of_the_README_compiles_against_the_packages_with_only_the_usings_it_shows()
    {
        string readmePath = Path.Combine(RepositoryPaths.Root, "README.md");
        ReadmePlan plan = ReadmeBlocks.Plan(File.ReadAllText(readmePath));
        Assert.True(plan.Problems.Count == 0, "README.md block markers:\n" + string.Join("\n", plan.Problems));
        Assert.NotEmpty(plan.Projects);

        string root = Path.Combine(_packages.WorkDirectory, "Readme");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var solution = new StringBuilder("<Solution>\n");
        foreach (ReadmeProject project in plan.Projects)
        {
            WriteProject(Path.Combine(root, project.Name), project, readmePath);
            solution.Append($"  <Project Path=\"{project.Name}/{project.Name}.csproj\" />\n");
        }

        File.WriteAllText(Path.Combine(root, "Readme.slnx"), solution.Append("</Solution>\n").ToString());

        var clock = Stopwatch.StartNew();
        (int exitCode, string output) = DotNetCli.Run(
            root,
            BuildTimeout,
            new Dictionary<string, string?>(),
            "build", "Readme.slnx",
            "-p:RestoreConfigFile=" + _packages.NuGetConfig,
            "-nodeReuse:false",
            "-clp:NoSummary");
        _output.WriteLine($"built {plan.Projects.Count} projects from {plan.Projects.Sum(p => p.Blocks.Count)} blocks in {clock.Elapsed.TotalSeconds:0.0} s");

        List<string> diagnostics = Diagnostics(output);
        string projects = string.Join("\n", plan.Projects.Select(p => "  " + p.Describe()));
        Assert.True(
            exitCode == 0 && diagnostics.Count == 0,
            $"README.md's C# blocks do not build cleanly (exit code {exitCode}); errors and warnings at README.md lines:\n"
            + string.Join("\n", diagnostics)
            + $"\nprojects:\n{projects}\n"
            + (diagnostics.Count == 0 ? $"build output:\n{output}" : ""));

        // The packages came from this run's feed, and the README's projects really ran the generator.
        Assert.True(Directory.Exists(Path.Combine(_packages.WorkDirectory, "packages", "promptgen", _packages.Version)), "PromptGen was not restored from the local feed");
        Assert.NotEmpty(Directory.GetFiles(root, "*.PromptClient.g.cs", SearchOption.AllDirectories));

        // The emulator blocks run offline as shown: they must not just compile but work.
        foreach (ReadmeProject project in plan.Projects.Where(p => p.UsesTestingPackage && p.IsExecutable && !p.IsWeb))
        {
            string assembly = Path.Combine(root, project.Name, "bin", "Debug", "net10.0", project.Name + ".dll");
            (int runExit, string runOutput) = DotNetCli.Run(Path.GetDirectoryName(assembly)!, RunTimeout, ConsumerProjectTests.IsolatedAwsEnvironment(), assembly);
            _output.WriteLine($"{project.Describe()} printed:\n{runOutput}");
            Assert.True(runExit == 0, $"{project.Describe()} exited with {runExit}:\n{runOutput}");
        }
    }

    private void WriteProject(string directory, ReadmeProject project, string readmePath)
    {
        Directory.CreateDirectory(directory);
        foreach (ReadmeBlock block in project.Blocks)
        {
            // #line maps the compiler's positions back to README.md; nothing else is added to what the block shows.
            File.WriteAllText(Path.Combine(directory, $"Block_L{block.Line}.cs"), $"#line {block.Line} \"{readmePath}\"\n{block.Source.Code}");
        }

        string testing = project.UsesTestingPackage
            ? $"\n    <PackageReference Include=\"PromptGen.Testing\" Version=\"{_packages.Version}\" />"
            : "";
        if (project.UsesPlaygroundPackage)
        {
            testing += $"\n    <PackageReference Include=\"PromptGen.Playground\" Version=\"{_packages.Version}\" />";
        }

        if (project.UsesOpenTelemetry)
        {
            testing += "\n    <PackageReference Include=\"OpenTelemetry.Extensions.Hosting\" Version=\"1.21.0\" />";
        }

        // What `dotnet new console` (or `dotnet new web`) writes, with warnings as errors; the generated sources are
        // written to disk so a failure can be read.
        File.WriteAllText(Path.Combine(directory, project.Name + ".csproj"), $"""
            <Project Sdk="{(project.IsWeb ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk")}">
              <PropertyGroup>
                <OutputType>{(project.IsExecutable ? "Exe" : "Library")}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PromptGen" Version="{_packages.Version}" />{testing}
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>The distinct error and warning lines of a build, without the project suffix MSBuild appends.</summary>
    private static List<string> Diagnostics(string output) => output
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => DiagnosticPattern().IsMatch(line))
        .Select(line => ProjectSuffix().Replace(line, ""))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    [GeneratedRegex(@"\b(error|warning) [A-Z]+[0-9]+\s*:")]
    private static partial Regex DiagnosticPattern();

    [GeneratedRegex(@"\s*\[[^\]]*\.csproj\]$")]
    private static partial Regex ProjectSuffix();
}
