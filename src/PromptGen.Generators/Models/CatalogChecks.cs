using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.Generators.Models;

/// <summary>
/// The decisions about one method that depend on the model catalog, as data. The parser runs on symbols and cannot
/// see the project's catalog files, so it works out each possible outcome here; the catalog step
/// (<c>ProjectCatalogs/CatalogCheckDecisions</c>) takes them with the merged table (the built-in one when the project
/// has no file), for the generated code and for the diagnostics alike. Null members check nothing.
/// </summary>
internal sealed record CatalogChecks
{
    /// <summary>A chat method's model must make text (PG0223).</summary>
    public ChatModelCheck? ChatModel { get; init; }

    /// <summary>The tool-name findings that hang on whether the typed result is asked as a forced tool.</summary>
    public ForcedToolCheck? ForcedTool { get; init; }

    /// <summary>An image or embedding method whose model's body family the built-in catalog cannot tell.</summary>
    public InvokeFamilyCheck? InvokeFamily { get; init; }
}

/// <summary>PG0223 at the method's model when the catalog says it makes images (<paramref name="IfImage"/>) or embeddings.</summary>
internal sealed record ChatModelCheck(string ModelId, DiagnosticInfo IfImage, DiagnosticInfo IfEmbedding);

/// <summary>
/// What the tool checks (PG0405, PG0406) find when <paramref name="ModelId"/>'s strategy is ForcedTool (the result's
/// tool is offered beside the method's) and what they find otherwise; findings both share are reported by the parser.
/// </summary>
internal sealed record ForcedToolCheck(string ModelId, EquatableArray<DiagnosticInfo> IfForcedTool, EquatableArray<DiagnosticInfo> Otherwise);

/// <summary>
/// An image or embedding method aimed at a model whose body family neither the built-in catalog nor the id's prefix
/// names: the method as each family of its kind would generate it, and PG0223 (<paramref name="Unmatched"/>, its
/// wording taken from the catalog) when the merged catalog names none either.
/// </summary>
internal sealed record InvokeFamilyCheck(string ModelId, bool Embedding, DiagnosticInfo Unmatched, EquatableArray<FamilyOutcome> Outcomes);

/// <summary>The method and its findings had its model the body family <paramref name="Family"/>.</summary>
internal sealed record FamilyOutcome(InvokeModelFamily Family, PromptMethodModel Method, EquatableArray<DiagnosticInfo> Diagnostics);
