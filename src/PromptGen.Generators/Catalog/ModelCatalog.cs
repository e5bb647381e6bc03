using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PromptGen.Generators.Catalog.Data;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// The built-in model catalog: ids, limits, lifecycle, modality and Converse capabilities, read from the embedded
/// <c>models.json</c> (Catalog/models.json, shape in models.schema.json). Shared by the generator (build-time
/// diagnostics) and the emulator (per-model request rules), so both judge a model id the same way. A project's
/// overrides make a <see cref="ModelTable"/> of their own with <see cref="ModelTable.With"/>.
/// </summary>
internal static class ModelCatalog
{
    /// <summary>The manifest resource name of the built-in file, the same in every assembly that embeds it.</summary>
    public const string ResourceName = "PromptGen.Catalog.models.json";

    private static readonly Lazy<ModelTable> Table = new(Load);

    /// <summary>The built-in catalog.</summary>
    public static ModelTable BuiltIn => Table.Value;

    /// <summary>The day the built-in lifecycle facts were last brought up to date (yyyy-MM-dd).</summary>
    public static string AsOf => BuiltIn.AsOf;

    public static IReadOnlyList<ModelInfo> All => BuiltIn.All;

    /// <summary>Understands any model id form; never throws.</summary>
    public static ModelLookup Find(string modelId) => BuiltIn.Find(modelId);

    /// <summary>
    /// The known ids closest to <paramref name="unknownId"/>, best first: edit distance on the parts of the id without
    /// prefix (vendor, name, version; see <see cref="ModelIdParts"/>), the name also against the model's display name, or
    /// whole words of the name. A suggestion keeps the caller's profile prefix when the model has that profile, and names
    /// a profile when the model can only be called through one. Only models of <paramref name="modality"/> are
    /// suggested (every model when null): a chat prompt's typo never turns into an embedding model.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string unknownId, int max = 3, ModelModality? modality = ModelModality.Chat) =>
        BuiltIn.Suggest(unknownId, max, modality);

    /// <summary>
    /// The vendor part of <paramref name="baseId"/> (<c>acme</c> of <c>acme.model-v1:0</c>) when the catalog has no model
    /// of that vendor nor of one spelt close to it; null for a known vendor or a likely misspelling of one.
    /// </summary>
    public static string? UnknownVendor(string baseId) => BuiltIn.UnknownVendor(baseId);

    /// <summary>The built-in file's text, as embedded.</summary>
    public static string ReadEmbeddedText()
    {
        using Stream stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The model catalog resource '{ResourceName}' is missing from {typeof(ModelCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The file is tested to read without a fault; a fault here is a broken build of PromptGen, so it is loud.
    private static ModelTable Load()
    {
        CatalogFileContent content = CatalogFile.Read(ReadEmbeddedText());
        if (content.Errors.Count > 0 || content.AsOf is null)
        {
            throw new InvalidOperationException("The built-in model catalog is invalid: " + string.Join("; ", content.Errors.Select(error => error.ToString())));
        }

        return new ModelTable(content.AsOf, content.Models);
    }
}
