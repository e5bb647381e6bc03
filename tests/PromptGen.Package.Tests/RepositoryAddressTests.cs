using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>
/// The repository is named once per medium and the three agree: the README (for people), PromptGenRepositoryUrl in
/// Directory.Build.props (packages' metadata, SourceLink) and the generator's RepositoryUrl (diagnostics' help links).
/// </summary>
public sealed class RepositoryAddressTests
{
    [Fact]
    public void README_build_and_help_links_name_the_same_repository()
    {
        string props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string build = Regex.Match(props, "<PromptGenRepositoryUrl>([^<]+)</PromptGenRepositoryUrl>").Groups[1].Value;
        string descriptors = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "PromptGen.Generators", "Diagnostics", "DiagnosticDescriptors.cs"));
        string generator = Regex.Match(descriptors, "const string RepositoryUrl = \"([^\"]+)\"").Groups[1].Value;
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.StartsWith("https://github.com/", build, System.StringComparison.Ordinal);
        Assert.Equal(build, generator);
        Assert.Contains($"<{build}>", readme, System.StringComparison.Ordinal);
        Assert.Contains("DocsBaseUrl = RepositoryUrl + \"/blob/main/docs/\"", descriptors, System.StringComparison.Ordinal);
        Assert.Contains("HelpLinkBase = DocsBaseUrl + \"diagnostics/\"", descriptors, System.StringComparison.Ordinal);
    }
}
