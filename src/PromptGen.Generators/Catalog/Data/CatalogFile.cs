using System;
using System.Collections.Generic;
using System.Globalization;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>
/// Reads the catalog's JSON shape (models.schema.json) into <see cref="ModelInfo"/> rows. The built-in file must give
/// every fact; an override file may give only some facts of a model the catalog already has (the rest are kept), and
/// must give every required fact of a model it adds. Never throws: every fault is a <see cref="CatalogFileError"/>.
/// </summary>
internal static class CatalogFile
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="existing"/> gives the row an override is laid over, if any.</summary>
    public static CatalogFileContent Read(string text, Func<string, ModelInfo?>? existing = null)
    {
        CatalogJsonNode root;
        try
        {
            root = CatalogJson.Parse(text);
        }
        catch (CatalogJsonException error)
        {
            return new CatalogFileContent(null, Array.Empty<ModelInfo>(), new[] { new CatalogFileError("not valid JSON: " + error.Message, error.Line, error.Column) });
        }

        var errors = new List<CatalogFileError>();
        var models = new List<ModelInfo>();
        if (root.Kind != JsonKind.Object)
        {
            errors.Add(At(root, $"the file must be a JSON object with a 'models' array, not {root.Describe()}"));
            return new CatalogFileContent(null, models, errors);
        }

        string? asOf = null;
        if (root.Member("asOf") is { } asOfNode)
        {
            asOf = Date(asOfNode, "asOf", errors);
        }

        CatalogJsonNode? rows = root.Member("models");
        if (rows is null || rows.Kind != JsonKind.Array)
        {
            errors.Add(At(rows ?? root, "the file needs a 'models' array"));
            return new CatalogFileContent(asOf, models, errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (CatalogJsonNode row in rows.Items)
        {
            int before = errors.Count;
            ModelInfo? model = CatalogRow.Read(row, existing, errors);
            if (model is null || errors.Count != before)
            {
                continue;
            }

            if (!seen.Add(model.BaseId))
            {
                errors.Add(At(row, $"the model '{model.BaseId}' appears twice"));
                continue;
            }

            models.Add(model);
        }

        return new CatalogFileContent(asOf, models, errors);
    }

    internal static CatalogFileError At(CatalogJsonNode node, string message) => new(message, node.Line, node.Column);

    internal static string? Date(CatalogJsonNode node, string name, List<CatalogFileError> errors)
    {
        if (node.Kind == JsonKind.String
            && DateTime.TryParseExact(node.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return node.Text;
        }

        errors.Add(At(node, $"'{name}' must be a date written yyyy-MM-dd"));
        return null;
    }
}
