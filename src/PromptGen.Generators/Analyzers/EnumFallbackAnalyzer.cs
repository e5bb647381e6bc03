using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// PG0304 (info): a typed result asked of its model with the PromptOnly strategy (the schema is only described in
/// the prompt, nothing constrains the answer) contains an enum, used without <c>?</c>, that has no fallback member.
/// When no member fits, such a model invents one, and the answer fails validation and costs a repair turn or the call.
/// The strategy is the one the generator will use (<see cref="ResultStrategySelector"/>), so unknown models and
/// unconfirmed capabilities count as PromptOnly, as they do at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EnumFallbackAnalyzer : PromptClientAnalyzer
{
    /// <summary>Member names (any case) that give the model an answer when nothing else fits.</summary>
    public static readonly ImmutableArray<string> FallbackNames = ImmutableArray.Create("Unknown", "Other", "None", "Unspecified");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EnumWithoutFallback);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes) is not { } resultType
                || ModelReference.Effective(method, cancellationToken) is not { } reference
                || TypedResultReturn.ReturnTypeLocation(method.Symbol, cancellationToken) is not { } location)
            {
                continue;
            }

            if (method.Rules.StructuredOutput is { } choice && AttributeReader.HasErrors(choice)
                || method.Rules.StrategyFor(reference.Id, method.Catalog).Strategy != ResultStrategySelector.PromptOnly)
            {
                continue;
            }

            (ResultModel? result, string? problem) = ResultShapeReader.Read(resultType, cancellationToken);
            if (result is null || problem is not null || result.Enums.IsEmpty)
            {
                continue;
            }

            HashSet<string> required = EnumsUsedWithoutNull(result);
            foreach (EnumShape shape in result.Enums.OrderBy(shape => shape.TypeName, System.StringComparer.Ordinal))
            {
                if (required.Contains(shape.Id) && !shape.MemberNames.Any(IsFallback))
                {
                    sink.Report(
                        DiagnosticDescriptors.EnumWithoutFallback,
                        location,
                        Simple(shape.TypeName),
                        method.Symbol.Name,
                        reference.Id);
                }
            }
        }
    }

    private static bool IsFallback(string member) =>
        FallbackNames.Any(name => string.Equals(name, member, System.StringComparison.OrdinalIgnoreCase));

    /// <summary>Enums that appear somewhere without <c>?</c>: a nullable use already lets the model answer null.</summary>
    private static HashSet<string> EnumsUsedWithoutNull(ResultModel result)
    {
        var ids = new HashSet<string>(System.StringComparer.Ordinal);
        void Visit(TypeRef? type)
        {
            for (; type is not null; type = type.Element)
            {
                if (type.Kind == ValueKind.Enum && type.ShapeId is not null && !type.IsNullable && !type.IsNullableValueType)
                {
                    ids.Add(type.ShapeId);
                }
            }
        }

        Visit(result.Root);
        foreach (ObjectShape shape in result.Objects)
        {
            foreach (PropertyShape property in shape.Properties)
            {
                Visit(property.Type);
            }
        }

        return ids;
    }

    private static string Simple(string typeName)
    {
        int dot = typeName.LastIndexOf('.');
        return dot < 0 ? typeName : typeName.Substring(dot + 1);
    }
}
