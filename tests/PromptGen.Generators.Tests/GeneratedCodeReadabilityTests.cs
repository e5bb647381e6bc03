using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Bedrock;
using PromptGen.Generators.Tests.RuleAgreement;
using PromptGen.Generators.Tests.TemplateEquivalence;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// The generated code reads like code a careful person wrote: short lines (string data aside), one namespace
/// block, the implementation hidden from debuggers' stepping and from coverage, and stack traces that name the
/// prompt interface and method.
/// </summary>
public sealed class GeneratedCodeReadabilityTests
{
    /// <summary>The longest line of code the generator may write; string data (templates, schemas) may be longer.</summary>
    private const int MaxLineLength = 160;

    [Fact]
    public void No_snapshot_has_a_line_of_code_over_160_characters()
    {
        string[] snapshots = Directory.GetFiles(Path.Combine(RepositoryPaths.TestProject, "Snapshots"), "*.verified.cs");

        Assert.True(snapshots.Length >= 8, $"only {snapshots.Length} snapshots found");
        Assert.Empty(snapshots.SelectMany(path => LongCodeLines(Path.GetFileName(path), File.ReadAllText(path))));
    }

    [Fact]
    public void No_generated_file_of_the_corpus_has_a_line_of_code_over_160_characters()
    {
        // The agreement tests' runs of the same corpus (one generator run per entry for both).
        IEnumerable<CorpusRun> corpus = CorpusRuns.TestSourceStrings
            .Concat(CorpusRuns.RepositoryPromptFiles)
            .Concat(CorpusRuns.GeneratedSources);
        var longLines = new List<string>();
        int files = 0;
        foreach (CorpusRun run in corpus)
        {
            foreach (GeneratedFile generated in run.Generated)
            {
                files++;
                longLines.AddRange(LongCodeLines($"{run.Entry.Name} → {generated.HintName}", generated.Text.ToString()));
            }
        }

        Assert.True(files > 100, $"only {files} generated files checked");
        Assert.True(longLines.Count == 0, string.Join("\n", longLines.Take(20)));
    }

    [Fact]
    public void The_line_check_finds_a_long_line_of_code_and_lets_long_string_data_pass()
    {
        string longName = new('x', 170);
        string longText = new('y', 300);
        string source = $$""""
            class C
            {
                const string Regular = "{{longText}}";
                const string Verbatim = @"{{longText}}";
                const string Raw = """
                    {{longText}}
                    """;
                void {{longName}}() { }
            }
            """";

        string found = Assert.Single(LongCodeLines("synthetic", source));
        Assert.Contains(longName, found, StringComparison.Ordinal);
    }

    [Fact]
    public void One_namespace_block_holds_the_interface_and_its_nested_implementation()
    {
        string generated = GeneratorHarness.Run(ResultSources.Triage).GeneratedSource("ITriagePrompts.PromptClient.g.cs");

        Assert.Single(generated.Split('\n'), line => line.StartsWith("namespace ", StringComparison.Ordinal));
        Assert.DoesNotContain("file ", generated, StringComparison.Ordinal);
        Assert.Contains("private sealed class TriagePromptsClient : ITriagePrompts", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_is_written_once_for_the_methods_that_share_its_type()
    {
        string generated = GeneratorHarness.Run(ConversationSources.Chat).GeneratedSource("IChatPrompts.PromptClient.g.cs");

        // AnswerAsync and QuickAnswerAsync both return Answer.
        Assert.Single(GeneratedText.Schemas(generated));
        Assert.Equal(2, generated.Split("SchemaJson = Json.AnswerSchema,").Length - 1);
    }

    [Fact]
    public void The_implementation_is_hidden_from_debugger_stepping_and_coverage()
    {
        Type implementation = Loaded.Value.GetTypes().Single(type => type.Name == "TriagePromptsClient");

        Assert.True(implementation.IsNestedPrivate);
        Assert.Equal("ITriagePrompts", implementation.DeclaringType!.Name);
        Assert.NotNull(implementation.GetCustomAttribute<DebuggerNonUserCodeAttribute>());
        Assert.NotNull(implementation.GetCustomAttribute<ExcludeFromCodeCoverageAttribute>());
        Assert.NotNull(implementation.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>());
    }

    [Theory]
    [InlineData("IsSpamAsync")]
    [InlineData("TriageAsync")]
    public async Task A_stack_trace_through_a_prompt_call_names_the_interface_and_the_method(string method)
    {
        Type promptInterface = Loaded.Value.GetType("Contoso.Triage.ITriagePrompts", throwOnError: true)!;
        object client = promptInterface.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { new FailingBedrock() })!;
        MethodInfo prompt = promptInterface.GetMethod(method)!;
        object?[] arguments = prompt.GetParameters().Select(parameter => parameter.ParameterType == typeof(string) ? "ticket" : (object?)default(CancellationToken)).ToArray();

        var error = await Assert.ThrowsAsync<BedrockDownException>(() => (Task)prompt.Invoke(client, arguments)!);

        string frame = error.StackTrace!.Split('\n').Single(line => line.Contains("TriagePromptsClient", StringComparison.Ordinal)).Trim();
        Assert.StartsWith($"at Contoso.Triage.ITriagePrompts.TriagePromptsClient.Contoso.Triage.ITriagePrompts.{method}(", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("<", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("global::", frame, StringComparison.Ordinal);
    }

    /// <summary>
    /// The lines of <paramref name="source"/> longer than <see cref="MaxLineLength"/> once the characters of string
    /// and character literals on them (regular, verbatim, raw, interpolated text) are left out.
    /// </summary>
    private static IEnumerable<string> LongCodeLines(string name, string source)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions);
        SourceText text = tree.GetText();
        TextSpan[] literals = tree.GetRoot().DescendantTokens()
            .Where(token => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
                or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.CharacterLiteralToken)
            .Select(token => token.Span)
            .ToArray();
        foreach (TextLine line in text.Lines)
        {
            if (line.Span.Length <= MaxLineLength)
            {
                continue;
            }

            int stringData = literals.Sum(literal => literal.Intersection(line.Span)?.Length ?? 0);
            if (line.Span.Length - stringData > MaxLineLength)
            {
                yield return $"{name}:{line.LineNumber + 1}: {line.Span.Length - stringData} characters of code: {line}";
            }
        }
    }

    private static readonly Lazy<Assembly> Loaded = new(() => CompiledAssembly.Load(GeneratorHarness.Run(ResultSources.Triage)));

    private sealed class FailingBedrock : IBedrockRuntime
    {
        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new BedrockDownException();

        public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new BedrockDownException();
    }

    private sealed class BedrockDownException : Exception
    {
    }
}
