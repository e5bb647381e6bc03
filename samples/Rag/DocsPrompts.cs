using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;
using PromptGen.Retrieval;

namespace Rag;

/// <summary>
/// A typed prompt over retrieved passages. Where the passages come from (a Bedrock knowledge base, a vector store)
/// is the caller's choice of <see cref="IPassageRetriever"/>; the template's passage members are checked at build time.
/// </summary>
[PromptClient]
public partial interface IDocsPrompts
{
    const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Model(Model)]
    [Prompt("""
        Answer the question from these passages of PromptGen's documentation only, citing them as [n].
        {{ for p in passages }}[{{ p.rank }}] {{ p.location }}:
        {{ p.text }}

        {{ end }}Question: {{ question }}
        """)]
    Task<PromptResult<string>> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken = default);
}
