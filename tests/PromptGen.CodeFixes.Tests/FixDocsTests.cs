using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace PromptGen.CodeFixes.Tests;

/// <summary>A fix the IDE offers should be one the docs describe: every fixable id's page has a "## Fix" section.</summary>
public sealed class FixDocsTests
{
    [Fact]
    public void Every_fixable_id_has_a_docs_page_with_a_fix_section()
    {
        string[] fixableIds = typeof(MakeInterfacePartialCodeFix).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .SelectMany(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds)
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(new[] { "PG0001", "PG0006", "PG0007", "PG0100", "PG0101", "PG0103", "PG0106", "PG0201", "PG0203", "PG0204", "PG0205" }, fixableIds);
        foreach (string id in fixableIds)
        {
            string page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
            Assert.True(File.Exists(page), page + " is missing");
            Assert.Contains("\n## Fix\n", File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    // [CallerFilePath] cannot be used: deterministic CI builds map source paths to "/_/".
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PromptGen.sln was not found above " + AppContext.BaseDirectory);
    }
}
