using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.ProjectCatalogs;

/// <summary>
/// The project's catalog files as the generator's pipeline holds them: the rows they lay over the built-in catalog
/// (in force, after later files replaced earlier ones) and the latest <c>asOf</c>, compared by value, so a catalog file
/// re-read with the same facts (or edited only in layout) leaves every step after it unchanged. Holds no symbols.
/// A file that does not read adds nothing, as for the analyzers, which report it (PG0230); the generator does not.
/// </summary>
internal sealed record ProjectCatalogModel(string? AsOf, EquatableArray<ModelInfo> Rows)
{
    private static readonly ConditionalWeakTable<ProjectCatalogModel, ModelTable> Tables = new();

    /// <summary>A project without catalog files (or whose files add nothing).</summary>
    public static readonly ProjectCatalogModel BuiltIn = new(null, EquatableArray<ModelInfo>.Empty);

    /// <summary>The project builds against the built-in catalog alone.</summary>
    public bool IsBuiltIn => AsOf is null && Rows.IsEmpty;

    /// <summary>The merged table the generator's decisions use; the built-in one when <see cref="IsBuiltIn"/>.</summary>
    public ModelTable Table => IsBuiltIn ? ModelCatalog.BuiltIn : Tables.GetValue(this, static model => ModelCatalog.BuiltIn.With(model.Rows, model.AsOf));

    /// <summary>
    /// Reads the files in the order given with the analyzers' reader (<see cref="CatalogOverrides.Apply"/>), so the
    /// generator and the analyzers judge a model id by the same merged rows.
    /// </summary>
    public static ProjectCatalogModel Read(IReadOnlyList<CatalogFileText> files)
    {
        if (files.Count == 0)
        {
            return BuiltIn;
        }

        ModelTable builtIn = ModelCatalog.BuiltIn;
        (ModelTable merged, _) = CatalogOverrides.Apply(builtIn, files.Select(file => (file.Path, file.Text)));
        if (ReferenceEquals(merged, builtIn))
        {
            return BuiltIn;
        }

        EquatableArray<ModelInfo> rows = merged.All.Where(row => !ReferenceEquals(builtIn.Row(row.BaseId), row)).ToEquatableArray();
        string? asOf = merged.AsOf == builtIn.AsOf ? null : merged.AsOf;
        return rows.IsEmpty && asOf is null ? BuiltIn : new ProjectCatalogModel(asOf, rows);
    }
}
