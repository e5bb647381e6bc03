using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// PG0305 (warning): a DataAnnotations attribute on a member of a typed result whose type it does not apply to
/// (<c>[Range]</c> on a string, <c>[StringLength]</c> on a number, …). The schema and the generated parser apply each
/// attribute only to the shapes it describes (<see cref="ConstraintFit"/>), so the answer is never checked against
/// it; nothing fails, which is why this is a warning. Reported at the attribute, once per attribute however many
/// methods return the type.
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
}
