using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace AotSmoke;

/// <summary>Declared retrieval from the app's own store: the generated methods retrieve, then call (or stream), with no reflection.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface ISmokeRag
{
    [Retrieve(Query = nameof(question), NumberOfResults = 2)]
    [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }} {{ end }}Question: {{ question }}")]
    Task<PromptResult<string>> AnswerAsync(string question, PromptGen.Retrieval.IPassageRetriever store, CancellationToken cancellationToken = default);

    [Retrieve(Query = nameof(question), NumberOfResults = 1)]
    [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }} {{ end }}Stream question: {{ question }}")]
    PromptStream StreamAnswerAsync(string question, PromptGen.Retrieval.IPassageRetriever store, CancellationToken cancellationToken = default);
}

/// <summary>A fixed store: the passages in order, as many as asked.</summary>
public sealed class FixedStore(params PromptGen.Retrieval.RetrievedPassage[] passages) : PromptGen.Retrieval.IPassageRetriever
{
    public Task<IReadOnlyList<PromptGen.Retrieval.RetrievedPassage>> RetrieveAsync(PromptGen.Retrieval.PassageQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PromptGen.Retrieval.RetrievedPassage>>(System.Linq.Enumerable.ToList(System.Linq.Enumerable.Take(passages, query.Count)));
}
