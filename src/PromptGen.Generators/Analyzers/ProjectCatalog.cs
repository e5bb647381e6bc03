using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;
using PromptGen.Generators.ProjectCatalogs;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// The model catalog a project builds against: the built-in one with the project's catalog files laid over it. A
/// catalog file is an <c>AdditionalFiles</c> item named <c>promptgen.models.json</c>, or any item with the metadata
/// <c>PromptGenCatalog="true"</c> (made visible to analyzers by the package's props). Read once per set of options.
/// </summary>
internal static class ProjectCatalog
{
    private static readonly ConditionalWeakTable<AnalyzerOptions, Merged> Cache = new();

    /// <summary>Whether <paramref name="file"/> is one of the project's catalog files.</summary>
    public static bool IsCatalogFile(AdditionalText file, AnalyzerOptions options) =>
        CatalogFileRule.IsCatalogFile(file.Path, options.AnalyzerConfigOptionsProvider.GetOptions(file));

    /// <summary>The merged catalog; the built-in one when the project has no catalog file.</summary>
    public static ModelTable For(AnalyzerOptions options, CancellationToken cancellationToken) => Read(options, cancellationToken).Table;

    /// <summary>The faults of each catalog file, with where they are; a file with a fault adds nothing.</summary>
    public static IReadOnlyList<(string Path, CatalogFileError Error)> Faults(AnalyzerOptions options, CancellationToken cancellationToken) =>
        Read(options, cancellationToken).Errors;

    private static Merged Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(options, out Merged? cached))
        {
            return cached;
        }

        var files = new List<(string Path, string Text)>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (IsCatalogFile(file, options))
            {
                SourceText? text = file.GetText(cancellationToken);
                files.Add((file.Path, text?.ToString() ?? string.Empty));
            }
        }

        (ModelTable table, IReadOnlyList<(string Path, CatalogFileError Error)> errors) = files.Count == 0
            ? (ModelCatalog.BuiltIn, Array.Empty<(string, CatalogFileError)>())
            : CatalogOverrides.Apply(ModelCatalog.BuiltIn, files);
        return Cache.GetValue(options, _ => new Merged(table, errors));
    }

    private sealed class Merged
    {
        public Merged(ModelTable table, IReadOnlyList<(string Path, CatalogFileError Error)> errors)
        {
            Table = table;
            Errors = errors;
        }

        public ModelTable Table { get; }

        public IReadOnlyList<(string Path, CatalogFileError Error)> Errors { get; }
    }
}
