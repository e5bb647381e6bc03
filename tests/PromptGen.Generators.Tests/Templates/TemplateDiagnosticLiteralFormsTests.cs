using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Templates;
using Xunit;

namespace PromptGen.Generators.Tests.Templates;

/// <summary>
/// Each template rule reports one diagnostic (id, severity, exact span, the message's key words) whether the template
/// is written as a regular, verbatim or raw literal, as a constant (declared in another file) or as a constant
/// interpolated string, or concatenated to another literal: inside a constant, the span is inside the constant's own
/// literal.
/// </summary>
public sealed class TemplateDiagnosticLiteralFormsTests
{
    public enum Form
    {
        Regular,
        Verbatim,
        Raw,
        Constant,
        InterpolatedConstant,
        Concatenated,
    }

    public static TheoryData<string, string, string, string, Form> Rules()
    {
        var rules = new (string Template, string Id, string Underlined, string Words)[]
        {
            ("Hello {{ name | }}!", "PG0100", "|", "Nothing follows '|'"),
            ("Hello {{ name", "PG0100", "{{", "is never closed"),
            ("Hello {{ name } and more", "PG0100", "}", "ends with two braces"),
            ("Items: {{ for x in name }}{{ x }}", "PG0100", "for", "never closed"),
            ("{{ if name }}yes{{ endif }}", "PG0106", "endif", "not 'endif'"),
            ("Hello {{ name | upcase }}", "PG0106", "upcase", "Scriban's function is 'string.upcase'"),
            ("Hello {{ name | truncate: 20 }}", "PG0106", "truncate: 20", "Scriban writes 'string.truncate 20'"),
            ("Summarize {name} please", "PG0106", "{name}", "'{{ name }}'"),
            ("{% if name %}yes {{ name }}", "PG0106", "{% if name %}", "Liquid or Jinja tag"),
            ("Hello {{ name.first }}", "PG0103", "first", "'string' has no member 'first'"),
            ("Hello {{ nmae }}", "PG0101", "nmae", "'nmae' is not a parameter of method 'AskAsync', so rendering fails; did you mean 'name'?"),
            ("Lines: {{ for x in name.size }}{{ x }}{{ end }}", "PG0104", "name.size", "loops over 'name.size', a 'int'"),
        };
        var data = new TheoryData<string, string, string, string, Form>();
        foreach ((string template, string id, string underlined, string words) in rules)
        {
            foreach (Form form in Enum.GetValues<Form>())
            {
                data.Add(template, id, underlined, words, form);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void One_diagnostic_at_the_exact_characters_in_every_literal_form(string template, string id, string underlined, string words, Form form)
    {
        (string prompt, string constants) = Write(template, form);
        IReadOnlyList<Diagnostic> diagnostics = AllDiagnostics(Client(prompt), constants);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(words, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal(Expected(underlined, form), AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(form is Form.Constant or Form.InterpolatedConstant ? "File1.cs" : "File0.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    [Theory]
    [InlineData(Form.Regular, "\" \"")]
    [InlineData(Form.Verbatim, "@\"\"")]
    [InlineData(Form.Constant, "\"  \"")]
    [InlineData(Form.InterpolatedConstant, "\"  \"")]
    public void An_empty_template_is_PG0105_at_the_literal_that_writes_it(Form form, string literal)
    {
        string prompt = form switch
        {
            Form.Regular or Form.Verbatim => literal,
            Form.Constant => "Templates.Blank",
            _ => "Templates.FromHole",
        };
        const string Constants = """
            internal static class Templates
            {
                public const string Blank = "  ";
                public const string FromHole = $"{Blank}";
            }
            """;

        IReadOnlyList<Diagnostic> diagnostics = AllDiagnostics(Client(prompt), Constants);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0105", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(literal, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("The [Prompt] template of method 'AskAsync' renders no text", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_system_prompt_is_PG0105_and_a_media_only_user_turn_is_not()
    {
        string source = Client("\"Hello {{ name }}\"", extraMember: """
                [SystemPrompt("")]
                [Prompt("")]
                Task<string> LookAsync(PromptImage photo, CancellationToken cancellationToken);
            """);

        Diagnostic diagnostic = Assert.Single(AllDiagnostics(source, "internal static class Templates { }"));

        Assert.Equal("PG0105", diagnostic.Id);
        Assert.StartsWith("The [SystemPrompt] template of method 'LookAsync' renders no text, so Bedrock rejects", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the [SystemPrompt] line
    }

    /// <summary>The source text that writes <paramref name="value"/> in a literal of the form.</summary>
    private static string Expected(string value, Form form) => LiteralSourceMap.Escape(value, form switch
    {
        Form.Verbatim => LiteralKind.Verbatim,
        Form.Raw => LiteralKind.Raw,
        Form.InterpolatedConstant => LiteralKind.InterpolatedRegular,
        _ => LiteralKind.Regular,
    })!;

    private static (string Prompt, string Constants) Write(string template, Form form)
    {
        string regular = SymbolDisplay.FormatLiteral(template, quote: true);
        return form switch
        {
            Form.Regular => (regular, "internal static class Templates { }"),
            Form.Verbatim => ("@\"" + template.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", "internal static class Templates { }"),
            Form.Raw => ("\"\"\"\n        " + template + "\n        \"\"\"", "internal static class Templates { }"),
            Form.Constant => ("Templates.Prompt", $"internal static class Templates {{ public const string Prompt = {regular}; }}"),
            Form.Concatenated => ("\"Note: \" + " + regular, "internal static class Templates { }"),
            _ => (
                "Templates.Prompt",
                "internal static class Templates\n{\n    public const string Prefix = \"Note: \";\n    public const string Prompt = $\"{Prefix}"
                + LiteralSourceMap.Escape(template, LiteralKind.InterpolatedRegular) + "\";\n}\n"),
        };
    }

    [Theory]
    [InlineData(Form.Regular)]
    [InlineData(Form.Verbatim)]
    [InlineData(Form.Raw)]
    [InlineData(Form.Constant)]
    [InlineData(Form.InterpolatedConstant)]
    [InlineData(Form.Concatenated)]
    public void A_media_parameter_in_a_template_is_PG0212_at_the_variable_in_every_literal_form(Form form)
    {
        (string prompt, string constants) = Write("Describe {{ photo }} for {{ name }}", form);
        IReadOnlyList<Diagnostic> diagnostics = AllDiagnostics(Client(prompt, parameters: "string name, PromptImage photo"), constants);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0212", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("photo", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("'photo' is a media parameter of method 'AskAsync'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(form is Form.Constant or Form.InterpolatedConstant ? "File1.cs" : "File0.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    private static string Client(string prompt, string extraMember = "", string parameters = "string name") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
        public partial interface IPrompts
        {
            [Prompt({{prompt}})]
            Task<string> AskAsync({{parameters}}, CancellationToken cancellationToken);

        {{extraMember}}
        }
        """;

    /// <summary>What a build reports about the prompts: the generator's and the analyzers' diagnostics, and any CS error.</summary>
    private static IReadOnlyList<Diagnostic> AllDiagnostics(string source, string constants)
    {
        GeneratorRun run = GeneratorHarness.Run(source, "namespace Demo;\n" + constants);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
        return run.GeneratorDiagnostics.Concat(AnalyzerHarness.Run(source, "namespace Demo;\n" + constants)).ToList();
    }
}
