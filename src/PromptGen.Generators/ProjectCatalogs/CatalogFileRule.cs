using System;
using System.IO;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog.Data;

namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>
/// Which additional files are a project's model catalog files: an <c>AdditionalFiles</c> item named
/// <c>promptgen.models.json</c>, or any item with the metadata <c>PromptGenCatalog="true"</c> (made visible to the
/// compiler by the package's props). The one rule the analyzers (<c>ProjectCatalog</c>) and the generator
/// (<c>ProjectCatalogPipeline</c>) apply, so both read the same files.
/// </summary>
internal static class CatalogFileRule
{
    /// <summary>The item metadata that marks any additional file as a catalog file, as the compiler sees it.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.PromptGenCatalog";

    /// <summary>Whether the additional file at <paramref name="path"/>, with its item options, is a catalog file.</summary>
    public static bool IsCatalogFile(string path, AnalyzerConfigOptions fileOptions) =>
        string.Equals(Path.GetFileName(path), CatalogOverrides.FileName, StringComparison.OrdinalIgnoreCase)
        || (fileOptions.TryGetValue(MetadataKey, out string? marked) && string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase));
}
