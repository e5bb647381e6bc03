using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PromptGen.CodeFixes.Tests;

/// <summary>
/// "The diagnostic is reported here, and the fix offers nothing": the analyzer's diagnostics must be exactly those
/// marked <c>{|PG0000:text|}</c> in the source, the source must compile, and the code fix provider, asked directly for
/// each diagnostic it claims, must register no action. Asked directly because the before/after harness, given the
/// same text as before and after, read the fixed state's expected diagnostics as none in some full parallel test runs.
/// </summary>
internal static partial class NoFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task VerifyAsync(string markedSource)
    {
        (string source, List<(string Id, TextSpan Span)> expected) = Unmark(markedSource);
        using var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("Demo", "Demo", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddMetadataReferences(Basic.Reference.Assemblies.Net100.References.All)
            .AddMetadataReference(MetadataReference.CreateFromFile(typeof(PromptClientAttribute).Assembly.Location))
            .AddDocument("Test0.cs", source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        string[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors));

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.Equal(
            expected.Select(d => $"{d.Id} at {d.Span}").OrderBy(d => d),
            diagnostics.Select(d => $"{d.Id} at {d.Location.SourceSpan}").OrderBy(d => d));

        var provider = new TCodeFix();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var offered = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), CancellationToken.None));
            Assert.True(offered.Count == 0, $"{typeof(TCodeFix).Name} offered '{offered.FirstOrDefault()?.Title}' for {diagnostic}");
        }
    }

    /// <summary>The source without its <c>{|ID:text|}</c> markers, and where each marked diagnostic is.</summary>
    private static (string Source, List<(string Id, TextSpan Span)> Expected) Unmark(string marked)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        int position = 0;
        foreach (Match marker in Marker().Matches(marked))
        {
            source.Append(marked, position, marker.Index - position);
            string text = marker.Groups["text"].Value;
            expected.Add((marker.Groups["id"].Value, new TextSpan(source.Length, text.Length)));
            source.Append(text);
            position = marker.Index + marker.Length;
        }

        source.Append(marked, position, marked.Length - position);
        return (source.ToString(), expected);
    }

    [GeneratedRegex(@"\{\|(?<id>PG[0-9]{4}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Marker();
}
