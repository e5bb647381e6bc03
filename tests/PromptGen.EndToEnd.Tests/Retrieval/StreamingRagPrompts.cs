using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Retrieval;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>A fact the typed stream answers with.</summary>
public sealed record RetryFact(string Claim, int Source);

/// <summary>A glossary the model may consult while answering.</summary>
public sealed class GlossaryTools
{
    /// <summary>How many times the model looked a term up.</summary>
    public int Lookups { get; private set; }

    /// <summary>Defines a term.</summary>
    [Tool("define"), Description("Defines a term of the retry docs.")]
    public string Define(string term)
    {
        Lookups++;
        return term == "jitter" ? "Jitter: a random part of the wait." : "Unknown term.";
    }
}

/// <summary>Streaming prompts that declare their retrieval: the stream retrieves, then streams the answer.</summary>
[PromptClient(Model = Model)]
public partial interface IStreamingRagPrompts
{
    const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 2)]
    [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }}\n{{ end }}Question: {{ question }}")]
    PromptStream StreamAnswerAsync(string question, CancellationToken cancellationToken = default);

    [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 1)]
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} Briefly: {{ question }}")]
    IAsyncEnumerable<string> StreamTextAsync(string question, CancellationToken cancellationToken = default);

    [Retrieve(Query = nameof(question), NumberOfResults = 2)]
    [Prompt("{{ for p in passages }}({{ p.rank }}) {{ p.text }} {{ end }}One fact about: {{ question }}")]
    ResultStream<RetryFact, RetryFactPartial> StreamFactAsync(string question, IPassageRetriever store, CancellationToken cancellationToken = default);

    [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 1)]
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} With the glossary: {{ question }}")]
    Task<PromptResult<RetryFact>> FactWithToolsAsync(string question, GlossaryTools glossary, CancellationToken cancellationToken = default);
}
