using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Emit;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.ProjectCatalogs;

namespace PromptGen.Generators;

/// <summary>
/// Generates, for each <c>[PromptClient]</c> partial interface, a class implementing it and a static
/// <c>Create</c> factory on the interface.
/// </summary>
[Generator(LanguageNames.CSharp)]
internal sealed class PromptClientGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PromptClientAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
                transform: static (context, cancellationToken) => PromptClientParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedClients);

        IncrementalValuesProvider<PromptClientModel> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models);

        // The parser decides with the built-in catalog (it cannot see additional files) and leaves as data what it
        // cannot decide without the project's; the catalog files decide again what depends on the catalog, so a model
        // they add gets the strategy its capabilities say and the body its row names.
        IncrementalValueProvider<ProjectCatalogModel> catalog = ProjectCatalogPipeline.Create(context);
        IncrementalValuesProvider<PromptClientModel> decided = models
            .Combine(catalog)
            .Select(static (pair, _) => CatalogDecisions.Apply(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CatalogDecisions);

        context.RegisterSourceOutput(decided, static (output, model) =>
            output.AddSource(model.HintName, PromptClientEmitter.Emit(model)));

        // Diagnostics travel as data and are turned into source locations only here, so #pragma and
        // .editorconfig severities apply; this branch is the only one that needs the compilation.
        // The catalog checks the parser left as data (PG0223, the forced-tool name checks) are decided here with the
        // project's catalog, as CatalogDecisions decides them for the generated code.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Combine(catalog)
            .Select(static (pair, _) => CatalogDecisions.Diagnostics(pair.Left, pair.Right))
            .Where(static found => !found.IsEmpty)
            .WithTrackingName(TrackingNames.Diagnostics);

        // Collected so that a finding two interfaces share (a template constant, a result type) is reported once.
        context.RegisterSourceOutput(diagnostics.Collect().Combine(context.CompilationProvider), static (output, pair) =>
        {
            foreach (DiagnosticInfo diagnostic in DiagnosticInfo.Distinct(pair.Left.SelectMany(static found => found)))
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });
    }
}
