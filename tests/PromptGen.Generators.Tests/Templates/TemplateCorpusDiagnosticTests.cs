using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Templates;
using Xunit;

namespace PromptGen.Generators.Tests.Templates;

/// <summary>
/// Every template of the test corpus and the samples, and a generated set of broken templates (each kind of syntax
/// error at the start, in the middle and at the end of a valid template), through the generator and the analyzers:
/// every template diagnostic is in PromptGen's words (none quotes Scriban's parser), each template has at most one
/// syntax diagnostic, and no two diagnostics share an id and a span.
/// </summary>
public sealed class TemplateCorpusDiagnosticTests(ITestOutputHelper output)
{
    /// <summary>A valid template with text, a value, a pipe, a loop and a condition, to break at its start, middle and end.</summary>
    private const string Base = "Dear {{ name }}, here is {{ name | string.upcase }}.\n{{ for item in items }}- {{ item }}\n{{ end }}{{ if count > 1 }}many{{ end }} Thanks.";

    /// <summary>One fragment per kind of syntax error (and per syntax habit of another template language).</summary>
    private static readonly string[] Breakers =
    {
        "{{", "{{ name", "{{ name }", "}}{{", "{{ {{ name }} }}", "{{{ name }}}", "{{ \"open }}", "{{ 'a\\q' }}", "{{ 0x }}", "{{ 1e }}",
        "{{ name | }}", "{{ | }}", "{{ name | | string.upcase }}", "{{ 1 + }}", "{{ !  }}", "{{ name. }}", "{{ (name }}", "{{ name) }}",
        "{{ items[0 }}", "{{ items] }}", "{{ items[] }}", "{{ name, count }}", "{{ x = }}", "{{ if }}x{{ end }}", "{{ for x in }}{{ end }}",
        "{{ for x items }}{{ end }}", "{{ for x in items }}", "{{ if count }}", "{{ while count }}", "{{ capture c }}", "{{ case name }}",
        "{{ end }}", "{{ else }}", "{{ when }}", "{{ endif }}", "{{ if count }}x{{ endif }}", "{{ if count }}x{{ elsif count }}y{{ end }}",
        "{{ set x = 1 }}", "{{ name | string.truncate: 3 }}", "{{ unless count }}x{{ end }}", "{{ ~ }}", "{{ name\n  | string.upcase }}", "{{ func }}",
    };

    [Fact]
    public void Every_template_diagnostic_is_in_PromptGens_words_and_no_two_share_an_id_and_a_span()
    {
        List<string> templates = CorpusTemplates().Concat(BrokenTemplates()).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(templates.Count > 300, $"only {templates.Count} templates");

        // The diagnosis itself: one problem or none, worded by PromptGen, inside the template.
        foreach (string template in templates)
        {
            if (TemplateSyntax.Check(template).Problem is { } problem)
            {
                TemplateWording.AssertOwnWords(template, problem.Message);
                Assert.InRange(problem.Start, 0, template.Length);
                Assert.InRange(problem.End, problem.Start, template.Length);
            }
        }

        // Through the generator and the analyzers, as a build reports them: one compilation per batch.
        int templateDiagnostics = 0, all = 0;
        foreach (string[] batch in templates.Chunk(60))
        {
            string source = Client(batch);
            GeneratorRun run = GeneratorHarness.Run(source);
            List<Diagnostic> diagnostics = run.GeneratorDiagnostics.Concat(AnalyzerHarness.Run(source)).ToList();
            all += diagnostics.Count;
            foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id is "PG0100" or "PG0106"))
            {
                templateDiagnostics++;
                TemplateWording.AssertOwnWords(AnalyzerHarness.TextAt(diagnostic), diagnostic.GetMessage());
            }

            IGrouping<string, Diagnostic>[] repeated = diagnostics
                .GroupBy(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceSpan}")
                .Where(group => group.Count() > 1)
                .ToArray();
            Assert.True(repeated.Length == 0, string.Join("\n", repeated.Select(group => group.Key + ": " + string.Join(" | ", group.Select(d => d.GetMessage())))));

            // One syntax diagnostic per template at most: each method's [Prompt] is on its own line.
            IGrouping<int, Diagnostic>[] twice = diagnostics
                .Where(d => d.Id == "PG0100")
                .GroupBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
                .Where(group => group.Count() > 1)
                .ToArray();
            Assert.True(twice.Length == 0, string.Join("\n", twice.SelectMany(group => group.Select(d => d.GetMessage()))));
        }

        output.WriteLine($"{templates.Count} templates, {templateDiagnostics} template diagnostics, {all} diagnostics in all");
    }

    [Fact]
    public void Every_breaker_breaks_the_template_wherever_it_stands()
    {
        string[] unbroken = BrokenTemplates().Where(template => TemplateSyntax.Check(template).Problem is null).ToArray();
        Assert.True(unbroken.Length == 0, "no problem found in:\n" + string.Join("\n", unbroken));
    }

    /// <summary>Each breaker at the start, in the middle (between two code blocks) and at the end of <see cref="Base"/>.</summary>
    internal static IEnumerable<string> BrokenTemplates()
    {
        int middle = Base.IndexOf("\n{{ for", StringComparison.Ordinal);
        foreach (string breaker in Breakers)
        {
            yield return breaker + " " + Base;
            yield return Base.Substring(0, middle) + " " + breaker + Base.Substring(middle);
            yield return Base + " " + breaker;
        }
    }

    /// <summary>
    /// The [Prompt] and [SystemPrompt] templates written in tests/ and samples/: in attributes of their code, and in
    /// the C# sources the tests hold as strings.
    /// </summary>
    internal static IEnumerable<string> CorpusTemplates()
    {
        var templates = new List<string>();
        foreach (string folder in new[] { "tests", "samples" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), GeneratorHarness.ParseOptions).GetRoot();
                Collect(root, templates, nested: true);
            }
        }

        return templates;
    }

    private static void Collect(SyntaxNode root, List<string> templates, bool nested)
    {
        foreach (AttributeSyntax attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            if (attribute.Name.ToString() is "Prompt" or "SystemPrompt" or "PromptGen.Prompt" or "PromptGen.SystemPrompt"
                && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { Token.Value: string template })
            {
                templates.Add(template);
            }
        }

        if (!nested)
        {
            return;
        }

        foreach (SyntaxToken token in root.DescendantTokens())
        {
            if (token.Value is string code && (code.Contains("[Prompt(", StringComparison.Ordinal) || code.Contains("SystemPrompt(", StringComparison.Ordinal)))
            {
                Collect(CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions).GetRoot(), templates, nested: false);
            }
        }
    }

    private static string Client(IEnumerable<string> templates)
    {
        var members = new StringBuilder();
        int i = 0;
        foreach (string template in templates)
        {
            members.Append("    [Prompt(").Append(SymbolDisplay.FormatLiteral(template, quote: true)).Append(")]\n");
            members.Append("    Task<string> M").Append(i++).Append("(string name, int count, List<string> items, Ticket ticket, CancellationToken cancellationToken);\n");
        }

        return $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public sealed record Ticket(string Title, string Body);

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts
            {
            {{members}}}
            """;
    }
}
