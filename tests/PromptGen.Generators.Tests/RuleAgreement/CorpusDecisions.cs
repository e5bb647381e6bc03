using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Analyzers;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>
/// The decisions for every method of one compilation, keyed by interface, method name and overload index
/// (<c>global::Demo.IPrompts.AskAsync#0</c>): from the generator's parsed model, and as the analyzers read them.
/// Only an interface's own methods are keyed: the analyzers judge an inherited method where it is declared.
/// </summary>
internal sealed record CorpusDecisions(IReadOnlyDictionary<string, MethodDecision> Generator, IReadOnlyDictionary<string, MethodDecision> Analyzers)
{
    /// <summary>
    /// Runs the generator over each entry with one driver (as an IDE does between edits, which keeps a large corpus
    /// fast) and reads both sides' decisions, keeping the files the generator wrote for each entry.
    /// </summary>
    public static IEnumerable<CorpusRun> Of(IEnumerable<CorpusEntry> corpus)
    {
        CSharpCompilation empty = GeneratorHarness.Compile();
        GeneratorDriver driver = GeneratorHarness.CreateDriver();
        foreach (CorpusEntry entry in corpus)
        {
            CSharpCompilation compilation = empty.AddSyntaxTrees(
                entry.Sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: $"File{index}.cs")));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            yield return new CorpusRun(
                entry,
                new CorpusDecisions(FromGenerator(result), FromAnalyzers(output)),
                result.GeneratedSources.Select(generated => new GeneratedFile(generated.HintName, generated.SourceText)).ToList());
        }
    }

    private static Dictionary<string, MethodDecision> FromGenerator(GeneratorRunResult result)
    {
        var decisions = new Dictionary<string, MethodDecision>(System.StringComparer.Ordinal);
        if (!result.TrackedSteps.TryGetValue(TrackingNames.ParsedClients, out var steps))
        {
            return decisions; // no [PromptClient] interface in this compilation
        }

        IEnumerable<PromptClientModel> clients = steps
            .SelectMany(step => step.Outputs)
            .Where(output => output.Reason != IncrementalStepRunReason.Removed) // the previous entry's, with a reused driver
            .Select(output => ((ParseResult)output.Value).Model)
            .OfType<PromptClientModel>();
        foreach (PromptClientModel client in clients)
        {
            var overloads = new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach (PromptMethodModel method in client.Methods.Where(method => method.FullyQualifiedDeclaringInterface == client.FullyQualifiedInterfaceName))
            {
                string key = Key(client.FullyQualifiedInterfaceName, method.Name, overloads);
                if (method.Plan is { } plan)
                {
                    decisions[key] = MethodDecision.OfGenerator(plan);
                }
            }
        }

        return decisions;
    }

    private static Dictionary<string, MethodDecision> FromAnalyzers(Compilation compilation)
    {
        KnownTypeSymbols knownTypes = KnownTypeSymbols.For(compilation);
        var decisions = new Dictionary<string, MethodDecision>(System.StringComparer.Ordinal);
        foreach (ISymbol type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type))
        {
            if (PromptDeclaration.TryRead(type, knownTypes) is not { } declaration)
            {
                continue;
            }

            string interfaceName = declaration.Symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var overloads = new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach (PromptMethod method in declaration.Methods)
            {
                decisions[Key(interfaceName, method.Symbol.Name, overloads)] = MethodDecision.OfAnalyzers(method, knownTypes);
            }
        }

        return decisions;
    }

    private static string Key(string interfaceName, string methodName, Dictionary<string, int> overloads)
    {
        int index = overloads.TryGetValue(methodName, out int seen) ? seen : 0;
        overloads[methodName] = index + 1;
        return $"{interfaceName}.{methodName}#{index}";
    }
}
