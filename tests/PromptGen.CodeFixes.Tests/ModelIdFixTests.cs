using System.Threading.Tasks;
using PromptGen.Generators.Analyzers;
using Xunit;

namespace PromptGen.CodeFixes.Tests;

/// <summary>The PG02xx fixes, driven by the real model-id analyzer and catalog.</summary>
public sealed class ModelIdFixTests
{
    private const string Members = """
            [Prompt("Hi {{ name }}")]
            Task<string> GreetAsync(string name, CancellationToken cancellationToken);
        """;

    private static string WithModel(string literal) => Sources.Client(Members, clientAttribute: $"[PromptClient(Model = {literal})]");

    private static string OnMethod(string literal) => Sources.Client($"    [Model({literal})]\n" + Members);

    [Fact]
    public Task Unknown_model_is_replaced_with_the_chosen_suggestion() =>
        CodeFixVerifier<ModelIdAnalyzer, ReplaceUnknownModelCodeFix>.VerifyAsync(
            WithModel("{|PG0201:\"us.amazon.nova-mikro-v1:0\"|}"),
            WithModel("\"us.amazon.nova-micro-v1:0\""),
            ReplaceUnknownModelCodeFix.EquivalenceKeyPrefix + "us.amazon.nova-micro-v1:0");

    [Fact]
    public Task End_of_life_model_is_replaced_with_its_successor_keeping_the_profile() =>
        CodeFixVerifier<ModelIdAnalyzer, ReplaceWithSuccessorModelCodeFix>.VerifyAsync(
            OnMethod("{|PG0204:\"us.anthropic.claude-3-haiku-20240307-v1:0\"|}"),
            OnMethod("\"us.anthropic.claude-haiku-4-5-20251001-v1:0\""));

    [Fact]
    public Task Legacy_model_is_replaced_with_its_successor() =>
        CodeFixVerifier<ModelIdAnalyzer, ReplaceWithSuccessorModelCodeFix>.VerifyAsync(
            OnMethod("{|PG0203:\"us.anthropic.claude-3-opus-20240229-v1:0\"|}"),
            OnMethod("\"us.anthropic.claude-opus-4-5-20251101-v1:0\""));

    [Theory]
    [InlineData("us")]
    [InlineData("eu")]
    [InlineData("global")]
    public Task Base_id_gets_the_chosen_profile_prefix(string prefix) =>
        CodeFixVerifier<ModelIdAnalyzer, AddInferenceProfilePrefixCodeFix>.VerifyAsync(
            WithModel("{|PG0205:\"anthropic.claude-sonnet-4-5-20250929-v1:0\"|}"),
            WithModel($"\"{prefix}.anthropic.claude-sonnet-4-5-20250929-v1:0\""),
            AddInferenceProfilePrefixCodeFix.EquivalenceKeyPrefix + prefix);
}
