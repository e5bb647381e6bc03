using System;
using System.Linq;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>Generated code for conversation history, PromptResult&lt;string&gt; and fallback models.</summary>
public sealed class ConversationGenerationTests
{
    private static readonly Lazy<GeneratorRun> ChatRun = new(() => GeneratorHarness.Run(ConversationSources.Chat));

    [Fact]
    public void Conversation_history_details_and_fallbacks_match_the_approved_snapshot()
    {
        GeneratorRun run = ChatRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("ChatPrompts", run.GeneratedSource("IChatPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        Assert.Empty(ChatRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void History_goes_before_the_rendered_user_turn()
    {
        string source = GeneratedText.Flat(ChatRun.Value.GeneratedSource("IChatPrompts.PromptClient.g.cs"));

        Assert.Contains("Messages = global::PromptGen.CompilerServices.ConversationHistory.Build(history, global::PromptGen.Message.User(RenderAskAsyncUser(history, question)))", source, StringComparison.Ordinal);
        Assert.Contains("Messages = { global::PromptGen.Message.User(RenderSummarizeAsyncUser(text)) }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_fallback_model_of_a_typed_result_gets_the_strategy_of_its_catalog_entry()
    {
        string source = GeneratedText.Flat(ChatRun.Value.GeneratedSource("IChatPrompts.PromptClient.g.cs"));

        // Nova Micro forces a tool; Claude Haiku 4.5 has native structured output.
        Assert.Contains("new(\"us.amazon.nova-micro-v1:0\", global::PromptGen.StructuredOutputStrategy.ForcedTool)", source, StringComparison.Ordinal);
        Assert.Contains("new(\"us.anthropic.claude-haiku-4-5-20251001-v1:0\", global::PromptGen.StructuredOutputStrategy.NativeSchema)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("StreamAsyncModels", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_history_parameters_are_PG0020_at_the_second()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PromptGen;
            using PromptGen.Bedrock;

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts
            {
                [Prompt("{{ question }}")]
                Task<string> AskAsync(IReadOnlyList<Message> history, List<Message> earlier, string question);
            }
            """);

        Assert.True(run.GeneratorDiagnostics.Length == 1 && run.GeneratorDiagnostics[0].Id == "PG0020", string.Join("\n", run.GeneratorDiagnostics.Select(d => d.GetMessage())));
        Microsoft.CodeAnalysis.Diagnostic diagnostic = run.GeneratorDiagnostics[0];
        Assert.Equal("PG0020", diagnostic.Id);
        Assert.Equal("earlier", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal("Method 'AskAsync' takes the conversation history in 'history' already; 'earlier' would be a second one. Pass one list of prior turns.", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_history_parameter_is_no_unused_parameter()
    {
        var diagnostics = AnalyzerHarness.Run(ConversationSources.Chat);

        Assert.DoesNotContain(diagnostics, d => d.Id == "PG0102");
    }
}
