using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// <c>[Retrieve(RerankModel = …, NumberOfRerankedResults = …)]</c>: the reranking reaches the generated spec (see the
/// RetrievalQueryTemplatePrompts snapshot); what cannot be sent is PG0506 at the setting, a count outside 1–100 PG0501.
/// </summary>
public sealed class RetrievalRerankingTests
{
    [Theory]
    [InlineData("RerankModel = \"amazon.rerank-v1:0\"")]
    [InlineData("RerankModel = \"cohere.rerank-v3-5:0\", NumberOfRerankedResults = 1")]
    [InlineData("RerankModel = \"cohere.rerank-v3-5:0\", NumberOfRerankedResults = 100")]
    public void A_reranker_on_a_knowledge_base_generates(string settings)
    {
        GeneratorRun run = GeneratorHarness.Run(DeclaredRetrievalSources.Client($"[Retrieve(\"KBDOCS0001\", Query = nameof(question), {settings})]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("[Retrieve(Query = nameof(question), RerankModel = \"amazon.rerank-v1:0\")]", "string question, IPassageRetriever store", "\"amazon.rerank-v1:0\"", "reranking is a knowledge base's")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = nameof(question), RerankModel = \" \")]", "string question", "\" \"", "names an empty reranker model")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = nameof(question), RerankModel = \"amazon.nova-lite-v1:0\")]", "string question", "\"amazon.nova-lite-v1:0\"", "which is a chat model, not a reranker")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = nameof(question), RerankModel = \"amazon.titan-embed-text-v2:0\")]", "string question", "\"amazon.titan-embed-text-v2:0\"", "which is an embedding model")]
    [InlineData("[Retrieve(\"KBDOCS0001\", Query = nameof(question), NumberOfRerankedResults = 3)]", "string question", "3", "without a RerankModel")]
    public void A_reranking_that_cannot_be_sent_is_PG0506_at_the_setting(string retrieve, string parameters, string at, string says)
    {
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(DeclaredRetrievalSources.Client(retrieve, parameters)).GeneratorDiagnostics);

        Assert.Equal("PG0506", diagnostic.Id);
        Assert.Equal(at, GeneratorText(diagnostic));
        Assert.Contains(says, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_reranked_count_outside_1_to_100_is_PG0501_at_the_value(int count)
    {
        string value = count.ToString(CultureInfo.InvariantCulture);
        string source = DeclaredRetrievalSources.Client($"[Retrieve(\"KBDOCS0001\", Query = nameof(question), RerankModel = \"amazon.rerank-v1:0\", NumberOfRerankedResults = {value})]");

        Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        Assert.Equal("PG0501", diagnostic.Id);
        Assert.Equal(value, GeneratorText(diagnostic));
        Assert.Contains("the reranker keeps 1 to 100 results", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string GeneratorText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
