using System.Threading;
using System.Threading.Tasks;
using PromptGen;
using PromptGen.Retrieval;

namespace Rag;

/// <summary>
/// Typed prompts that declare where their passages come from: each generated method retrieves once, then asks once,
/// and its template loops over the passages as typed values (their members are checked at build time).
/// </summary>
[PromptClient(Model = Model)]
public partial interface IDocsPrompts
{
    const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    /// <summary>
    /// The knowledge base the prompts name: the emulator's in this sample. Configuration maps it to a real one
    /// (BedrockOptions.KnowledgeBaseIds; RAG_KNOWLEDGE_BASE_ID in Program.cs) without touching the prompts.
    /// </summary>
    const string KnowledgeBase = "KBDOCS0001";

    const string Instructions = """
        Answer the question from these passages of PromptGen's documentation only, citing them as [n].
        {{ for p in passages }}[{{ p.rank }}] {{ p.location }}:
        {{ p.text }}

        {{ end }}Question: {{ question }}
        """;

    /// <summary>Passages from the knowledge base, in the prompt's text.</summary>
    [Retrieve(KnowledgeBase, Query = nameof(question), NumberOfResults = 3)]
    [Prompt(Instructions)]
    Task<PromptResult<string>> AnswerAsync(string question, CancellationToken cancellationToken = default);

    /// <summary>Passages from the knowledge base as citable documents: the answer says which ones support it.</summary>
    [Retrieve(KnowledgeBase, Query = nameof(question), NumberOfResults = 3, Citations = true)]
    [Prompt("Answer from the documents, which are passages of PromptGen's documentation: {{ question }}")]
    Task<PromptResult<string>> AnswerWithCitationsAsync(string question, CancellationToken cancellationToken = default);

    /// <summary>Passages from any store: a vector store collection here.</summary>
    [Retrieve(Query = nameof(question), NumberOfResults = 3)]
    [Prompt(Instructions)]
    Task<PromptResult<string>> AnswerFromAsync(string question, IPassageRetriever store, CancellationToken cancellationToken = default);
}
