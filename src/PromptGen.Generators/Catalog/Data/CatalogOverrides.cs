using System.Collections.Generic;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>
/// Lays a project's catalog files (<c>promptgen.models.json</c>) over the built-in catalog, in the order given: a later
/// file's row replaces an earlier one's. A file with faults adds none of its rows, so half a file never changes a
/// build; its faults come back with its path.
/// </summary>
internal static class CatalogOverrides
{
    /// <summary>The file name PromptGen reads as a project's catalog when it is an <c>AdditionalFiles</c> item.</summary>
    public const string FileName = "promptgen.models.json";

    public static (ModelTable Table, IReadOnlyList<(string Path, CatalogFileError Error)> Errors) Apply(ModelTable builtIn, IEnumerable<(string Path, string Text)> files)
    {
        ModelTable table = builtIn;
        var errors = new List<(string Path, CatalogFileError Error)>();
        foreach ((string path, string text) in files)
        {
            CatalogFileContent content = CatalogFile.Read(text, table.Row);
            if (content.Errors.Count > 0)
            {
                foreach (CatalogFileError error in content.Errors)
                {
                    errors.Add((path, error));
                }

                continue;
            }

            table = table.With(content.Models, content.AsOf);
        }

        return (table, errors);
    }
}
