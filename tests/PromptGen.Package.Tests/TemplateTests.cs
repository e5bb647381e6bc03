using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// The 'dotnet new' templates as a user gets them: PromptGen.Templates installed from the local feed into a template
/// hive of this run's own (never the machine's), each template instantiated, built against this run's packages, the
/// console app run and the test project tested.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class TemplateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly PackedPackages _packages;

    public TemplateTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void The_console_template_builds_and_answers_from_the_emulator()
    {
        string project = Instantiate("promptgen-console", "MyPrompts");

        (int exitCode, string output) = DotNetCli.Run(project, Timeout, ConsumerProjectTests.IsolatedAwsEnvironment(), "run", "-nodeReuse:false");

        Assert.True(exitCode == 0, $"dotnet run of the console template failed:\n{output}");
        Assert.Contains("A vector database stores embeddings and finds the ones closest to a query. (scripted by the emulator)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xunit_template_builds_and_its_tests_pass()
    {
        string project = Instantiate("promptgen-xunit", "MyPrompts.Tests");

        (int exitCode, string output) = DotNetCli.Run(project, Timeout, ConsumerProjectTests.IsolatedAwsEnvironment(), "test", "-nodeReuse:false");

        Assert.True(exitCode == 0, $"dotnet test of the xunit template failed:\n{output}");
        Assert.Contains("Passed!", output, StringComparison.Ordinal);
        Assert.Contains("Passed:     2", output, StringComparison.Ordinal);
        // xunit v3's analyzers ask for TestContext's token in calls that take one: the template passes it.
        Assert.False(output.Contains(": warning ", StringComparison.Ordinal), $"the xunit template builds with warnings:\n{output}");
    }

    private static readonly System.Threading.Lock InstallLock = new();
    private static string? _installedHive;

    /// <summary>Installs the template package into this run's hive (once) and creates a project from <paramref name="shortName"/>.</summary>
    private string Instantiate(string shortName, string name)
    {
        string hive = Path.Combine(_packages.WorkDirectory, "template-hive");
        var noEnvironment = new Dictionary<string, string?>();
        lock (InstallLock)
        {
            // Installing again into the same hive leaves two entries and 'dotnet new' then finds neither.
            if (_installedHive != hive)
            {
                (int installExit, string installOutput) = DotNetCli.Run(_packages.WorkDirectory, Timeout, noEnvironment, "new", "install", _packages.PackagePath("PromptGen.Templates"), "--debug:custom-hive", hive);
                Assert.True(installExit == 0, $"dotnet new install failed:\n{installOutput}");
                _installedHive = hive;
            }
        }

        string output = Path.Combine(_packages.WorkDirectory, "from-templates", name);
        (int newExit, string newOutput) = DotNetCli.Run(_packages.WorkDirectory, Timeout, noEnvironment, "new", shortName, "-o", output, "--debug:custom-hive", hive);
        Assert.True(newExit == 0, $"dotnet new {shortName} failed:\n{newOutput}");
        Assert.True(File.Exists(Path.Combine(output, name + ".csproj")), $"dotnet new {shortName} made no {name}.csproj:\n{newOutput}");
        Assert.Contains($"Version=\"{_packages.Version}\"", File.ReadAllText(Path.Combine(output, name + ".csproj")), StringComparison.Ordinal);
        return output;
    }
}
