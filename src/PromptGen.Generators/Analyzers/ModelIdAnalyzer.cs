using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Judges every model id written on a prompt client against the model catalog: unknown (PG0201), malformed
/// (PG0202), legacy (PG0203), end of life (PG0204), or a base id that needs an inference profile (PG0205). Each
/// literal is judged once, where it is written, whether one method uses it or all of them; that includes
/// <c>[assembly: PromptDefaults(Model = "…")]</c> and each id of <c>[FallbackModels]</c>.
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

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var references = new List<(ModelReference? Reference, ModelModality Wanted)>
        {
            (ModelReference.OfInterface(declaration, cancellationToken), WantedByAll(declaration.Methods.Where(method => method.Rules.Model.Source != ModelSource.Method))),
        };
        ModelModality interfaceFallbacksWanted = WantedByAll(declaration.Methods.Where(method => method.Rules.FallbackModels.IsInterfaceWide));
        references.AddRange(ModelReference.OfFallbacks(declaration.Rules.FallbackModels, declaration.Catalog, cancellationToken)
            .Select(reference => ((ModelReference?)reference, interfaceFallbacksWanted)));
        foreach (PromptMethod method in declaration.Methods)
        {
            ModelModality wanted = Wanted(method);
            references.Add((ModelReference.OfMethod(method, cancellationToken), wanted));
            if (!method.Rules.FallbackModels.IsInterfaceWide)
            {
                references.AddRange(ModelReference.OfFallbacks(method.Rules.FallbackModels.Attribute, declaration.Catalog, cancellationToken)
                    .Select(reference => ((ModelReference?)reference, wanted)));
            }
        }

        foreach ((ModelReference? reference, ModelModality wanted) in references)
        {
            if (reference is not null)
            {
                Judge(reference, declaration.Catalog, sink, wanted);
            }
        }
    }

    /// <summary>What a method needs its model to make: embeddings, images, or (any other method) text.</summary>
    private static ModelModality Wanted(PromptMethod method) => method.Rules.Invoke?.Kind switch
    {
        InvokeKind.Embedding => ModelModality.Embedding,
        InvokeKind.Image => ModelModality.Image,
        _ => ModelModality.Chat,
    };

    /// <summary>
    /// What every method using a shared id (the interface's or the assembly default) needs, so an unknown id is
    /// compared with models of that kind; chat when they differ or none uses it.
    /// </summary>
    private static ModelModality WantedByAll(IEnumerable<PromptMethod> methods)
    {
        ModelModality[] wanted = methods.Select(Wanted).Distinct().ToArray();
        return wanted.Length == 1 ? wanted[0] : ModelModality.Chat;
    }

    /// <summary>
    /// The assembly default is one literal shared by every interface that uses it: it is judged once, in the file
    /// where it is written, not once per interface.
    /// </summary>
    protected override void InitializeCompilation(CompilationStartAnalysisContext start, KnownTypeSymbols knownTypes, ModelTable catalog)
    {
        if (AttributeReader.Find(start.Compilation.Assembly, knownTypes.PromptDefaultsAttribute) is not { ApplicationSyntaxReference: { } written } defaults)
        {
            return;
        }

        start.RegisterSemanticModelAction(modelContext =>
        {
            if (modelContext.SemanticModel.SyntaxTree == written.SyntaxTree
                && ModelReference.OfAssemblyDefaults(defaults, catalog, modelContext.CancellationToken) is { } reference)
            {
                Judge(reference, catalog, new DiagnosticSink(modelContext.ReportDiagnostic), ModelModality.Chat);
            }
        });
    }

    private static void Judge(ModelReference reference, ModelTable catalog, DiagnosticSink sink, ModelModality wanted)
    {
        ModelLookup lookup = reference.Lookup;
        switch (lookup.Kind)
        {
            case ModelLookupKind.Malformed:
                sink.Report(DiagnosticDescriptors.MalformedModelId, reference.Location, reference.Id);
                return;
            case ModelLookupKind.Unknown when catalog.UnknownVendor(lookup.BaseId) is { } vendor:
                // A vendor the catalog has never heard of: nothing to compare the id with, so no guess at another model.
                sink.Report(
                    DiagnosticDescriptors.UnknownModel,
                    reference.Location,
                    reference.Id,
                    catalog.AsOf,
                    $"PromptGen knows no models of '{vendor}', so the id is sent to Bedrock as written and not checked");
                return;
            case ModelLookupKind.Unknown:
                // A warning, not an error: AWS adds models faster than any catalog, and the id may well be right.
                // The suggestions are models of the kind the methods need: an embedding model for an embedding method.
                IReadOnlyList<string> suggestions = catalog.Suggest(reference.Id, modality: wanted);
                sink.Report(
                    DiagnosticDescriptors.UnknownModel,
                    reference.Location,
                    FixProperties.Of(FixProperties.SuggestedModelIds, suggestions.Count == 0 ? null : string.Join(FixProperties.Separator.ToString(), suggestions)),
                    reference.Id,
                    catalog.AsOf,
                    ModelIdAdvice.DidYouMean(suggestions));
                return;
            case ModelLookupKind.Known when lookup.Model is { } model:
                JudgeKnown(reference, model, catalog, sink);
                return;
            default:
                return; // an ARN whose model the id does not reveal: nothing to judge
        }
    }

    private static void JudgeKnown(ModelReference reference, ModelInfo model, ModelTable catalog, DiagnosticSink sink)
    {
        string? prefix = reference.Lookup.ProfilePrefix;
        ImmutableDictionary<string, string?> successor = FixProperties.Of(
            FixProperties.SuccessorModelId,
            model.Successor is null ? null : ModelIdAdvice.CallableId(model.Successor, prefix, catalog));
        if (model.Lifecycle == ModelLifecycle.EndOfLife)
        {
            string since = model.EndOfLife is null ? "(date not published)" : "on " + model.EndOfLife;
            sink.Report(DiagnosticDescriptors.EndOfLifeModel, reference.Location, successor, reference.Id, since, ModelIdAdvice.UseSuccessor(model, prefix, catalog));
            return; // a dead model needs replacing, not a profile prefix
        }

        if (model.Lifecycle == ModelLifecycle.Legacy)
        {
            string since = model.LegacySince is null ? string.Empty : " since " + model.LegacySince;
            string endOfLife = model.EndOfLife is null ? string.Empty : $" (end of life on {model.EndOfLife})";
            sink.Report(DiagnosticDescriptors.LegacyModel, reference.Location, successor, reference.Id, since + endOfLife, ModelIdAdvice.UseSuccessor(model, prefix, catalog));
        }

        if (model.RequiresInferenceProfile && prefix is null && reference.Lookup.BaseId == reference.Id)
        {
            IReadOnlyList<string> prefixes = model.ProfilePrefixes.Count == 0 ? new[] { "us", "eu", "global" } : model.ProfilePrefixes;
            string profiles = string.Join(", ", prefixes);
            sink.Report(
                DiagnosticDescriptors.InferenceProfileRequired,
                reference.Location,
                FixProperties.Of(FixProperties.ProfilePrefixes, string.Join(FixProperties.Separator.ToString(), prefixes)),
                reference.Id,
                ModelIdAdvice.CallableId(model.BaseId, null, catalog),
                profiles);
        }
    }
}
