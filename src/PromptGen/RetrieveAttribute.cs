using System;

namespace PromptGen;

/// <summary>
/// Grounds a prompt method in retrieved passages: the generated method sends one knowledge base <c>Retrieve</c> (or
/// asks the method's <see cref="Retrieval.IPassageRetriever"/> parameter) with the text of the <see cref="Query"/>
/// parameter (or of the rendered <see cref="QueryTemplate"/>), then one Converse whose templates loop over the passages as typed
/// <see cref="Retrieval.RetrievedPassage"/> values under the name <c>passages</c>:
/// <code>
/// [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 5)]
/// [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }}\n{{ end }}Question: {{ question }}")]
/// Task&lt;PromptResult&lt;string&gt;&gt; AnswerAsync(string question, CancellationToken cancellationToken = default);
/// </code>
/// The passages' members are checked at build time like any parameter's (a typo such as <c>p.txt</c> is PG0103).
/// The id is sent as written unless configuration maps it to another (<see cref="BedrockOptions.KnowledgeBaseIds"/>):
/// the same interface runs against the emulator's knowledge base in tests and a real one in production.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RetrieveAttribute : Attribute
{
    /// <summary>The name templates read the retrieved passages by: <c>{{ for p in passages }}</c>.</summary>
    public const string PassagesVariable = "passages";

    /// <summary>How many passages are retrieved when <see cref="NumberOfResults"/> is not set.</summary>
    public const int DefaultNumberOfResults = 5;

    /// <summary>
    /// Retrieves with the method's <see cref="Retrieval.IPassageRetriever"/> parameter (your own store, a vector store
    /// collection, a retriever from dependency injection).
    /// </summary>
    public RetrieveAttribute()
    {
    }

    /// <summary>Retrieves from the knowledge base <paramref name="knowledgeBaseId"/>.</summary>
    /// <param name="knowledgeBaseId">
    /// The knowledge base id (1 to 10 letters and digits), or a name that <see cref="BedrockOptions.KnowledgeBaseIds"/> maps to one.
    /// </param>
    public RetrieveAttribute(string knowledgeBaseId)
    {
        KnowledgeBaseId = knowledgeBaseId;
    }

    /// <summary>The knowledge base id or name; null when the method's retriever parameter retrieves.</summary>
    public string? KnowledgeBaseId { get; }

    /// <summary>
    /// The name of the <c>string</c> parameter whose value is the query text (write it with <c>nameof</c>). Set this
    /// or <see cref="QueryTemplate"/>, not both.
    /// </summary>
    public string? Query { get; set; }

    /// <summary>
    /// A Scriban template over the method's parameters whose rendered text is the query, for a query built from
    /// several of them: <c>QueryTemplate = "{{ product }} {{ question }}"</c>. Checked and compiled at build time like
    /// the method's <see cref="PromptAttribute"/> template (a misspelt member is PG0103); it cannot read
    /// <c>passages</c>, which do not exist until it has been searched for. Set this or <see cref="Query"/>, not both.
    /// </summary>
    public string? QueryTemplate { get; set; }

    /// <summary>How many passages at most, 1 to 100 (the Knowledge Bases API's range); <see cref="DefaultNumberOfResults"/> when not set.</summary>
    public int NumberOfResults { get; set; } = DefaultNumberOfResults;

    /// <summary>
    /// The name of a <see cref="Bedrock.RetrievalFilter"/> parameter whose value filters the passages by metadata for
    /// that call (null passes no filter); null when the method takes no filter.
    /// </summary>
    public string? Filter { get; set; }

    /// <summary><see cref="Bedrock.SearchTypes.Hybrid"/> or <see cref="Bedrock.SearchTypes.Semantic"/>; null lets Bedrock choose.</summary>
    public string? SearchType { get; set; }

    /// <summary>
    /// A reranker model id (<c>amazon.rerank-v1:0</c>, <c>cohere.rerank-v3-5:0</c>) that reorders the knowledge base's
    /// results before they reach the templates; the client sends it as the foundation-model ARN of its region. Null:
    /// no reranking. Knowledge bases only (PG0506 with a retriever parameter).
    /// </summary>
    public string? RerankModel { get; set; }

    /// <summary>
    /// How many results the reranker keeps, 1 to 100 (the API's range); 0, the default, leaves it to the service.
    /// Needs <see cref="RerankModel"/>.
    /// </summary>
    public int NumberOfRerankedResults { get; set; }

    /// <summary>
    /// Also sends each passage as a document with citations turned on, so the model's answer says which passages
    /// support it (<see cref="PromptResult{T}.Citations"/>); needs a model that reads documents (PG0503).
    /// </summary>
    public bool Citations { get; set; }
}
