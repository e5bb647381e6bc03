using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class DiagnosticTests
{
    private static string Client(string members, string clientAttribute = "[PromptClient(Model = \"amazon.nova-micro-v1:0\")]", string modifiers = "public partial") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        {{clientAttribute}}
        {{modifiers}} interface IPrompts
        {
        {{members}}
        }
        """;

    /// <summary>The one diagnostic the generator reported, and the source text it points at.</summary>
    private static (Diagnostic Diagnostic, string Text) Single(GeneratorRun run, string id)
    {
        Assert.Null(run.Result.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        // A source location (not an external-file one) is what lets #pragma and .editorconfig apply in a real build.
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        return (diagnostic, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void Template_syntax_error_is_reported_inside_the_literal_and_nothing_throws()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hello {{ name | }}!")]
                Task<string> GreetAsync(string name);
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0100");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("Nothing follows '|': a pipe sends the value on its left into a function", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal("|", text);
        // The method still compiles (its body throws), so the template error is the only error the user sees.
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"Line one\\n\\tHello {{ name | }}!\"")]
    [InlineData("@\"Say \"\"hi\"\"\nHello {{ name | }}!\"")]
    [InlineData("\"\"\"Say \"hi\" Hello {{ name | }}!\"\"\"")]
    [InlineData("\"\"\"\n        Say \"hi\"\n          Hello {{ name | }}!\n        \"\"\"")]
    public void Template_error_location_survives_escapes_verbatim_and_raw_strings(string literal)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$"""
                [Prompt({{literal}})]
                Task<string> GreetAsync(string name);
            """));

        (_, string text) = Single(run, "PG0100");

        Assert.Equal("|", text);
    }

    [Fact]
    public void Template_error_in_a_constant_is_underlined_inside_the_constant()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                const string Greeting = "Hello {{ name | }}!";

                [Prompt(Greeting)]
                Task<string> GreetAsync(string name);
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0100");

        Assert.Equal("|", text);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the constant's line
    }

    [Fact]
    public void Interface_level_system_prompt_error_is_reported_once()
    {
        GeneratorRun run = GeneratorHarness.Run(Client(
            """
                [Prompt("One {{ name }}")]
                Task<string> OneAsync(string name);

                [Prompt("Two {{ name }}")]
                Task<string> TwoAsync(string name);
            """,
            clientAttribute: "[PromptClient(Model = \"amazon.nova-micro-v1:0\"), SystemPrompt(\"You are {{ name | }}\")]"));

        (Diagnostic diagnostic, string text) = Single(run, "PG0100");

        Assert.Equal("|", text);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the interface's attribute line
        Assert.DoesNotContain("OneUserTemplate", run.Result.GeneratedSources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Interface_that_is_not_partial_is_reported_on_its_name()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi")]
                Task<string> GreetAsync();
            """, modifiers: "public"));

        (Diagnostic diagnostic, string text) = Single(run, "PG0001");

        Assert.Equal("IPrompts", text);
        Assert.Contains("add the 'partial' modifier", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Unsupported_return_type_is_reported_on_the_return_type()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi")]
                string Greet();
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0002");

        Assert.Equal("string", text);
        Assert.Contains("return Task<T> or ValueTask<T>", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Task<object>", "Task<object>", "'object' at $ has no JSON shape")]
    [InlineData("Task<Holder>", "Payload", "'object' at $.payload has no JSON shape")]
    [InlineData("Task<System.Collections.Generic.Dictionary<int, string>>", "Task<System.Collections.Generic.Dictionary<int, string>>", "has 'int' keys")]
    [InlineData("Task<System.IDisposable>", "Task<System.IDisposable>", "the interface 'System.IDisposable' at $ has no concrete shape")]
    [InlineData("Task<System.Action>", "Task<System.Action>", "the delegate 'System.Action' at $ has no concrete shape")]
    public void Result_type_without_a_JSON_shape_is_reported_where_the_construct_is_declared(string returnType, string underlined, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$"""
                [Prompt("Hi")]
                {{returnType}} GreetAsync();
            """) + "\npublic sealed record Holder(object Payload);\n");

        (Diagnostic diagnostic, string text) = Single(run, "PG0300");

        // The result type itself at the return type; a member's construct at the member's declaration.
        Assert.Equal(underlined, text);
        Assert.Contains(expected, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_model_is_reported_on_the_method()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi")]
                Task<string> GreetAsync();
            """, clientAttribute: "[PromptClient]"));

        (Diagnostic diagnostic, string text) = Single(run, "PG0200");

        Assert.Equal("GreetAsync", text);
        Assert.Contains("[Model(\"...\")]", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Method_level_model_satisfies_a_client_without_one()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi"), Model("amazon.nova-micro-v1:0")]
                Task<string> GreetAsync();
            """, clientAttribute: "[PromptClient]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Method_without_a_prompt_is_reported()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                Task<string> GreetAsync();
            """));

        (_, string text) = Single(run, "PG0004");

        Assert.Equal("GreetAsync", text);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Ref_parameter_is_reported_on_the_modifier()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(ref string name);
            """));

        (Diagnostic diagnostic, string text) = Single(run, "PG0006");

        Assert.Equal("ref", text);
        Assert.Contains("declared 'ref'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string Name { get; }", "is a property")]
    [InlineData("[Prompt(\"Hi\")] Task<string> GreetAsync<T>(T value);", "is generic")]
    public void Members_that_cannot_be_prompts_are_reported(string member, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(Client(member));

        (Diagnostic diagnostic, _) = Single(run, "PG0005");

        Assert.Contains(expected, diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[PromptClient(Model = 42)] public partial interface IBad { [Prompt(\"x\")] Task<string> A(); }")]
    [InlineData("[PromptClient] public partial interface IBad { [Prompt(null)] Task<string> A(); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt] Task<string> A(); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"{{\")] Task<string> A(Missing m); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad<T> { [Prompt(\"x\")] Task<T> A(); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<string> A(; }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] event System.Action E; }")]
    [InlineData("public class C { [PromptClient(Model = \"m\")] partial interface IBad { [Prompt(\"x\")] Task<string> A(); } }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\" + 1)] Task<string> A(params string[] rest); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<(int A, string B)> A(); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<Missing> A(); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<R> A(); } public record R(R? Next, System.Collections.Generic.Dictionary<string, R[]> All);")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<C> A(); } public class C { private C() { } public int X { get; set; } }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<E> A(); } public enum E { }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [Prompt(\"x\")] Task<int[,]> A(); }")]
    [InlineData("[PromptClient(Model = \"m\")] public partial interface IBad { [StructuredOutput(Strategy = (PromptGen.StructuredOutputStrategy)42)] [Prompt(\"x\")] Task<int> A(); }")]
    public void The_generator_never_throws_on_broken_input(string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run("using System.Threading.Tasks; using PromptGen; namespace Demo; " + declaration);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PG0099");
    }
}
