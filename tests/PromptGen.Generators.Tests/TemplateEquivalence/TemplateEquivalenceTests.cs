using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>
/// Templates compiled to C# must render exactly what Scriban renders: every template of the rich corpus, the
/// samples and the other test projects is rendered both ways (under de-DE) and compared byte for byte, errors
/// included (a template Scriban fails on must fail compiled too).
/// </summary>
public sealed class TemplateEquivalenceTests
{
    /// <summary>Prompt declarations elsewhere in the repository, each compiled on its own.</summary>
    public static TheoryData<string> CorpusFiles => new()
    {
        "samples/QuickStart/Prompts.cs",
        "tests/AotSmoke/Prompts.cs",
        "tests/PromptGen.EndToEnd.Tests/OrderPrompts.cs",
        "tests/PromptGen.EndToEnd.Tests/ReviewPrompts.cs",
        "bench/PromptGen.Benchmarks/Templates/BenchPrompts.cs|bench/PromptGen.Benchmarks/Templates/TemplateCorpus.cs",
    };

    [Fact]
    public void Rich_corpus_renders_like_Scriban_byte_for_byte()
    {
        GeneratorRun run = GeneratorHarness.Run(RichTemplateCorpus.Source);
        Assert.Empty(run.CompilationDiagnostics);
        Assembly assembly = CompiledAssembly.Load(run);
        Type corpus = assembly.GetType("Corpus.ICorpus", throwOnError: true)!;
        var cases = (IEnumerable<(string Method, object?[] Arguments)>)assembly.GetType("Corpus.Cases")!.GetMethod("All")!.Invoke(null, null)!;

        var mismatches = new List<string>();
        int compared = 0;
        foreach ((string method, object?[] arguments) in cases)
        {
            foreach ((RenderOutcome generated, RenderOutcome scriban) in RenderComparison.Compare(corpus, method, arguments))
            {
                compared++;
                if (generated != scriban)
                {
                    mismatches.Add($"{method}({string.Join(", ", arguments.Select(a => a?.ToString() ?? "null"))}):\n  generated {generated}\n  scriban   {scriban}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(compared > 60, $"only {compared} renders compared");
    }

    [Fact]
    public void Rich_corpus_compiles_every_template_except_the_fallbacks_and_says_why_for_those()
    {
        GeneratorRun run = GeneratorHarness.Run(RichTemplateCorpus.Source);
        string generated = run.GeneratedSource("ICorpus.PromptClient.g.cs");
        string[] methods = RichTemplateCorpus.Source.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Task<string> ", StringComparison.Ordinal))
            .Select(line => line["Task<string> ".Length..line.IndexOf('(')])
            .ToArray();
        Assert.Equal(20, methods.Length);

        foreach (string method in methods)
        {
            bool compiled = generated.Contains($"private static string Render{method}User(", StringComparison.Ordinal);
            Assert.True(
                compiled != method.EndsWith("FallbackAsync", StringComparison.Ordinal),
                $"{method}: compiled = {compiled}; PG0150: {string.Join("; ", run.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))}");
        }

        Diagnostic[] fallbacks = run.GeneratorDiagnostics.Where(d => d.Id == "PG0150").ToArray();
        Assert.Equal(methods.Count(m => m.EndsWith("FallbackAsync", StringComparison.Ordinal)), fallbacks.Length);
        Assert.All(fallbacks, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Repository_templates_render_like_Scriban(string files)
    {
        string[] sources = files.Split('|').Select(path => File.ReadAllText(Path.Combine(RepositoryPaths.Root, path))).ToArray();
        GeneratorRun run = GeneratorHarness.Run(sources);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assembly assembly = CompiledAssembly.Load(run);

        var mismatches = new List<string>();
        int compared = 0;
        foreach (Type promptInterface in assembly.GetTypes().Where(t => t.IsInterface && t.GetCustomAttribute<PromptClientAttribute>() is not null))
        {
            foreach (MethodInfo method in promptInterface.GetMethods().Where(m => m.GetCustomAttribute<PromptAttribute>() is not null))
            {
                foreach (bool nulls in new[] { false, true })
                {
                    foreach ((RenderOutcome generated, RenderOutcome scriban) in RenderComparison.Compare(promptInterface, method.Name, SampleArguments.For(method, nulls)))
                    {
                        compared++;
                        if (generated != scriban)
                        {
                            mismatches.Add($"{promptInterface.Name}.{method.Name} (nulls: {nulls}):\n  generated {generated}\n  scriban   {scriban}");
                        }
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(compared > 0);
    }
}
