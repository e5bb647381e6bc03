using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// PG0305 (warning): a DataAnnotations attribute on a member of a typed result, or on a tool's parameter, whose type
/// it does not apply to (<c>[Range]</c> on a string, <c>[StringLength]</c> on a number, <c>[EmailAddress]</c> on a
/// number, …). The schema and the generated parser apply each attribute only to the shapes it describes
/// (<see cref="ConstraintFit"/>), so the answer is never checked against it; nothing fails, which is why this is a
/// warning. Reported at the attribute, once per attribute however many methods return the type; a tool's parameters
/// once per tool, wherever its tool set is used (as PG0408).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ValidationAttributeAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValidationAttributeMismatch);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes) is not { } resultType)
            {
                continue;
            }

            foreach (ConstraintMisfit misfit in ResultShapeReader.ReadAll(resultType, cancellationToken).Misfits)
            {
                if (misfit.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() is { IsInSource: true } location)
                {
                    sink.Report(
                        DiagnosticDescriptors.ValidationAttributeMismatch,
                        location,
                        misfit.AttributeName,
                        misfit.Member,
                        misfit.MemberType,
                        misfit.AppliesTo,
                        misfit.Advice);
                }
            }
        }
    }

    protected override void InitializeCompilation(CompilationStartAnalysisContext start, KnownTypeSymbols knownTypes, Catalog.ModelTable catalog)
    {
        if (knownTypes.ToolAttribute is null)
        {
            return;
        }

        start.RegisterSymbolAction(
            symbolContext =>
            {
                var method = (IMethodSymbol)symbolContext.Symbol;
                if (AttributeReader.Find(method, knownTypes.ToolAttribute) is null || knownTypes.HasUnresolvedSignature(method))
                {
                    return;
                }

                var inputs = method.Parameters.Where(parameter => !knownTypes.IsCancellationToken(parameter.Type)).ToList();
                foreach (ConstraintMisfit misfit in ResultShapeReader.ReadArgumentMisfits(inputs, symbolContext.CancellationToken))
                {
                    if (misfit.Attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() is { IsInSource: true } location)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.ValidationAttributeMismatch,
                            location,
                            misfit.AttributeName,
                            misfit.Member,
                            misfit.MemberType,
                            misfit.AppliesTo,
                            misfit.Advice));
                    }
                }
            },
            SymbolKind.Method);
    }
}
