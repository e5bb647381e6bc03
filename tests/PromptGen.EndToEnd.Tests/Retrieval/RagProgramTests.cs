using System;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>samples/Rag answers questions about docs/ offline, with citations, through declared retrieval from the knowledge base and the vector store.</summary>
public sealed class RagProgramTests
{
    [Fact]
    public async Task The_rag_sample_answers_questions_about_docs_with_citations()
    {
        (int exitCode, string text, string errors) = await SampleProgram.RunAsync("Rag");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{text}\n{errors}");
        Assert.Contains("A: PG0103 means a template member does not exist on the parameter's type", text, StringComparison.Ordinal);
        // RetrieveAndGenerate cites PG0103's own page, and the typed prompt's knowledge base passages include it.
        Assert.Contains("     s3://promptgen-kb-kbdocs0001/diagnostics/PG0103.md: ", text, StringComparison.Ordinal);
        Assert.Contains("] s3://promptgen-kb-kbdocs0001/diagnostics/PG0103.md (score ", text, StringComparison.Ordinal);
        // The prompt that asks for citations: the answer cites the passages that support it, by location.
        Assert.Contains("   cites s3://promptgen-kb-kbdocs0001/diagnostics/PG0103.md: ", text, StringComparison.Ordinal);
        Assert.Contains("indexed 60 paragraphs of docs/", text, StringComparison.Ordinal);
        Assert.Contains("   [1] docs/", text, StringComparison.Ordinal);
    }
}
