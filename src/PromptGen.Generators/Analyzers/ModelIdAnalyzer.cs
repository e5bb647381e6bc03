using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Catalog;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Judges every model id written on a prompt client against the model catalog: unknown (PG0201), malformed
/// (PG0202), legacy (PG0203), end of life (PG0204), or a base id that needs an inference profile (PG0205). Each
/// literal is judged once, where it is written, whether one method uses it or all of them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ModelIdAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownModel,
        DiagnosticDescriptors.MalformedModelId,
        DiagnosticDescriptors.LegacyModel,
        DiagnosticDescriptors.EndOfLifeModel,
        DiagnosticDescriptors.InferenceProfileRequired);

    protected override void Analyze(PromptDeclaration declaration, PromptSymbols symbols, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var references = new List<ModelReference?> { ModelReference.OfInterface(declaration, cancellationToken) };
        foreach (PromptMethod method in declaration.Methods)
        {
            references.Add(ModelReference.OfMethod(method, cancellationToken));
        }

        foreach (ModelReference? reference in references)
        {
            if (reference is not null)
            {
                Judge(reference, sink);
            }
        }
    }

    private static void Judge(ModelReference reference, DiagnosticSink sink)
    {
        ModelLookup lookup = reference.Lookup;
        switch (lookup.Kind)
        {
            case ModelLookupKind.Malformed:
                sink.Report(DiagnosticDescriptors.MalformedModelId, reference.Location, reference.Id);
                return;
            case ModelLookupKind.Unknown:
                // A warning, not an error: AWS adds models faster than any catalog, and the id may well be right.
                sink.Report(
                    DiagnosticDescriptors.UnknownModel,
                    reference.Location,
                    reference.Id,
                    ModelCatalog.AsOf,
                    ModelIdAdvice.DidYouMean(ModelCatalog.Suggest(reference.Id)));
                return;
            case ModelLookupKind.Known when lookup.Model is { } model:
                JudgeKnown(reference, model, sink);
                return;
            default:
                return; // an ARN whose model the id does not reveal: nothing to judge
        }
    }

    private static void JudgeKnown(ModelReference reference, ModelInfo model, DiagnosticSink sink)
    {
        string? prefix = reference.Lookup.ProfilePrefix;
        if (model.Lifecycle == ModelLifecycle.EndOfLife)
        {
            string since = model.EndOfLife is null ? "(date not published)" : "on " + model.EndOfLife;
            sink.Report(DiagnosticDescriptors.EndOfLifeModel, reference.Location, reference.Id, since, ModelIdAdvice.UseSuccessor(model, prefix));
            return; // a dead model needs replacing, not a profile prefix
        }

        if (model.Lifecycle == ModelLifecycle.Legacy)
        {
            string since = model.LegacySince is null ? string.Empty : " since " + model.LegacySince;
            string endOfLife = model.EndOfLife is null ? string.Empty : $" (end of life on {model.EndOfLife})";
            sink.Report(DiagnosticDescriptors.LegacyModel, reference.Location, reference.Id, since + endOfLife, ModelIdAdvice.UseSuccessor(model, prefix));
        }

        if (model.RequiresInferenceProfile && prefix is null && reference.Lookup.BaseId == reference.Id)
        {
            string profiles = model.ProfilePrefixes.Count == 0 ? "us, eu, global" : string.Join(", ", model.ProfilePrefixes);
            sink.Report(DiagnosticDescriptors.InferenceProfileRequired, reference.Location, reference.Id, ModelIdAdvice.CallableId(model.BaseId, null), profiles);
        }
    }
}
