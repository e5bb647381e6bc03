using System.Threading.Tasks;
using PromptGen.Generators.Analyzers;
using Xunit;

namespace PromptGen.CodeFixes.Tests;

/// <summary>Where a fix must not appear although its diagnostic does (see <see cref="NoFixVerifier{TAnalyzer, TCodeFix}"/>).</summary>
public sealed class FixNotOfferedTests
{
    private const string Greet = """
            [Prompt("Hi {{ name }}")]
            Task<string> GreetAsync(string name, CancellationToken cancellationToken);
        """;

    private static Task NoFix<TAnalyzer, TCodeFix>(string source)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
        NoFixVerifier<TAnalyzer, TCodeFix>.VerifyAsync(source);

    [Fact]
    public Task PG0101_without_a_close_parameter() =>
        NoFix<TemplateVariableAnalyzer, ReplaceTemplateVariableCodeFix>(Sources.Client("""
                [Prompt("Hi {{ name }} from {|PG0101:{{ company }}|}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """).Replace("{|PG0101:{{ company }}|}", "{{ {|PG0101:company|} }}"));

    [Fact]
    public Task PG0201_without_any_close_catalog_id() =>
        NoFix<ModelIdAnalyzer, ReplaceUnknownModelCodeFix>(
            Sources.Client(Greet, clientAttribute: "[PromptClient(Model = {|PG0201:\"acme.totally-new-model-v9:0\"|})]"));

    [Fact]
    public Task PG0201_on_a_constant_rather_than_a_literal() =>
        NoFix<ModelIdAnalyzer, ReplaceUnknownModelCodeFix>(
            Sources.Client(Greet, clientAttribute: "[PromptClient(Model = {|PG0201:Models.Micro|})]")
            + "\ninternal static class Models { public const string Micro = \"us.amazon.nova-mikro-v1:0\"; }\n");

    [Fact]
    public Task PG0204_on_a_constant_rather_than_a_literal() =>
        NoFix<ModelIdAnalyzer, ReplaceWithSuccessorModelCodeFix>(
            Sources.Client("    [Model({|PG0204:Models.Old|})]\n" + Greet)
            + "\ninternal static class Models { public const string Old = \"us.anthropic.claude-3-haiku-20240307-v1:0\"; }\n");

    [Fact]
    public Task PG0204_when_the_catalog_names_no_successor() =>
        NoFix<ModelIdAnalyzer, ReplaceWithSuccessorModelCodeFix>(
            Sources.Client("    [Model({|PG0204:\"cohere.command-r-plus-v1:0\"|})]\n" + Greet));

    [Fact]
    public Task PG0205_on_a_constant_rather_than_a_literal() =>
        NoFix<ModelIdAnalyzer, AddInferenceProfilePrefixCodeFix>(
            Sources.Client(Greet, clientAttribute: "[PromptClient(Model = {|PG0205:Models.Sonnet|})]")
            + "\ninternal static class Models { public const string Sonnet = \"anthropic.claude-sonnet-4-5-20250929-v1:0\"; }\n");

    [Fact]
    public Task PG0007_after_a_params_array() =>
        NoFix<CancellationTokenAnalyzer, AddCancellationTokenCodeFix>(Sources.Client("""
                [Prompt("Tags: {{ tags }}")]
                Task<string> {|PG0007:TagAsync|}(params string[] tags);
            """));

    [Fact]
    public Task PG0001_fix_is_not_offered_for_a_non_partial_containing_type() =>
        // PG0005 (the containing class is not partial) is not PG0001: making the interface partial would not help.
        NoFix<GeneratorDiagnosticAnalyzer, MakeInterfacePartialCodeFix>(NestedInNonPartialClass);

    private const string NestedInNonPartialClass = """
        using System.Threading.Tasks;
        using PromptGen;

        public static class Outer
        {
            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts
            {
                [Prompt("Hi")]
                Task<string> HiAsync();
            }
        }
        """;

    [Fact]
    public Task PG0103_fix_is_not_offered_for_a_misspelt_variable() =>
        NoFix<TemplateVariableAnalyzer, ReplaceTemplateMemberCodeFix>(Sources.Client("""
                [Prompt("Hi {{ {|PG0101:nam|} }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """));
}
