using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>
/// The generator's view of the project's catalog files: the additional files <see cref="CatalogFileRule"/> picks,
/// read into one <see cref="ProjectCatalogModel"/>. A C# edit or an edit to another additional file leaves every
/// step cached; an edit to a catalog file re-runs these steps and the catalog decisions, never the parser.
/// </summary>
internal static class ProjectCatalogPipeline
{
    public static IncrementalValueProvider<ProjectCatalogModel> Create(IncrementalGeneratorInitializationContext context) =>
        context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => CatalogFileRule.IsCatalogFile(pair.Left.Path, pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) => new CatalogFileText(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.CatalogFiles)
            .Collect()
            .Select(static (files, _) => ProjectCatalogModel.Read(files))
            .WithTrackingName(TrackingNames.ProjectCatalog);
}
