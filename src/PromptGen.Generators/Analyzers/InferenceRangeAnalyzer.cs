using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// <c>[Inference]</c> values Converse rejects for every model (PG0207): <c>Temperature</c> and <c>TopP</c> outside
/// 0–1 (Converse caps temperature at 1 whatever a model's native API allows), <c>MaxTokens</c> below 1. Judged
/// per attribute, where the value is written, independent of the model.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InferenceRangeAnalyzer : PromptClientAnalyzer
{
    private const string UnitRange = "0 to 1";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InferenceSettingOutOfRange);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        Check(declaration.Rules.Inference, sink, cancellationToken);
        foreach (PromptMethod method in declaration.Methods)
        {
            Check(method.Rules.Inference.MethodAttribute, sink, cancellationToken);
        }
    }

    private static void Check(AttributeData? attribute, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute))
        {
            return;
        }

        InferenceModel inference = AttributeReader.ReadInference(attribute);
        if (inference.Temperature is { } temperature && !IsUnit(temperature))
        {
            Report(attribute, InferenceChoice.Temperature, temperature.ToString("R", CultureInfo.InvariantCulture), UnitRange, sink, cancellationToken);
        }

        if (inference.TopP is { } topP && !IsUnit(topP))
        {
            Report(attribute, InferenceChoice.TopP, topP.ToString("R", CultureInfo.InvariantCulture), UnitRange, sink, cancellationToken);
        }

        if (inference.MaxTokens is { } maxTokens && maxTokens < 1)
        {
            Report(attribute, InferenceChoice.MaxTokens, maxTokens.ToString(CultureInfo.InvariantCulture), "1 to the model's output limit", sink, cancellationToken);
        }
    }

    // NaN fails both comparisons, so it is out of range too.
    private static bool IsUnit(double value) => value >= 0 && value <= 1;

    private static void Report(AttributeData attribute, string name, string value, string range, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (AttributeArguments.Named(attribute, name, cancellationToken)?.GetLocation() is { } location)
        {
            sink.Report(DiagnosticDescriptors.InferenceSettingOutOfRange, location, name, value, range);
        }
    }
}
