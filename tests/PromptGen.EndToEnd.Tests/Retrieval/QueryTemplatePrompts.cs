using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests.Retrieval;

/// <summary>The query of a retrieval built from a template over two parameters.</summary>
[PromptClient(Model = Model)]
public partial interface IQueryTemplatePrompts
{
    const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    const string KnowledgeBase = "KBDOCS0002";

    [Retrieve(KnowledgeBase, QueryTemplate = "{{ area }} {{ question }}", NumberOfResults = 1)]
    [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }}\n{{ end }}Question: {{ question }}")]
    Task<PromptResult<string>> AnswerInAreaAsync(string area, string question, CancellationToken cancellationToken = default);
}
