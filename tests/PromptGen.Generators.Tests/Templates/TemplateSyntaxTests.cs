using System;
using PromptGen.Generators.Templates;
using Xunit;

namespace PromptGen.Generators.Tests.Templates;

/// <summary>
/// The template syntax diagnosis on its own: each kind of mistake gets one problem, in PromptGen's words, at the
/// token that opened it, and its edit (when there is one) leaves a template that reads.
/// </summary>
public sealed class TemplateSyntaxTests
{
    private const string Syntax = "PG0100";
    private const string Habit = "PG0106";

    [Theory]
    // Code blocks that do not close, or close with one brace.
    [InlineData("Hello {{ name", Syntax, "{{", "is never closed", "Hello {{ name }}")]
    [InlineData("Hello {{ name\nBye", Syntax, "{{", "is never closed", "Hello {{ name }}\nBye")]
    [InlineData("Hello {{ name\nand {{ count }}", Syntax, "{{", "not closed before the next '{{'", "Hello {{ name }}\nand {{ count }}")]
    [InlineData("Hello {{ name and bye {{ count }}", Syntax, "{{", "not closed before the next '{{'", null)]
    [InlineData("{{ ticket.title }}{{", Syntax, "{{", "opens code that never comes", "{{ ticket.title }}")]
    [InlineData("{{ name }", Syntax, "}", "ends with two braces", "{{ name }}")]
    [InlineData("Hi {{ name } and {{ count }}", Syntax, "}", "ends with two braces", "Hi {{ name }} and {{ count }}")]
    [InlineData("{{ {{ name }} }}", Syntax, "{{", "not closed before the next '{{'", null)]
    // Strings, escapes and numbers.
    [InlineData("{{ \"unterminated }}", Syntax, "\"", "string is never closed", null)]
    [InlineData("{{ name | string.append 'x }}", Syntax, "'", "single quote", null)]
    [InlineData("{{ \"a\\q\" }}", Syntax, "\\q", "not an escape", null)]
    [InlineData("{{ 0x }}", Syntax, "0x", "not a number", null)]
    [InlineData("{{ 1e }}", Syntax, "1e", "not a number", null)]
    // Expressions missing a part: at the token that needs it.
    [InlineData("Hello {{ name | }}!", Syntax, "|", "Nothing follows '|'", null)]
    [InlineData("{{ name | | string.upcase }}", Syntax, "|", "Nothing follows '|'", null)]
    [InlineData("{{ name }} {{ | }}", Syntax, "|", "Nothing comes before this '|'", null)]
    [InlineData("{{ name\n  | string.upcase }}", Syntax, "|", "Nothing comes before this '|'", null)]
    [InlineData("{{ 'a' + }}", Syntax, "+", "Nothing follows '+'", null)]
    [InlineData("{{ count == }}", Syntax, "==", "Nothing follows '=='", null)]
    [InlineData("{{ ticket. }}", Syntax, ".", "A member name must follow '.'", null)]
    [InlineData("{{ (name }}", Syntax, "(", "is never closed", null)]
    [InlineData("{{ name) }}", Syntax, ")", "closes nothing", null)]
    [InlineData("{{ items[0 }}", Syntax, "[", "is never closed", null)]
    [InlineData("{{ items[] }}", Syntax, "[", "needs an index", null)]
    [InlineData("{{ name, count }}", Syntax, ",", "separates nothing", null)]
    [InlineData("{{ array.join items, \", \" }}", Syntax, ",", "arguments after spaces", null)]
    [InlineData("{{ x = }}", Syntax, "=", "Nothing follows '='", null)]
    [InlineData("{{ if }}a{{ end }}", Syntax, "if", "needs a condition", null)]
    [InlineData("{{ for x in }}{{ end }}", Syntax, "in", "collection to loop over", null)]
    [InlineData("{{ for x items }}{{ end }}", Syntax, "for", "'for <name> in <collection>'", null)]
    // Blocks: at the tag that opened the problem.
    [InlineData("{{ for x in items }}{{ x }}", Syntax, "for", "never closed", null)]
    [InlineData("{{ if flag }}yes", Syntax, "if", "never closed", null)]
    [InlineData("{{ if flag }}{{ for x in items }}{{ end }}", Syntax, "if", "never closed", null)]
    [InlineData("{{ while flag }}x", Syntax, "while", "never closed", null)]
    [InlineData("{{ capture c }}x", Syntax, "capture", "never closed", null)]
    [InlineData("{{ case name }}{{ when \"a\" }}x", Syntax, "case", "never closed", null)]
    [InlineData("{{ end }}", Syntax, "end", "closes nothing", null)]
    [InlineData("{{ for x in items }}{{ x }}{{ end }}{{ end }}", Syntax, "end", "closes nothing", null)]
    [InlineData("{{ else }}", Syntax, "else", "has no 'if' before it", null)]
    [InlineData("{{ when.year }}", Syntax, "when", "Scriban keyword", null)]
    // Habits of Liquid, Jinja and Mustache that stop Scriban reading the template.
    [InlineData("{{ if flag }}yes{{ endif }}", Habit, "endif", "not 'endif'", "{{ if flag }}yes{{ end }}")]
    [InlineData("{{ for x in items }}{{ x }}{{ endfor }}", Habit, "endfor", "not 'endfor'", "{{ for x in items }}{{ x }}{{ end }}")]
    [InlineData("{{ endif }}", Habit, "endif", "no block is open here", null)]
    [InlineData("{{ if a }}x{{ elsif b }}y{{ end }}", Habit, "elsif", "'else if'", "{{ if a }}x{{ else if b }}y{{ end }}")]
    [InlineData("{{ if a }}x{{ elif b }}y{{ end }}", Habit, "elif", "'else if'", "{{ if a }}x{{ else if b }}y{{ end }}")]
    [InlineData("{{ set total = 1 }}{{ total }}", Habit, "set", "without a keyword", "{{ total = 1 }}{{ total }}")]
    [InlineData("{{ assign total = 1 }}{{ total }}", Habit, "assign", "without a keyword", "{{ total = 1 }}{{ total }}")]
    [InlineData("{{ unless flag }}x{{ end }}", Habit, "unless", "'if !(", null)]
    [InlineData("{{ name | string.truncate: 20 }}", Habit, ":", "not after ':'", "{{ name | string.truncate 20 }}")]
    [InlineData("{{{ name }}}", Habit, "{{{", "Mustache", "{{ name }}")]
    [InlineData("{{{ name }}", Habit, "{{{", "Mustache", null)]
    public void Each_mistake_is_one_problem_at_the_token_that_opened_it(string template, string id, string underlined, string words, string? fixedTemplate)
    {
        TemplateCheck check = TemplateSyntax.Check(template);

        TemplateProblem problem = Assert.IsType<TemplateProblem>(check.Problem);
        Assert.Null(check.Parsed);
        Assert.Equal(id, problem.Id);
        Assert.Equal(underlined, template.Substring(problem.Start, problem.End - problem.Start));
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
        TemplateWording.AssertOwnWords(template, problem.Message);
        if (fixedTemplate is null)
        {
            return;
        }

        TemplateEdit fix = Assert.IsType<TemplateEdit>(problem.Fix);
        string applied = template.Substring(0, fix.Start) + fix.Replacement + template.Substring(fix.End);
        Assert.Equal(fixedTemplate, applied);
        Assert.Null(TemplateSyntax.Check(applied).Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Plain text, {\"json\": {\"nested\": true}} and a stray }} brace")]
    [InlineData("Hello {{ name }}!")]
    [InlineData("{{ name | string.upcase }} {{ items | array.join \", \" }}")]
    [InlineData("{{ for x in items }}{{ for.index }}: {{ x }}{{ else }}none{{ end }}")]
    [InlineData("{{ if a }}x{{ else if b }}y{{ else }}z{{ end }}")]
    [InlineData("{{ case kind }}{{ when \"a\" }}A{{ else }}B{{ end }}")]
    [InlineData("{{ capture c }}x{{ end }}{{ c }}")]
    [InlineData("{{- name -}} {{~ name ~}}")]
    [InlineData("{{ # a comment }} {{ ## a block ## }}")]
    [InlineData("{%{ {{ not code }} }%}")]
    [InlineData("{{ x = {a: 1} }}{{ x.a }}")]
    [InlineData("{{ func double(v); ret v * 2; end }}{{ double 2 }}")]
    public void A_valid_template_has_no_problem(string template)
    {
        TemplateCheck check = TemplateSyntax.Check(template);

        Assert.Null(check.Problem);
        Assert.NotNull(check.Page);
    }
}
