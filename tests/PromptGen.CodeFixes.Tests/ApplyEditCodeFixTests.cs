using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PromptGen.Generators.Analyzers;
using Xunit;

namespace PromptGen.CodeFixes.Tests;

/// <summary>
/// The edits PG0100, PG0106 and PG0006 carry: each removes its diagnostic and adds none (the test framework checks
/// the fixed code has no diagnostic of the analyzer and no compiler error). Spans are marked ⟦…⟧, since a template's
/// braces would read as the framework's own markup.
/// </summary>
public sealed class ApplyEditCodeFixTests
{
    private const string Method = "Task<string> AskAsync(string name, bool urgent, List<string> items, CancellationToken cancellationToken);";

    // PG0100, reported by the generator.

    [Theory]
    [InlineData("\"Hello ⟦{{⟧ name\"", "\"Hello {{ name }}\"")]
    [InlineData("\"Hello ⟦{{⟧ name\\nThanks.\"", "\"Hello {{ name }}\\nThanks.\"")]
    [InlineData("@\"Hello ⟦{{⟧ name\"", "@\"Hello {{ name }}\"")]
    [InlineData("\"\"\"\n        Hello ⟦{{⟧ name\n        Thanks.\n        \"\"\"", "\"\"\"\n        Hello {{ name }}\n        Thanks.\n        \"\"\"")]
    [InlineData("\"Hello {{ name ⟦}⟧ and more\"", "\"Hello {{ name }} and more\"")]
    [InlineData("\"Hello {{ name }}⟦{{⟧\"", "\"Hello {{ name }}\"")]
    public Task An_unclosed_code_block_is_closed(string literal, string fixedLiteral) =>
        VerifyGenerator("PG0100", $"    [Prompt({literal})]\n    {Method}", $"    [Prompt({fixedLiteral})]\n    {Method}");

    [Fact]
    public Task An_unclosed_code_block_in_a_constant_is_closed_inside_the_constant() =>
        VerifyGenerator(
            "PG0100",
            $"    const string Greeting = \"Hello ⟦{{{{⟧ name\";\n\n    [Prompt(Greeting)]\n    {Method}",
            $"    const string Greeting = \"Hello {{{{ name }}}}\";\n\n    [Prompt(Greeting)]\n    {Method}");

    // PG0106 that stops Scriban reading the template, reported by the generator.

    [Theory]
    [InlineData("\"{{ if urgent }}!{{ ⟦endif⟧ }}{{ name }}\"", "\"{{ if urgent }}!{{ end }}{{ name }}\"")]
    [InlineData("\"{{ if urgent }}!{{ ⟦elsif⟧ name }}?{{ end }}\"", "\"{{ if urgent }}!{{ else if name }}?{{ end }}\"")]
    [InlineData("\"{{ name | string.truncate⟦:⟧ 20 }}{{ urgent }}\"", "\"{{ name | string.truncate 20 }}{{ urgent }}\"")]
    [InlineData("\"⟦{{{⟧ name }}} {{ urgent }}\"", "\"{{ name }} {{ urgent }}\"")]
    public Task A_block_keyword_or_argument_from_another_language_is_written_in_Scriban(string literal, string fixedLiteral) =>
        VerifyGenerator("PG0106", $"    [Prompt({literal})]\n    {Method}".Replace("List<string> items, ", string.Empty, StringComparison.Ordinal), $"    [Prompt({fixedLiteral})]\n    {Method}".Replace("List<string> items, ", string.Empty, StringComparison.Ordinal));

    // PG0106 in a template Scriban reads, reported by the analyzer.

    [Theory]
    [InlineData("\"{{ name | ⟦upcase⟧ }} {{ urgent }} {{ items }}\"", "\"{{ name | string.upcase }} {{ urgent }} {{ items }}\"")]
    [InlineData("\"{{ items | ⟦join⟧ ', ' }} {{ name }} {{ urgent }}\"", "\"{{ items | array.join ', ' }} {{ name }} {{ urgent }}\"")]
    [InlineData("\"{{ name | ⟦truncate: 20⟧ }} {{ urgent }} {{ items }}\"", "\"{{ name | string.truncate 20 }} {{ urgent }} {{ items }}\"")]
    [InlineData("\"Summarize ⟦{name}⟧ {{ urgent }} {{ items }}\"", "\"Summarize {{ name }} {{ urgent }} {{ items }}\"")]
    [InlineData("\"{{ if urgent ⟦and⟧ name }}!{{ end }} {{ items }}\"", "\"{{ if urgent && name }}!{{ end }} {{ items }}\"")]
    [InlineData("\"{{ for item in items }}{{ ⟦loop.index⟧ }}: {{ item }}{{ end }} {{ name }} {{ urgent }}\"", "\"{{ for item in items }}{{ for.index + 1 }}: {{ item }}{{ end }} {{ name }} {{ urgent }}\"")]
    [InlineData("\"⟦{% set total = items.size %}⟧{{ total }} {{ name }} {{ urgent }}\"", "\"{{ total = items.size }}{{ total }} {{ name }} {{ urgent }}\"")]
    [InlineData("@\"{{ name | ⟦upper⟧ }} {{ urgent }} {{ items }}\"", "@\"{{ name | string.upcase }} {{ urgent }} {{ items }}\"")]
    [InlineData("\"\"\"\n        {{ name | ⟦lower⟧ }}\n        {{ urgent }} {{ items }}\n        \"\"\"", "\"\"\"\n        {{ name | string.downcase }}\n        {{ urgent }} {{ items }}\n        \"\"\"")]
    public Task A_filter_keyword_or_placeholder_from_another_language_is_written_in_Scriban(string literal, string fixedLiteral) =>
        Verify<TemplateVariableAnalyzer>("PG0106", $"    [Prompt({literal})]\n    {Method}", $"    [Prompt({fixedLiteral})]\n    {Method}");

