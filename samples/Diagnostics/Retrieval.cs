using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace Diagnostics.Retrieval;

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IRetrievalMistakes
{
    [Retrieve("", Query = nameof(question))]                                                  // PG0500: no knowledge base id
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}")]
    Task<string> NoKnowledgeBaseAsync(string question, CancellationToken cancellationToken);

    [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 500)]                 // PG0501: 1 to 100
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}")]
    Task<string> TooManyAsync(string question, CancellationToken cancellationToken);

    [Retrieve("KBDOCS0001", Query = "questoin")]                                              // PG0502: no such parameter
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}")]
    Task<string> MisspeltQueryAsync(string question, CancellationToken cancellationToken);

    [Model("us.amazon.nova-micro-v1:0")]
    [Retrieve("KBDOCS0001", Query = nameof(question), Citations = true)]                      // PG0503: Nova Micro reads no documents
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}")]
    Task<PromptResult<string>> CitedAsync(string question, CancellationToken cancellationToken);

    [Retrieve("KBDOCS0001", Query = nameof(question))]
    [Prompt("{{ passages }} {{ question }}")]
    Task<string> ClashAsync(string question, string passages, CancellationToken cancellationToken); // PG0504: hides the passages

    [Retrieve("KBDOCS0001", Query = nameof(question), QueryTemplate = "{{ question }}")]      // PG0505: the query given twice
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}")]
    Task<string> TwoQueriesAsync(string question, CancellationToken cancellationToken);

    [Retrieve("KBDOCS0001", Query = nameof(question), RerankModel = "amazon.nova-lite-v1:0")] // PG0506: a chat model, not a reranker
    [Prompt("{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}")]
    Task<string> RerankedAsync(string question, CancellationToken cancellationToken);
}
