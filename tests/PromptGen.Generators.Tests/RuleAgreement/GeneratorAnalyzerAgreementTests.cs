using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>
/// The generator and the analyzers decide alike, method by method, over every prompt interface of the repository:
/// which model a method calls, its fallback models, its system prompt, the result strategy for each of its models and
/// its inference settings. Both read these from <c>PromptMethodRules</c> today; this keeps it so.
/// </summary>
public sealed class GeneratorAnalyzerAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void The_test_sources_get_the_same_decisions_from_the_generator_and_the_analyzers() =>
        AssertAgreement(CorpusRuns.TestSourceStrings, minimumMethods: 50);

    [Fact]
    public void The_samples_and_test_projects_get_the_same_decisions_from_the_generator_and_the_analyzers() =>
        AssertAgreement(CorpusRuns.RepositoryPromptFiles, minimumMethods: 80);

    [Fact]
    public void The_generated_corpora_get_the_same_decisions_from_the_generator_and_the_analyzers() =>
        // A developer's run takes a third of the never-throw corpus's half-typed attributes (NeverThrowSources.IsFull).
        AssertAgreement(CorpusRuns.GeneratedSources, minimumMethods: NeverThrowSources.IsFull ? 2000 : 800);

    [Fact]
    public void Every_edge_case_is_generated_and_gets_the_same_decisions()
    {
        CorpusDecisions decisions = EdgeCaseDecisions();

        Assert.Equal(9, decisions.Generator.Count);
        List<string> disagreements = DecisionComparison.Disagreements(nameof(RuleEdgeCases), decisions.Generator, decisions.Analyzers);
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));

        // The rules themselves, on the method that meets most of them: null model ids pass on to the assembly
        // default, the method's null system prompt hides the interface's, blank fallback ids are skipped, and each
        // inference setting the method leaves unset (an empty stop list included) comes from the interface.
        Assert.Equal(
            new MethodDecision(
                "us.amazon.nova-micro-v1:0",
                "us.amazon.nova-lite-v1:0, us.anthropic.claude-haiku-4-5-20251001-v1:0",
                MethodDecision.None,
                "us.amazon.nova-micro-v1:0: ForcedTool, us.amazon.nova-lite-v1:0: ForcedTool, us.anthropic.claude-haiku-4-5-20251001-v1:0: NativeSchema",
                "MaxTokens=300, Temperature=0.5, TopP=0.9, StopSequences=[END]"),
            decisions.Generator["global::Edges.INullInterfaceModel.NullsAsync#0"]);
    }

    [Fact]
    public void The_comparison_names_a_method_whose_decisions_differ()
    {
        CorpusDecisions decisions = EdgeCaseDecisions();
        const string Default = "global::Edges.INullInterfaceModel.DefaultAsync#0";
        const string NoFallbacks = "global::Edges.INullInterfaceModel.NoFallbacksAsync#0";
        Assert.NotEqual(decisions.Analyzers[Default], decisions.Analyzers[NoFallbacks]);

        // The analyzers' side with one method given another method's decisions: exactly that method is named.
        var swapped = new Dictionary<string, MethodDecision>(decisions.Analyzers, System.StringComparer.Ordinal) { [Default] = decisions.Analyzers[NoFallbacks] };
        string disagreement = Assert.Single(DecisionComparison.Disagreements("self-check", decisions.Generator, swapped));
        Assert.StartsWith(Default + " (self-check):", disagreement, System.StringComparison.Ordinal);
        Assert.Contains(decisions.Generator[Default].ToString(), disagreement, System.StringComparison.Ordinal);
        Assert.Contains(decisions.Analyzers[NoFallbacks].ToString(), disagreement, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_names_a_generated_method_the_analyzers_do_not_see()
    {
        CorpusDecisions decisions = EdgeCaseDecisions();
        const string Maybe = "global::Edges.INullInterfaceModel.MaybeAsync#0";
        var missing = new Dictionary<string, MethodDecision>(decisions.Analyzers, System.StringComparer.Ordinal);
        Assert.True(missing.Remove(Maybe));

        string disagreement = Assert.Single(DecisionComparison.Disagreements("self-check", decisions.Generator, missing));
        Assert.Equal(Maybe + " (self-check): the generator generates it, the analyzers do not see it", disagreement);
    }

    private static CorpusDecisions EdgeCaseDecisions() =>
        CorpusDecisions.Of(new[] { new CorpusEntry(nameof(RuleEdgeCases), new[] { RuleEdgeCases.Source }) }).Single().Decisions;

    private void AssertAgreement(IReadOnlyList<CorpusRun> corpus, int minimumMethods)
    {
        var disagreements = new List<string>();
        int compared = 0;
        foreach ((CorpusEntry entry, CorpusDecisions decisions, _) in corpus)
        {
            compared += decisions.Generator.Count;
            disagreements.AddRange(DecisionComparison.Disagreements(entry.Name, decisions.Generator, decisions.Analyzers));
        }

        output.WriteLine($"{compared} generated methods of {corpus.Count} compilations compared");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {compared} methods disagree:\n" + string.Join("\n", disagreements.Take(20)));
        // An empty or shrunken corpus must not pass quietly: each part holds at least this many generated methods.
        Assert.True(compared >= minimumMethods, $"only {compared} generated methods compared (expected at least {minimumMethods})");
    }
}