    [Fact]
    public Task Fix_all_writes_every_tag_in_Scriban()
    {
        // One fix leaves the loop open until its ending is written too (then the generator points at '{% endfor %}').
        string marked = Sources.Client($"    [Prompt(\"⟦{{% for item in items %}}⟧{{{{ item }}}}⟦{{% endfor %}}⟧ {{{{ name }}}} {{{{ urgent }}}}\")]\n    {Method}", usings: Usings);
        var test = CodeFixVerifier<TemplateVariableAnalyzer, ApplyEditCodeFix>.Create(
            Unmarked(marked),
            Sources.Client($"    [Prompt(\"{{{{ for item in items }}}}{{{{ item }}}}{{% endfor %}} {{{{ name }}}} {{{{ urgent }}}}\")]\n    {Method}", usings: Usings));
        test.BatchFixedCode = Sources.Client($"    [Prompt(\"{{{{ for item in items }}}}{{{{ item }}}}{{{{ end }}}} {{{{ name }}}} {{{{ urgent }}}}\")]\n    {Method}", usings: Usings);
        test.NumberOfIncrementalIterations = 1;
        foreach ((int start, int end) in Marked(marked))
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult("PG0106", DiagnosticSeverity.Error).WithSpan(Line(marked, start), Column(marked, start), Line(marked, end), Column(marked, end)));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task A_Liquid_ending_after_a_Scriban_block_is_written_in_Scriban() =>
        VerifyGenerator(
            "PG0106",
            $"    [Prompt(\"{{{{ for item in items }}}}{{{{ item }}}}⟦{{% endfor %}}⟧ {{{{ name }}}} {{{{ urgent }}}}\")]\n    {Method}",
            $"    [Prompt(\"{{{{ for item in items }}}}{{{{ item }}}}{{{{ end }}}} {{{{ name }}}} {{{{ urgent }}}}\")]\n    {Method}");

    // PG0006, reported by the generator.

    [Theory]
    [InlineData("⟦ref⟧ string name", "string name")]
    [InlineData("⟦in⟧ string name", "string name")]
    [InlineData("⟦ref readonly⟧ string name", "string name")]
    public Task A_modifier_on_an_input_is_removed(string parameter, string fixedParameter) =>
        VerifyGenerator(
            "PG0006",
            $"    [Prompt(\"Hi {{{{ name }}}}\")]\n    Task<string> GreetAsync({parameter}, CancellationToken cancellationToken);",
            $"    [Prompt(\"Hi {{{{ name }}}}\")]\n    Task<string> GreetAsync({fixedParameter}, CancellationToken cancellationToken);");

    [Fact]
    public Task An_out_parameter_gets_no_fix_its_value_belongs_in_the_result() =>
        VerifyGenerator(
            "PG0006",
            "    [Prompt(\"Hi {{ name }}\")]\n    Task<string> GreetAsync(string name, ⟦out⟧ string greeting, CancellationToken cancellationToken);",
            null);

    [Fact]
    public Task No_fix_where_the_template_is_not_written_as_itself() =>
        // An escape inside the code block: the edit's text is not in the source as written, so nothing is offered.
        VerifyGenerator("PG0100", "    [Prompt(\"Hello ⟦{{⟧ nam\\u0065\")]\n    " + Method, null);

    private const string Usings = "using System.Collections.Generic;\nusing System.Threading;\n";

    private static Task VerifyGenerator(string id, string members, string? fixedMembers) =>
        Verify<GeneratorDiagnosticAnalyzer>(id, members, fixedMembers);

    /// <param name="fixedMembers">Null when no fix may be offered.</param>
    private static Task Verify<TAnalyzer>(string id, string members, string? fixedMembers)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        string source = Sources.Client(members, usings: Usings);
        var test = CodeFixVerifier<TAnalyzer, ApplyEditCodeFix>.Create(
            Unmarked(source),
            fixedMembers is null ? Unmarked(source) : Sources.Client(fixedMembers, usings: Usings));
        foreach ((int start, int end) in Marked(source))
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(id, DiagnosticSeverity.Error).WithSpan(Line(source, start), Column(source, start), Line(source, end), Column(source, end)));
        }

        return test.RunAsync();
    }

    private static string Unmarked(string source) => source.Replace("⟦", string.Empty, StringComparison.Ordinal).Replace("⟧", string.Empty, StringComparison.Ordinal);

    /// <summary>The marked spans as offsets into the unmarked source.</summary>
    private static (int Start, int End)[] Marked(string source)
    {
        var spans = new System.Collections.Generic.List<(int, int)>();
        int removed = 0;
        for (int i = source.IndexOf('⟦', StringComparison.Ordinal); i >= 0; i = source.IndexOf('⟦', i + 1))
        {
            int close = source.IndexOf('⟧', i);
            spans.Add((i - removed, close - removed - 1));
            removed += 2;
        }

        return spans.ToArray();
    }

    private static int Line(string source, int offset) => Unmarked(source).Substring(0, offset).Split('\n').Length;

    private static int Column(string source, int offset)
    {
        string before = Unmarked(source).Substring(0, offset);
        return before.Length - before.LastIndexOf('\n');
    }
}
