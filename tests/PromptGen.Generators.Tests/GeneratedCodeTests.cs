using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class GeneratedCodeTests
{
    [Fact]
    public void Representative_interface_matches_the_approved_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.SupportPrompts);

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("SupportPrompts", run.GeneratedSource("ISupportPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.SupportPrompts);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Interface_in_the_global_namespace_nested_in_a_partial_class_is_generated()
    {
        const string source = """
            using System.Threading.Tasks;
            using PromptGen;

            public static partial class Outer
            {
                [PromptClient(Model = "amazon.nova-micro-v1:0")]
                internal partial interface IJokes
                {
                    [Prompt("Tell a joke about {{ topic }}")]
                    Task<string> TellAsync(string topic);
                }

                public static Task<string> Use(PromptGen.IBedrockRuntime bedrock) => IJokes.Create(bedrock).TellAsync("cats");
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("private sealed class JokesClient : IJokes", run.GeneratedSource("Outer.IJokes.PromptClient.g.cs"));
    }

    [Fact]
    public void Methods_inherited_from_base_interfaces_and_overloads_are_implemented()
    {
        const string source = """
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public interface IGreetings
            {
                [Prompt("Say hello to {{ name }}")]
                Task<string> GreetAsync(string name);

                // A default implementation is the user's own: nothing to generate.
                Task<string> GreetTwiceAsync(string name) => GreetAsync(name + name);
            }

            [PromptClient(Model = "amazon.nova-micro-v1:0")]
            public partial interface IPolite : IGreetings
            {
                [Prompt("Thank {{ name }}")]
                Task<string> ThankAsync(string name);

                [Prompt("Thank {{ name }} for {{ gift }}")]
                Task<string> ThankAsync(string name, string gift);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string generated = GeneratedText.Flat(run.GeneratedSource("IPolite.PromptClient.g.cs"));
        Assert.Contains("global::Demo.IGreetings.GreetAsync(string name)", generated);
        Assert.Contains("ThankAsync2UserTemplate", generated);
        Assert.DoesNotContain("GreetTwiceAsync", generated);
    }

    [Fact]
    public void A_method_without_a_cancellation_token_passes_none()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.SupportPrompts);

        string generated = GeneratedText.Flat(run.GeneratedSource("ISupportPrompts.PromptClient.g.cs"));
        Assert.Contains("request, default).ConfigureAwait(false);", generated);
        Assert.Contains("request, cancellationToken).ConfigureAwait(false);", generated);
    }

    [Fact]
    public void Types_reachable_from_parameters_are_kept_for_trimming_and_NativeAOT()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            public sealed record Address(string City);
            public sealed record Customer(string Name, Address Address);
            public sealed record Line(string Sku, int Quantity);
            public sealed record Order(Customer Customer, IReadOnlyList<Line> Lines, Dictionary<string, Line[]> ByWarehouse);

            [PromptClient(Model = "amazon.nova-micro-v1:0")]
            public partial interface IOrders
            {
                // string.truncate has no compiled form (PG0150): this template renders with Scriban, by reflection.
                [Prompt("{{ order.customer.address.city | string.truncate 3 }} {{ for line in order.lines }}{{ line.sku }}{{ end }}")]
                Task<string> DescribeAsync(Order order, int count);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.CompilationDiagnostics);
        string generated = GeneratedText.Flat(run.GeneratedSource("IOrders.PromptClient.g.cs"));
        string[] kept = generated.Split("DynamicDependency(").Skip(1)
            .Select(attribute => attribute[(attribute.IndexOf("typeof(", System.StringComparison.Ordinal) + 7)..attribute.IndexOf("))", System.StringComparison.Ordinal)])
            .ToArray();
        Assert.Equal(new[] { "global::Demo.Address", "global::Demo.Customer", "global::Demo.Line", "global::Demo.Order" }, kept);
    }
}
