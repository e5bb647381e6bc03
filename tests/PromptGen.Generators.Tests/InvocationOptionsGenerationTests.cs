using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// [Guardrail], [CachePoint], [LatencyOptimized], [ServiceTier], [ModelRequestFields], [Reasoning] and
/// [RequestMetadata]: the code they generate, how interface and method settings combine, and the two mistakes that
/// stop generation (PG0015, PG0016) at their exact place.
/// </summary>
public sealed class InvocationOptionsGenerationTests
{
    internal const string FeaturePrompts = """"
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "us.amazon.nova-pro-v1:0")]
        [Guardrail("gr1support", "3", Trace = GuardrailTrace.Enabled)]
        [RequestMetadata("app", "support-bot")]
        [ModelRequestFields("""{"inferenceConfig": {"topK": 20}, "note": "interface"}""")]
        [SystemPrompt("You answer questions about the manual.")]
        public partial interface IFeaturePrompts
        {
            [CachePoint(CacheAfter.System)]
            [RequestMetadata("feature", "answers")]
            [Prompt("Answer: {{ question }}")]
            Task<string> AnswerAsync(string question, [RequestMetadata] IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken = default);

            [Model("us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
            [Reasoning(BudgetTokens = 2048)]
            [ModelRequestFields("""{"note": "method"}""")]
            [Inference(MaxTokens = 4096)]
            [Prompt("Solve: {{ puzzle }}")]
            Task<string> SolveAsync(string puzzle, CancellationToken cancellationToken = default);

            [LatencyOptimized]
            [ServiceTier(ServiceTier.Flex)]
            [Guardrail("gr1support", "DRAFT", Trace = GuardrailTrace.EnabledFull, StreamProcessing = GuardrailStreamProcessing.Async)]
            [CachePoint(CacheAfter.System | CacheAfter.Prompt, Ttl = CacheTtl.OneHour)]
            [Prompt("Explain: {{ topic }}")]
            PromptStream ExplainAsync(string topic, CancellationToken cancellationToken = default);
        }
        """";

    private static string Client(string members, string interfaceAttributes = "") => $$"""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        [PromptClient(Model = "us.amazon.nova-pro-v1:0")]
        {{interfaceAttributes}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    [Fact]
    public void Every_option_matches_the_approved_snapshot_and_compiles_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run(FeaturePrompts);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        SnapshotAssert.Matches("FeaturePrompts", run.GeneratedSource("IFeaturePrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Method_fields_override_interface_fields_member_by_member_and_reasoning_adds_thinking()
    {
        string source = GeneratorHarness.Run(FeaturePrompts).GeneratedSource("IFeaturePrompts.PromptClient.g.cs");

        Assert.Contains("""ParseFields("{\"inferenceConfig\":{\"topK\": 20},\"note\":\"method\",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}}")""", source, System.StringComparison.Ordinal);
        Assert.Contains("""ParseFields("{\"inferenceConfig\":{\"topK\": 20},\"note\":\"interface\"}")""", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_stream_processing_mode_is_sent_only_by_streaming_methods()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name);
            """, """[Guardrail("gr1", "1", StreamProcessing = GuardrailStreamProcessing.Async)]"""));

        string source = GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs"));
        Assert.Contains("""GuardrailConfig = new global::PromptGen.Bedrock.GuardrailConfiguration { GuardrailIdentifier = "gr1", GuardrailVersion = "1" }""", source, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"\"{\"top_k\": 50,}\"\"\"", "}", "expected a member name in double quotes")]
    [InlineData("\"[1, 2]\"", "[", "must be a JSON object")]
    [InlineData("\"{\\\"top_k\\\": fifty}\"", "f", "invalid JSON value (strings need double quotes)")]
    [InlineData("\"{\\\"a\\\": 1} extra\"", "extra", "unexpected text after the JSON object")]
    public void Model_request_fields_that_are_not_one_json_object_are_reported_inside_the_literal(string literal, string expectedText, string expectedMessage)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$$"""
                [ModelRequestFields({{{literal}}})]
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name);
            """));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0016");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Equal(expectedText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains(expectedMessage, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_interface_level_json_mistake_is_reported_once()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name);

                [Prompt("Bye {{ name }}")]
                Task<string> LeaveAsync(string name);
            """, """[ModelRequestFields("{oops}")]"""));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0016");
        Assert.Equal("o", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Theory]
    [InlineData("[RequestMetadata] string tenant", "tenant", "is not an IReadOnlyDictionary<string, string>")]
    [InlineData("[RequestMetadata] IReadOnlyDictionary<string, int> tags", "tags", "is not an IReadOnlyDictionary<string, string>")]
    [InlineData("[RequestMetadata] IReadOnlyDictionary<string, string> a, [RequestMetadata] Dictionary<string, string> b", "b", "'a' already holds the method's request metadata")]
    public void A_request_metadata_parameter_must_be_one_string_dictionary(string parameters, string expectedText, string expectedMessage)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$$"""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, {{{parameters}}});
            """));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PG0015");
        Assert.Equal(expectedText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains(expectedMessage, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_dictionary_subtype_is_accepted_for_request_metadata()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, [RequestMetadata] Dictionary<string, string> tags);
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("RequestMetadata = global::PromptGen.CompilerServices.InvocationOptionValues.Metadata(null, tags)", GeneratedText.Flat(run.GeneratedSource("IPrompts.PromptClient.g.cs")), System.StringComparison.Ordinal);
    }
}
