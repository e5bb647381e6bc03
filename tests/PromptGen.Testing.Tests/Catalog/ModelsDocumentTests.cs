using System;
using System.IO;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>docs/models.md is exactly what the catalog renders to.</summary>
public sealed class ModelsDocumentTests
{
    [Fact]
    public void Models_page_matches_the_catalog()
    {
        string path = Path.Combine(RepositoryRoot(), ModelsDocument.RelativePath);
        string expected = ModelsDocument.Render();

        if (Environment.GetEnvironmentVariable(ModelsDocument.UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        string actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "(missing)";
        Assert.True(
            expected == actual,
            $"{ModelsDocument.RelativePath} is out of date with the catalog; run {ModelsDocument.UpdateVariable}=1 dotnet test --project tests/PromptGen.Testing.Tests --filter-class \"*.ModelsDocumentTests\"");
    }

    // Walks up from the test binaries: deterministic CI builds map source paths, so [CallerFilePath] cannot be trusted.
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PromptGen.sln above {AppContext.BaseDirectory}.");
    }
}
