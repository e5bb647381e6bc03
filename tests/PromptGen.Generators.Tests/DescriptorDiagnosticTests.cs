using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>PG0023: every method of a [PromptDescriptors] interface that gets no descriptor is named, with why.</summary>
public sealed class DescriptorDiagnosticTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using PromptGen;

        namespace Demo.Undescribed;

        public sealed record Verdict(string Label, int Score);

        public sealed class LookupTools
        {
            [Tool, Description("Finds a customer.")]
            public string Find(string name) => name;
        }

        [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
        [PromptDescriptors]
        public partial interface IMixedPrompts
        {
            [Prompt("{{ question }}")]
            Task<string> ChatAsync(Queue<Message> history, string question, CancellationToken cancellationToken = default);

            [Prompt("{{ question }}")]
            Task<string> ReplyAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);

            [Prompt("Describe the picture.")]
            Task<string> DescribeAsync([Image(ImageFormat.Png)] byte[] photo, CancellationToken cancellationToken = default);

            [Prompt("Find {{ name }}")]
            Task<string> FindAsync(string name, LookupTools tools, CancellationToken cancellationToken = default);

            [Prompt("Judge {{ text }}")]
            ResultStream<Verdict, IMixedPrompts.VerdictPartial> JudgeAsync(string text, CancellationToken cancellationToken = default);

            [Model("amazon.titan-embed-text-v2:0")]
            [Embedding(Dimensions = 512)]
            Task<Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken = default);

            [Model("stability.sd3-5-large-v1:0")]
            [Prompt("A watercolour of {{ city | string.truncate 10 }}")]
            [ImageGeneration(AspectRatio = "16:9")]
            Task<GeneratedImage> PaintAsync(string city, CancellationToken cancellationToken = default);

            [Prompt("Count to {{ limit }}")]
            Task<string> CountAsync(System.Func<int> limit, CancellationToken cancellationToken = default);

            [Prompt("Say hello to {{ name }}")]
            Task<string> HelloAsync(string name, CancellationToken cancellationToken = default);
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Source));

    [Theory]
    [InlineData("ChatAsync", "history", "a conversation history of type 'System.Collections.Generic.Queue<PromptGen.Message>' is not one the descriptor can build")]
    [InlineData("DescribeAsync", "DescribeAsync", "takes media as raw bytes")]
    [InlineData("FindAsync", "FindAsync", "calls tools")]
    [InlineData("PaintAsync", "PaintAsync", "rendered by Scriban")]
    [InlineData("CountAsync", "limit", "parameter 'limit' cannot be read from JSON")]
    public void A_method_without_a_descriptor_is_named_with_the_reason_at_its_name_or_parameter(string method, string at, string reason)
    {
        Diagnostic found = Assert.Single(Run.Value.GeneratorDiagnostics, d => d.Id == "PG0023" && d.GetMessage().Contains($"'{method}'", StringComparison.Ordinal));

        Assert.Equal(DiagnosticSeverity.Info, found.Severity);
        Assert.Contains(reason, found.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(at, Source.Substring(found.Location.SourceSpan.Start, found.Location.SourceSpan.Length));
    }

    [Fact]
    public void Described_methods_get_none_and_the_list_holds_only_them()
    {
        Assert.DoesNotContain(Run.Value.GeneratorDiagnostics, d => d.Id == "PG0023" && d.GetMessage().Contains("'HelloAsync'", StringComparison.Ordinal));
        Assert.DoesNotContain(Run.Value.GeneratorDiagnostics, d => d.Id == "PG0023" && d.GetMessage().Contains("'EmbedAsync'", StringComparison.Ordinal));
        // A typed result stream is described: its partial values stream through the descriptor.
        Assert.DoesNotContain(Run.Value.GeneratorDiagnostics, d => d.Id == "PG0023" && d.GetMessage().Contains("'JudgeAsync'", StringComparison.Ordinal));
        Assert.Equal(5, Run.Value.GeneratorDiagnostics.Count(d => d.Id == "PG0023"));
        string generated = Run.Value.GeneratedSource("IMixedPrompts.PromptClient.g.cs");
        Assert.Contains("HelloAsyncDescriptor,", generated, StringComparison.Ordinal);
        Assert.Contains("EmbedAsyncDescriptor,", generated, StringComparison.Ordinal);
        Assert.Contains("JudgeAsyncDescriptor,", generated, StringComparison.Ordinal);
        // A history the descriptor can hand a List<Message> to is read from JSON.
        Assert.DoesNotContain(Run.Value.GeneratorDiagnostics, d => d.Id == "PG0023" && d.GetMessage().Contains("'ReplyAsync'", StringComparison.Ordinal));
        Assert.Contains("ReplyAsyncDescriptor,", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("ChatAsyncDescriptor", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_attribute_nothing_is_reported()
    {
        GeneratorRun run = GeneratorHarness.Run(Source.Replace("[PromptDescriptors]", string.Empty, StringComparison.Ordinal));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PG0023");
    }
}
