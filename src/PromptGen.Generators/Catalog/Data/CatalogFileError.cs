namespace PromptGen.Generators.Catalog.Data;

/// <summary>One fault in a catalog file, with where it is (1-based), so a diagnostic can point at it.</summary>
internal sealed record CatalogFileError(string Message, int Line, int Column)
{
    public override string ToString() => $"({Line},{Column}): {Message}";
}
