using System.Globalization;
using System.Text;

namespace PromptGen.Generators.Tests.Incremental;

/// <summary>
/// A generated corpus for generator performance: <c>interfaces</c> prompt interfaces of <c>methodsPerInterface</c>
/// methods each, one file per interface plus one file of shared types. Methods rotate through the shapes real code
/// has: typed results, system prompts, loops and conditions, pipe functions, and a template that stays on Scriban.
/// Each template carries a marker <c>[i.j v1]</c> that <see cref="EditTemplate"/> changes. Also compiled into
/// bench/PromptGen.Benchmarks (linked), so the benchmark measures exactly what the tests check.
/// </summary>
internal static class GeneratorCorpus
{
    public const string SharedTypes = """
        using System.Collections.Generic;

        namespace Corpus.Shared;

        public sealed record Customer(string Name, int Age, IReadOnlyList<string> Tags);

        public sealed record Line(string Sku, int Quantity, decimal Price);

        public sealed record Ticket(string Title, string Body, Customer Customer, IReadOnlyList<Line> Lines);

        public enum Priority { Low, Normal, High }

        public sealed record Answer(string Summary, Priority Priority, double Confidence, IReadOnlyList<string> Steps);
        """;

    /// <summary>The sources: index 0 is the shared types, index i + 1 is interface i.</summary>
    public static string[] Build(int interfaces, int methodsPerInterface)
    {
        var sources = new string[interfaces + 1];
        sources[0] = SharedTypes;
        for (int i = 0; i < interfaces; i++)
        {
            sources[i + 1] = Interface(i, methodsPerInterface);
        }

        return sources;
    }

    /// <summary>The source of interface <paramref name="interfaceIndex"/> with method <paramref name="methodIndex"/>'s template edited.</summary>
    public static string EditTemplate(string interfaceSource, int interfaceIndex, int methodIndex, int version) =>
        interfaceSource.Replace(Marker(interfaceIndex, methodIndex, 1), Marker(interfaceIndex, methodIndex, version), System.StringComparison.Ordinal);

    public static string HintName(int interfaceIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"Corpus.Area{interfaceIndex:D3}.IArea{interfaceIndex:D3}Prompts.PromptClient.g.cs");

    private static string Marker(int i, int j, int version) => string.Create(CultureInfo.InvariantCulture, $"[{i}.{j} v{version}]");

    private static string Interface(int i, int methods)
    {
        var source = new StringBuilder();
        source.Append(CultureInfo.InvariantCulture, $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Corpus.Shared;
            using PromptGen;

            namespace Corpus.Area{{i:D3}};

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            [Inference(MaxTokens = 500)]
            public partial interface IArea{{i:D3}}Prompts
            {

            """);
        for (int j = 0; j < methods; j++)
        {
            string marker = Marker(i, j, 1);
            string method = (j % 5) switch
            {
                0 => $$$"""
                        [Prompt("{{{marker}}} Triage {{ ticket.title }}: {{ ticket.body }} for {{ ticket.customer.name }}")]
                        Task<Answer> Triage{{{j}}}Async(Ticket ticket, CancellationToken cancellationToken = default);
                    """,
                1 => $$$"""
                        [SystemPrompt("You answer in {{ language }}.")]
                        [Prompt("{{{marker}}} Summarize {{ ticket.title }} in one sentence.")]
                        [Inference(Temperature = 0.2)]
                        Task<string> Summarize{{{j}}}Async(Ticket ticket, string language, CancellationToken cancellationToken = default);
                    """,
                2 => $$$"""
                        [Prompt("{{{marker}}} Lines:{{ for line in ticket.lines }} {{ line.quantity }}x{{ line.sku }}{{ end }}{{ if ticket.lines.size > 3 }} (large){{ end }}")]
                        Task<string> Lines{{{j}}}Async(Ticket ticket, CancellationToken cancellationToken = default);
                    """,
                3 => $$$"""
                        [Prompt("{{{marker}}} {{ ticket.customer.name | string.upcase }} tagged {{ ticket.customer.tags | array.join \", \" }}")]
                        ValueTask<string> Tags{{{j}}}Async(Ticket ticket, CancellationToken cancellationToken = default);
                    """,
                _ => $$$"""
                        [Prompt("{{{marker}}} Title: {{ ticket.title | string.truncate 20 }}")]
                        Task<string> Title{{{j}}}Async(Ticket ticket, CancellationToken cancellationToken = default);
                    """,
            };
            source.Append(method).Append("\n\n");
        }

        return source.Append("}\n").ToString();
    }
}
