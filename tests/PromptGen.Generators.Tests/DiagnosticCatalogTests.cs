using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Diagnostics;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class DiagnosticCatalogTests
{
    [Fact]
    public void Every_descriptor_has_a_unique_id_a_docs_page_a_help_link_and_a_release_entry()
    {
        string root = RepositoryPaths.Root;
        string unshipped = File.ReadAllText(Path.Combine(root, "src", "PromptGen.Generators", "AnalyzerReleases.Unshipped.md"));
        string index = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));

        Assert.Equal(DiagnosticDescriptors.All.Length, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All)
        {
            Assert.Matches("^PG[0-9]{4}$", descriptor.Id);
            Assert.EndsWith($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri, System.StringComparison.Ordinal);
            string page = Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no docs page at {page}");
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", File.ReadAllText(page), System.StringComparison.Ordinal);
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}", unshipped, System.StringComparison.Ordinal);
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_descriptor_id_is_declared_in_DiagnosticIds()
    {
        string[] declared = typeof(DiagnosticIds).GetFields().Select(field => (string)field.GetRawConstantValue()!).OrderBy(id => id).ToArray();

        Assert.Equal(declared, DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(id => id).ToArray());
    }

    [Fact]
    public void Retired_ids_keep_a_page_marked_retired_and_no_descriptor_or_release_entry()
    {
        string root = RepositoryPaths.Root;
        string unshipped = File.ReadAllText(Path.Combine(root, "src", "PromptGen.Generators", "AnalyzerReleases.Unshipped.md"));
        string index = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));
        string retiredSection = index.Substring(index.IndexOf("## Retired ids", System.StringComparison.Ordinal));

        Assert.NotEmpty(RetiredDiagnosticIds.All);
        foreach (string id in RetiredDiagnosticIds.All)
        {
            Assert.DoesNotContain(DiagnosticDescriptors.All, descriptor => descriptor.Id == id);
            Assert.DoesNotContain(id, unshipped, System.StringComparison.Ordinal);
            string page = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", id + ".md"));
            Assert.StartsWith($"# {id}: ", page, System.StringComparison.Ordinal);
            Assert.Contains("**Retired:**", page, System.StringComparison.Ordinal);
            Assert.Contains($"[{id}]({id}.md)", retiredSection, System.StringComparison.Ordinal);
        }
    }
}
