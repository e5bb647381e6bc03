using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Runs PromptGen's analyzers the way a build does: over the user's code plus what the generator added (which the
/// analyzers must skip), with the same references as <see cref="GeneratorHarness"/>.
/// </summary>
internal static class AnalyzerHarness
{
    /// <summary>Every analyzer the generator assembly ships, found as the compiler finds them.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(PromptClientGenerator).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!)
        .ToImmutableArray();

    /// <summary>The analyzers' diagnostics, in source order; an analyzer that throws fails the test.</summary>
    public static IReadOnlyList<Diagnostic> Run(params string[] sources) => Run(ImmutableArray<AdditionalText>.Empty, sources);

    /// <summary>As <see cref="Run(string[])"/>, with <c>AdditionalFiles</c> items (e.g. a promptgen.models.json).</summary>
    public static IReadOnlyList<Diagnostic> Run(ImmutableArray<AdditionalText> additionalFiles, params string[] sources)
    {
        Compilation compilation = GeneratorHarness.Run(sources).Output;
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (!exceptions.IsEmpty)
        {
            throw new AggregateException("An analyzer threw.", exceptions);
        }

        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The source text a diagnostic underlines.</summary>
    public static string TextAt(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>"PG0101 Error 'tiket': message" lines, for readable assertion failures.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => $"{d.Id} {d.Severity} '{(d.Location.IsInSource ? TextAt(d) : "?")}': {d.GetMessage()}"));
}
