using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Retrieval;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>Prompts that declare where their passages come from: the generated methods retrieve by themselves.</summary>
[PromptClient(Model = Model)]
public partial interface IDeclaredRagPrompts
{
    const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    /// <summary>The id the prompts declare; configuration may map it to another knowledge base.</summary>
    const string KnowledgeBase = "KBDOCS0001";

    [Retrieve(KnowledgeBase, Query = nameof(question), NumberOfResults = 3, Filter = nameof(filter))]
    [Prompt("""
        Answer from these passages only and cite them as [n].
        {{ for p in passages }}[{{ p.rank }}] {{ p.location }}: {{ p.text }}
        {{ end }}Question: {{ question }}
        """)]
    Task<PromptResult<string>> AnswerAsync(string question, RetrievalFilter? filter = null, CancellationToken cancellationToken = default);

    [Retrieve(KnowledgeBase, Query = nameof(question), NumberOfResults = 2, Citations = true)]
    [Prompt("Answer from the documents: {{ question }}")]
    Task<PromptResult<string>> AnswerWithCitationsAsync(string question, CancellationToken cancellationToken = default);

    [Retrieve(Query = nameof(question), NumberOfResults = 2)]
    [Prompt("{{ for p in passages }}({{ p.rank }}, {{ p.score }}) {{ p.text }}\n{{ end }}Q: {{ question }}")]
    Task<string> AskStoreAsync(string question, IPassageRetriever store, CancellationToken cancellationToken = default);
}
