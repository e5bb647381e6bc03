using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Tests.Incremental;

namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>One compilation of the corpus: its sources and where they come from.</summary>
internal sealed record CorpusEntry(string Name, IReadOnlyList<string> Sources);

/// <summary>
/// Every prompt interface the repository has: the C# sources the tests feed the generator (string literals in the
/// test projects, and the generated corpora), and the files of the samples, tests and benchmarks that declare
/// prompt interfaces as code, compiled per project. Found by reading the repository, so a new test source or
/// sample joins the corpus without being listed.
/// </summary>
internal static class AgreementCorpus
{
    private static readonly string[] Roots = { "samples", "tests", "bench" };

    private static readonly string[] SkippedDirectories = { "bin", "obj", "node_modules" };

    public static IReadOnlyList<CorpusEntry> TestSourceStrings() =>
        CSharpFiles()
            .SelectMany(file => StringLiterals(file.Tree)
                .Where(literal => literal.Token.ValueText.Contains("[PromptClient", StringComparison.Ordinal))
                .Select(literal => new CorpusEntry($"{file.Path}:{literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}", new[] { literal.Token.ValueText })))
            .ToList();

    /// <summary>The files that declare prompt interfaces as code, one compilation per project, so they see each other's types.</summary>
    public static IReadOnlyList<CorpusEntry> RepositoryPromptFiles() =>
        CSharpFiles()
            .Where(file => DeclaresPromptClient(file.Tree))
            .GroupBy(file => ProjectOf(file.Path), StringComparer.Ordinal)
            .OrderBy(project => project.Key, StringComparer.Ordinal)
            .Select(project => new CorpusEntry(project.Key, project.Select(file => file.Tree.GetText().ToString()).ToList()))
            .ToList();

    /// <summary>The generator's performance corpus and the half-typed attributes of the never-throw run.</summary>
    public static IReadOnlyList<CorpusEntry> GeneratedSources() =>
        new[] { new CorpusEntry("GeneratorCorpus.Build(4, 10)", GeneratorCorpus.Build(4, 10)) }
            .Concat(NeverThrowSources.All()
                .Where(source => source.Name.Contains(" attribute '", StringComparison.Ordinal))
                .Select(source => new CorpusEntry("NeverThrowSources " + source.Name, new[] { source.Source })))
            .ToList();

    private static IEnumerable<(string Path, SyntaxTree Tree)> CSharpFiles() =>
        Roots
            .Select(root => Path.Combine(RepositoryPaths.Root, root))
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            .Where(path => !Path.GetRelativePath(RepositoryPaths.Root, path).Split(Path.DirectorySeparatorChar).Any(part => SkippedDirectories.Contains(part, StringComparer.Ordinal)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Relative(path), CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path)));

    private static IEnumerable<LiteralExpressionSyntax> StringLiterals(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Where(literal => literal.IsKind(SyntaxKind.StringLiteralExpression));

    private static bool DeclaresPromptClient(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<InterfaceDeclarationSyntax>()
            .SelectMany(declaration => declaration.AttributeLists.SelectMany(list => list.Attributes))
            .Any(attribute => attribute.Name.ToString() is "PromptClient" or "PromptClientAttribute" or "PromptGen.PromptClient" or "PromptGen.PromptClientAttribute");

    /// <summary>The directory of the nearest project file above <paramref name="relativePath"/>.</summary>
    private static string ProjectOf(string relativePath)
    {
        for (DirectoryInfo? directory = new FileInfo(Path.Combine(RepositoryPaths.Root, relativePath)).Directory;
             directory is not null && directory.FullName.Length > RepositoryPaths.Root.Length;
             directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.csproj").Any())
            {
                return Relative(directory.FullName);
            }
        }

        return Path.GetDirectoryName(relativePath) ?? relativePath;
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
