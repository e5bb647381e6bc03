using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>PG0150 points inside the string literal at the construct that keeps a template on Scriban, and says what it is.</summary>
public sealed class TemplateFallbackDiagnosticTests
{
    [Theory]
    [InlineData("[Prompt(\"Title: {{ order.id | string.truncate 8 }}\")]", "string.truncate 8", "the function 'string.truncate' with these arguments")]
    [InlineData("[Prompt(@\"Total: {{ order.total + 1 }}\")]", "order.total + 1", "the operator 'Add'")]
    [InlineData("[Prompt(\"\"\"\n        Lines:\n        {{ for line in order.lines limit:2 }}{{ line }}{{ end }}\n        \"\"\")]", "limit:2", "a 'for' parameter")]
    [InlineData("[Prompt(\"{{ order }}\")]", "order", "writing a value of type 'Order'")]
    [InlineData("[SystemPrompt(\"Be {{ order.id | string.capitalize }}.\")] [Prompt(\"{{ order.id }}\")]", "string.capitalize", "the function 'string.capitalize'")]
    public void Fallback_is_reported_at_the_construct(string attributes, string expectedText, string expectedConstruct)
    {
        string source = $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public sealed record Order(string Id, int Total, IReadOnlyList<string> Lines);

            [PromptClient(Model = "amazon.nova-micro-v1:0")]
            public partial interface IOrders
            {
                {{attributes}}
                Task<string> DescribeAsync(Order order, CancellationToken cancellationToken = default);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.CompilationDiagnostics);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0150", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(expectedText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains(expectedConstruct, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiled_template_reports_nothing_and_keeps_no_types_for_reflection()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public sealed record Order(string Id, IReadOnlyList<string> Lines);

            [PromptClient(Model = "amazon.nova-micro-v1:0")]
            public partial interface IOrders
            {
                [Prompt("{{ order.id }}: {{ for line in order.lines }}{{ line | string.upcase }} {{ end }}")]
                Task<string> DescribeAsync(Order order, CancellationToken cancellationToken = default);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        string generated = run.GeneratedSource("IOrders.PromptClient.g.cs");
        Assert.DoesNotContain("DynamicDependency", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("PromptTemplate", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("PromptArguments", generated, System.StringComparison.Ordinal);
    }
}
