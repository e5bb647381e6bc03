using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Bedrock invocation options that Bedrock or the model would reject:
/// PG0215 [Reasoning] on a model the catalog knows has no Claude extended thinking;
/// PG0216 a thinking budget below 1024 or not below MaxTokens;
/// PG0217 thinking with Temperature, a TopP below 0.95, or a result asked for through a forced tool;
/// PG0218 a guardrail version that is not DRAFT or 1–8 digits, or an identifier that is not an id or guardrail ARN;
/// PG0219 request metadata pairs outside Bedrock's limits;
/// PG0017 a cache point after the tools of a method that has none.
/// The thinking rules are Anthropic's documented extended-thinking rules [D]; the guardrail version and metadata
/// limits are the botocore model's (wire spec §3) [M]; the guardrail identifier pattern is from the model as
/// remembered [U]. Latency-optimized inference, service tiers and cache points have no analyzer: which models
/// honour them is not confirmed (wire spec §7).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InvocationOptionsAnalyzer : PromptClientAnalyzer
{
    private const int MinimumThinkingBudget = 1024;
    private const double MinimumTopPWithThinking = 0.95;
    private const int MaxMetadataPairs = 16;
    private const int MaxMetadataLength = 256;

    private static readonly Regex GuardrailVersion = new("^(([1-9][0-9]{0,7})|(DRAFT))$", RegexOptions.CultureInvariant);
    private static readonly Regex GuardrailIdentifier = new("^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))$", RegexOptions.CultureInvariant);
    private static readonly Regex MetadataText = new(@"^[a-zA-Z0-9\s:_@$#=/+,\-.]*$", RegexOptions.CultureInvariant);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ReasoningNotSupported,
        DiagnosticDescriptors.ThinkingBudgetOutOfRange,
        DiagnosticDescriptors.ThinkingIncompatibleSetting,
        DiagnosticDescriptors.InvalidGuardrailReference,
        DiagnosticDescriptors.InvalidRequestMetadata,
        DiagnosticDescriptors.CachePointAfterNoTools);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        CheckGuardrail(AttributeReader.Find(declaration.Symbol, knownTypes.GuardrailAttribute), sink, cancellationToken);
        CheckMetadataPairs(declaration.Symbol, knownTypes, sink, cancellationToken);
        AttributeData? interfaceReasoning = Usable(AttributeReader.Find(declaration.Symbol, knownTypes.ReasoningAttribute));
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckGuardrail(AttributeReader.Find(method.Symbol, knownTypes.GuardrailAttribute), sink, cancellationToken);
            CheckMetadataPairs(method.Symbol, knownTypes, sink, cancellationToken);
            CheckToolsCachePoint(method, knownTypes, sink, cancellationToken);
            AttributeData? ownReasoning = Usable(AttributeReader.Find(method.Symbol, knownTypes.ReasoningAttribute));
            if ((ownReasoning ?? interfaceReasoning) is { } reasoning)
            {
                // An interface-level attribute is written once but judged per method: report at the method's name.
                Location fallback = ownReasoning is not null
                    ? AttributeArguments.Location(reasoning, cancellationToken) ?? Location.None
                    : method.Symbol.Locations.FirstOrDefault(location => location.IsInSource) ?? Location.None;
                CheckReasoning(method, knownTypes, reasoning, ownReasoning is not null, fallback, sink, cancellationToken);
            }
        }
    }

    private static AttributeData? Usable(AttributeData? attribute) => attribute is null || AttributeReader.HasErrors(attribute) ? null : attribute;

    private static void CheckReasoning(PromptMethod method, KnownTypeSymbols knownTypes, AttributeData reasoning, bool own, Location fallback, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        string name = method.Symbol.Name;
        if (ModelReference.Effective(method, cancellationToken) is { Lookup: { Kind: ModelLookupKind.Known, Model: { } model } } reference
            && !(model.Provider == "Anthropic" && model.Supports(ModelCapabilities.Reasoning)))
        {
            sink.Report(DiagnosticDescriptors.ReasoningNotSupported, fallback, reference.Id, name);
            return;
        }

        int budget = NamedInt(reasoning, "BudgetTokens") ?? MinimumThinkingBudget;
        Location budgetLocation = own && AttributeArguments.Named(reasoning, "BudgetTokens", cancellationToken)?.GetLocation() is { } written ? written : fallback;
        InferenceModel inference = method.Rules.Inference.Effective;
        if (budget < MinimumThinkingBudget)
        {
            sink.Report(DiagnosticDescriptors.ThinkingBudgetOutOfRange, budgetLocation, Number(budget), name, $"is below Claude's minimum of {Number(MinimumThinkingBudget)}");
        }
        else if (inference.MaxTokens is { } maxTokens && budget >= maxTokens)
        {
            sink.Report(DiagnosticDescriptors.ThinkingBudgetOutOfRange, budgetLocation, Number(budget), name,
                $"is not below MaxTokens = {Number(maxTokens)}, which counts the thinking and the answer together");
        }

        if (inference.Temperature is { } temperature)
        {
            sink.Report(DiagnosticDescriptors.ThinkingIncompatibleSetting, InferenceLocation(method, InferenceChoice.Temperature, fallback, cancellationToken),
                name, $"Temperature = {temperature.ToString("R", CultureInfo.InvariantCulture)}", "remove it: thinking runs at the default temperature");
        }

        if (inference.TopP is { } topP && topP < MinimumTopPWithThinking)
        {
            sink.Report(DiagnosticDescriptors.ThinkingIncompatibleSetting, InferenceLocation(method, InferenceChoice.TopP, fallback, cancellationToken),
                name, $"TopP = {topP.ToString("R", CultureInfo.InvariantCulture)}", "use 0.95 to 1, or remove it");
        }

        if (UsesForcedTool(method, knownTypes))
        {
            sink.Report(DiagnosticDescriptors.ThinkingIncompatibleSetting, fallback, name, "a result asked for through a forced tool (toolChoice any or tool)",
                "use [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly)] or a model with native structured output");
        }
    }

    /// <summary>The typed result goes through a forced tool, as the generator will ask for it of the method's model.</summary>
    private static bool UsesForcedTool(PromptMethod method, KnownTypeSymbols knownTypes) =>
        TypedResultReturn.ResultTypeOf(method.Symbol.ReturnType, knownTypes) is not null
        && method.Rules.StrategyFor(method.Rules.Model.Id ?? string.Empty, method.Catalog).Strategy == ResultStrategySelector.ForcedTool;

    private static Location InferenceLocation(PromptMethod method, string setting, Location fallback, CancellationToken cancellationToken) =>
        method.Rules.Inference.SourceOf(setting) is { } source && AttributeArguments.Named(source, setting, cancellationToken)?.GetLocation() is { } location
            ? location
            : fallback;

    /// <summary>
    /// CacheAfter.Tools on a method (not an interface, which may mix methods with and without tools) that has no
    /// tool set: no cache point would be sent.
    /// </summary>
    private static void CheckToolsCachePoint(PromptMethod method, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (Usable(AttributeReader.Find(method.Symbol, knownTypes.CachePointAttribute)) is not { ConstructorArguments.Length: 1 } cachePoint
            || cachePoint.ConstructorArguments[0].Value is not int after
            || (after & 4) == 0
            || method.Symbol.Parameters.Any(parameter => ToolSetReader.IsToolSource(parameter.Type, knownTypes)))
        {
            return;
        }

        Location location = AttributeReader.FirstArgumentSyntax(cachePoint, cancellationToken)?.GetLocation()
            ?? AttributeArguments.Location(cachePoint, cancellationToken) ?? Location.None;
        sink.Report(DiagnosticDescriptors.CachePointAfterNoTools, location, method.Symbol.Name);
    }

    private static void CheckGuardrail(AttributeData? guardrail, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (Usable(guardrail) is not { ConstructorArguments.Length: 2 } attribute
            || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList.Arguments.Count: >= 2 } syntax)
        {
            return;
        }

        if (attribute.ConstructorArguments[0].Value is string identifier && (identifier.Length > 2048 || !GuardrailIdentifier.IsMatch(identifier)))
        {
            sink.Report(DiagnosticDescriptors.InvalidGuardrailReference, syntax.ArgumentList.Arguments[0].GetLocation(), "identifier", identifier,
                "use the guardrail's id (lower-case letters and digits, e.g. 'gr1abc2def3') or its ARN (arn:aws:bedrock:<region>:<account>:guardrail/<id>), not its name");
        }

        if (attribute.ConstructorArguments[1].Value is string version && !GuardrailVersion.IsMatch(version))
        {
            sink.Report(DiagnosticDescriptors.InvalidGuardrailReference, syntax.ArgumentList.Arguments[1].GetLocation(), "version", version,
                "use \"DRAFT\" or a published version number of 1 to 8 digits, e.g. \"1\"");
        }
    }

    private static void CheckMetadataPairs(ISymbol owner, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (AttributeData attribute in AttributeReader.FindAllUsable(owner, knownTypes.RequestMetadataAttribute))
        {
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList.Arguments.Count: 2 } syntax)
            {
                continue;
            }

            string key = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
            string value = attribute.ConstructorArguments[1].Value as string ?? string.Empty;
            if (key.Length is < 1 or > MaxMetadataLength || !MetadataText.IsMatch(key))
            {
                sink.Report(DiagnosticDescriptors.InvalidRequestMetadata, syntax.ArgumentList.Arguments[0].GetLocation(), "key", key, "must be 1 to 256 characters of letters, digits, spaces and :_@$#=/+,-.");
            }
            else if (value.Length > MaxMetadataLength || !MetadataText.IsMatch(value))
            {
                sink.Report(DiagnosticDescriptors.InvalidRequestMetadata, syntax.ArgumentList.Arguments[1].GetLocation(), "value", value, "must be at most 256 characters of letters, digits, spaces and :_@$#=/+,-.");
            }
            else if (keys.Add(key) && keys.Count == MaxMetadataPairs + 1)
            {
                sink.Report(DiagnosticDescriptors.InvalidRequestMetadata, syntax.GetLocation(), "pair", key, $"is one too many: Bedrock accepts at most {MaxMetadataPairs} pairs per call");
            }
        }
    }

    private static int? NamedInt(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
