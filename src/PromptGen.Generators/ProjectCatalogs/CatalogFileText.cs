namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>One of the project's catalog files as the generator read it: its path (for order and faults) and text.</summary>
internal sealed record CatalogFileText(string Path, string Text);
