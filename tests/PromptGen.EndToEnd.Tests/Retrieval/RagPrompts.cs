using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Retrieval;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>A prompt whose template loops over retrieved passages as typed values.</summary>
[PromptClient]
public partial interface IRagPrompts
{
    const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Model(Model)]
    [Prompt("""
        Answer from these passages only and cite them as [n].
        {{ for p in passages }}[{{ p.rank }}] {{ p.location }}: {{ p.text }}
        {{ end }}Question: {{ question }}
        """)]
    Task<PromptResult<string>> AnswerAsync(string question, IReadOnlyList<RetrievedPassage> passages, CancellationToken cancellationToken = default);
}
