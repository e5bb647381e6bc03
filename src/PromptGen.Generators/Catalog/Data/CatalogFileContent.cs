using System.Collections.Generic;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>What <see cref="CatalogFile.Read"/> made of a catalog file: its date, its rows, and its faults.</summary>
/// <param name="AsOf">The file's <c>asOf</c> date (yyyy-MM-dd), or null when it has none.</param>
/// <param name="Models">The rows read, in file order; a row with a fault is left out.</param>
/// <param name="Errors">Every fault found; empty for a good file.</param>
internal sealed record CatalogFileContent(string? AsOf, IReadOnlyList<ModelInfo> Models, IReadOnlyList<CatalogFileError> Errors);
