using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Prompt clients that inherit prompt clients: what a base generates in its interface (partial types, Batch,
/// Descriptors) is inherited or hidden on purpose, never hidden by accident (CS0108) or mismatched.
/// </summary>
public sealed class InheritedClientTests
{
    [Fact]
    public void A_derived_client_streaming_the_same_type_as_its_base_compiles()
    {
        const string source = """
            using System.Threading;
            using PromptGen;

            namespace Demo;

            public sealed record Triage(string Team, int Priority);

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface ITriageBase
            {
                [Prompt("Triage {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAsync(string text, CancellationToken cancellationToken);
            }

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface ITriageMore : ITriageBase
            {
                [Prompt("Triage again {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAgainAsync(string text, CancellationToken cancellationToken);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        string[] problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Each_partial_type_is_declared_once_by_the_most_basic_client_that_streams_it()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading;
            using PromptGen;

            namespace Demo;

            public sealed record Address(string City, string Street);
            public sealed record Customer(string Name, Address Home);

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface IAddresses
            {
                [Prompt("Where is {{ text }}")]
                ResultStream<Address, AddressPartial> LocateAsync(string text, CancellationToken cancellationToken);
            }

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface ICustomers : IAddresses
            {
                [Prompt("Who is {{ text }}")]
                ResultStream<Customer, CustomerPartial> IdentifyAsync(string text, CancellationToken cancellationToken);
            }

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            public partial interface ICrm : ICustomers
            {
                [Prompt("Who else is {{ text }}")]
                ResultStream<Customer, CustomerPartial> IdentifyAgainAsync(string text, CancellationToken cancellationToken);

                [Prompt("Addresses in {{ text }}")]
                ResultStream<List<Address>, IReadOnlyList<AddressPartial>> ListAsync(string text, CancellationToken cancellationToken);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        string[] problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));

        string addresses = run.GeneratedSource("Demo.IAddresses.PromptClient.g.cs");
        string customers = run.GeneratedSource("Demo.ICustomers.PromptClient.g.cs");
        string crm = run.GeneratedSource("Demo.ICrm.PromptClient.g.cs");
        Assert.Contains("public sealed record AddressPartial", addresses, StringComparison.Ordinal);
        Assert.DoesNotContain("public sealed record AddressPartial", customers, StringComparison.Ordinal);
        Assert.Contains("public sealed record CustomerPartial", customers, StringComparison.Ordinal);
        Assert.Contains("public global::Demo.IAddresses.AddressPartial? Home { get; init; }", customers, StringComparison.Ordinal);
        Assert.DoesNotContain("public sealed record", crm, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_client_with_descriptors_and_batch_methods_hides_the_base_lists_on_purpose()
    {
        const string source = """
            using System.Threading.Tasks;
            using PromptGen;

            namespace Demo;

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            [PromptDescriptors]
            public partial interface ISummaries
            {
                [Prompt("Summarize {{ text }}")]
                Task<string> SummarizeAsync(string text);
            }

            [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
            [PromptDescriptors]
            public partial interface IMoreSummaries : ISummaries
            {
                [Prompt("Shorten {{ text }}")]
                Task<string> ShortenAsync(string text);
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        string[] problems = run.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
        string derived = GeneratedText.Flat(run.GeneratedSource("Demo.IMoreSummaries.PromptClient.g.cs"));
        string baseClient = GeneratedText.Flat(run.GeneratedSource("Demo.ISummaries.PromptClient.g.cs"));
        Assert.Contains("public static new class Batch", derived, StringComparison.Ordinal);
        Assert.Contains("public static class Batch", baseClient, StringComparison.Ordinal);
        Assert.Contains("Descriptors", derived, StringComparison.Ordinal);
        Assert.Contains("public static new global::System.Collections.Generic.IReadOnlyList<global::PromptGen.Descriptors.PromptDescriptor> Descriptors", derived, StringComparison.Ordinal);
        Assert.Contains("public new sealed class DescriptorsProvider", derived, StringComparison.Ordinal);
        Assert.Contains("public sealed class DescriptorsProvider", baseClient, StringComparison.Ordinal);
    }
}
