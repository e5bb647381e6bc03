namespace PromptGen.Generators;

/// <summary>Names of the pipeline steps, so tests can check each one is cached.</summary>
internal static class TrackingNames
{
    public const string ParsedClients = nameof(ParsedClients);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The project's catalog files, read (path and text).</summary>
    public const string CatalogFiles = nameof(CatalogFiles);

    /// <summary>The catalog files merged into one value-equatable model.</summary>
    public const string ProjectCatalog = nameof(ProjectCatalog);

    /// <summary>Each interface's model with the catalog decisions taken again with the project's catalog.</summary>
    public const string CatalogDecisions = nameof(CatalogDecisions);
}
