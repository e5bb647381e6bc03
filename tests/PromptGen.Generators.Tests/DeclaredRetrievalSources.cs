namespace PromptGen.Generators.Tests;

/// <summary>Prompt interfaces that declare their retrieval with <c>[Retrieve]</c>.</summary>
internal static class DeclaredRetrievalSources
{
    public const string Declared = """"
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;
        using PromptGen.Bedrock;
        using PromptGen.Retrieval;

        namespace Docs;

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IDocsAnswers
        {
            [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 3, Filter = nameof(filter), SearchType = SearchTypes.Hybrid)]
            [Prompt("""
                Answer from these passages only, citing them as [n].
                {{ for p in passages }}[{{ p.rank }}] {{ p.location }}: {{ p.text }}
                {{ end }}Question: {{ question }}
                """)]
            Task<PromptResult<string>> AnswerAsync(string question, RetrievalFilter? filter = null, CancellationToken cancellationToken = default);

            [Retrieve("KBDOCS0001", Query = nameof(topic), Citations = true)]
            [SystemPrompt("You have {{ passages.size }} passages.")]
            [Prompt("Summarize what the documents say about {{ topic }}.")]
            Task<PromptResult<string>> SummarizeAsync(string topic, CancellationToken cancellationToken = default);

            [Retrieve(Query = nameof(question), NumberOfResults = 2)]
            [Prompt("{{ for p in passages }}{{ p.text }} {{ end }}Q: {{ question }}")]
            Task<string> AskOwnStoreAsync(string question, IPassageRetriever retriever, CancellationToken cancellationToken = default);
        }
        """";

    /// <summary>Streaming methods that retrieve: text, PromptStream with fallback models, a typed result stream, and tools.</summary>
    public const string Streaming = """"
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;
        using PromptGen.Bedrock;
        using PromptGen.Retrieval;

        namespace Docs;

        public sealed record Fact(string Claim, int Source);

        public sealed class DocsTools
        {
            [Tool("glossary"), Description("Looks a term up in the glossary.")]
            public string Glossary(string term) => term;
        }

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IStreamingDocs
        {
            [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 3)]
            [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }}\n{{ end }}Question: {{ question }}")]
            IAsyncEnumerable<string> StreamTextAsync(string question, CancellationToken cancellationToken = default);

            [Retrieve("KBDOCS0001", Query = nameof(question), Citations = true)]
            [FallbackModels("us.amazon.nova-lite-v1:0")]
            [SystemPrompt("You have {{ passages.size }} passages.")]
            [Prompt("Answer: {{ question }}")]
            PromptStream StreamAnswerAsync(string question, CancellationToken cancellationToken = default);

            [Retrieve(Query = nameof(question), NumberOfResults = 2)]
            [Prompt("{{ for p in passages }}{{ p.text }} {{ end }}State one fact about {{ question }}.")]
            ResultStream<Fact, FactPartial> StreamFactAsync(string question, IPassageRetriever retriever, CancellationToken cancellationToken = default);

            [Retrieve("KBDOCS0001", Query = nameof(question))]
            [Prompt("{{ for p in passages }}{{ p.text }} {{ end }}{{ question }}")]
            PromptStream StreamWithToolsAsync(string question, DocsTools tools, CancellationToken cancellationToken = default);
        }
        """";

    /// <summary>
    /// Queries built from templates: compiled to C# (two parameters and a member), rendered by Scriban when a construct
    /// has no compiled form, and in a streaming method, where the query is rendered when the stream retrieves; and a
    /// retrieval reranked by a reranker model.
    /// </summary>
    public const string QueryTemplates = """"
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;
        using PromptGen.Bedrock;
        using PromptGen.Retrieval;

        namespace Docs;

        public sealed record Product(string Name, string Version);

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface IProductDocs
        {
            [Retrieve("KBDOCS0001", QueryTemplate = "{{ product.name }} {{ product.version }}: {{ question }}", NumberOfResults = 3)]
            [Prompt("{{ for p in passages }}[{{ p.rank }}] {{ p.text }}\n{{ end }}Question about {{ product.name }}: {{ question }}")]
            Task<PromptResult<string>> AnswerAsync(Product product, string question, CancellationToken cancellationToken = default);

            [Retrieve("KBDOCS0001", QueryTemplate = "{{ question | string.truncate 40 }}")]
            [Prompt("{{ for p in passages }}{{ p.text }} {{ end }}{{ question }}")]
            Task<string> AskShortAsync(string question, CancellationToken cancellationToken = default);

            [Retrieve("KBDOCS0001", Query = nameof(question), NumberOfResults = 10, RerankModel = "cohere.rerank-v3-5:0", NumberOfRerankedResults = 3)]
            [Prompt("{{ for p in passages }}{{ p.text }} {{ end }}{{ question }}")]
            Task<string> AskRerankedAsync(string question, CancellationToken cancellationToken = default);

            [Retrieve(QueryTemplate = "{{ topic }} in {{ area }}")]
            [Prompt("{{ for p in passages }}{{ p.text }} {{ end }}Summarize.")]
            PromptStream StreamSummaryAsync(string topic, string area, IPassageRetriever retriever, CancellationToken cancellationToken = default);
        }
        """";

    /// <summary>A client whose one method carries <paramref name="retrieve"/> and takes <paramref name="parameters"/>.</summary>
    public static string Client(string retrieve, string parameters = "string question", string template = "{{ for p in passages }}{{ p.text }}{{ end }} {{ question }}", string model = "us.anthropic.claude-haiku-4-5-20251001-v1:0", string returns = "Task<string>") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;
        using PromptGen.Bedrock;
        using PromptGen.Retrieval;

        namespace Docs;

        [PromptClient(Model = "{{model}}")]
        public partial interface IAsk
        {
            {{retrieve}}
            [Prompt("{{template}}")]
            {{returns}} AskAsync({{parameters}}, CancellationToken cancellationToken = default);
        }
        """;
}
