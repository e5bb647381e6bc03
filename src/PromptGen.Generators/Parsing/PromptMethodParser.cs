using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;
using PromptGen.Generators.Templates;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Turns one abstract method of a prompt client into a <see cref="PromptMethodModel"/>, one step per aspect (each
/// reports what stops generation). What applies to the method comes from its <see cref="PromptMethodRules"/>, which
/// the analyzers read too. A method that cannot be generated is still modelled, without a plan, so the emitted
/// class implements it with a throwing body and the user sees our diagnostic rather than CS0535.
/// </summary>
internal sealed partial class PromptMethodParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A generic type's fully qualified name without its type parameters, e.g. <c>global::N.ResultStream</c>.</summary>
    private static readonly SymbolDisplayFormat GenericNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    private readonly IMethodSymbol _method;
    private readonly ClientParseState _client;
    private readonly PromptMethodRules _rules;
    private readonly Location _location;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;

    /// <summary>
    /// Something stops generation that is reported elsewhere: by the compiler (a type that does not compile) or for
    /// another method (a result type they share).
    /// </summary>
    private bool _stopped;

    private PromptMethodParser(IMethodSymbol method, ClientParseState client, Location location, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _method = method;
        _client = client;
        _rules = client.Rules.For(method);
        _location = location;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    private KnownTypeSymbols KnownTypes => _client.KnownTypes;

    public static PromptMethodModel Parse(
        IMethodSymbol method,
        ClientParseState client,
        Location interfaceLocation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken) =>
        new PromptMethodParser(method, client, SourceLocations.Of(method, interfaceLocation), diagnostics, cancellationToken).Parse();

    private PromptMethodModel Parse()
    {
        if (_rules.Invoke is { } invoke)
        {
            ReportRetrievalOnInvoke();
            return invoke.Kind == InvokeKind.Embedding ? ParseEmbedding(invoke) : ParseImage(invoke);
        }

        int diagnosticsBefore = _diagnostics.Count;
        EquatableArray<ParameterModel> parameters = ReadParameters();
        ReportStrayMasks("a chat method sends no mask");
        PromptReturnType returns = PromptReturnTypes.Classify(_method.ReturnType, KnownTypes);
        Location returnLocation = ReturnTypeLocation();
        ResultModel? result = ReadReturnType(returns, returnLocation);
        EquatableArray<MediaParameterModel> media = MediaParameterReader.Read(_method, returns.IsStreaming, KnownTypes, _location, _diagnostics, _cancellationToken);
        parameters = MediaParameterReader.MarkMedia(parameters, media);
        bool templatesValid = CheckTemplates();
        string? modelId = ReadModelId();
        ChatModelCheck? chatModel = ChatModelCheck(returns, modelId);
        string? historyParameter = ConversationParameters.Find(_method, KnownTypes, _location, _diagnostics);
        (InvocationOptionsModel? options, bool optionsValid) = _client.InvocationOptions.Read(_method, returns.IsStreaming, _location, _diagnostics, _cancellationToken);
        RetrievalModel? retrieval = RetrievalReader.Read(_rules.Retrieval, _method, _location, _diagnostics, _cancellationToken, out bool retrievalValid);

        ResultPlan? resultPlan = PlanResult(result, returns, modelId);
        ResultPlan? streamedResult = PlanStreamedResult(resultPlan, returns);
        resultPlan = streamedResult ?? resultPlan;
        (ToolingModel? tools, bool toolsHaveErrors) = ToolSetReader.Read(
            _method,
            resultPlan,
            modelId,
            AttributeReader.Find(_method.ContainingType, KnownTypes.ToolLoopAttribute),
            KnownTypes,
            _location,
            _diagnostics,
            out ForcedToolCheck? forcedTool,
            _cancellationToken);

        // Whatever this method reported stops it; a tool set's problem reported for an earlier method shows in toolsHaveErrors.
        bool canGenerate = templatesValid && optionsValid && retrievalValid && !toolsHaveErrors && !_stopped && _diagnostics.Count == diagnosticsBefore;
        PromptPlan? plan = canGenerate && _rules.UserTemplate is { } userTemplate && modelId is not null
            ? CompileTemplates(new PromptPlan(modelId, userTemplate, _rules.SystemPrompt.Template, _rules.Inference.Effective, resultPlan)
            {
                Options = options,
                Media = media,
                TextWithDetails = returns.Kind is ReturnKind.TaskOfString or ReturnKind.ValueTaskOfString && returns.WithDetails,
                HistoryParameter = historyParameter,
                FallbackModels = FallbackModelsReader.Read(_rules, result),
                Retrieval = retrieval,
            })
            : null;

        return new PromptMethodModel(
            _method.Name,
            _method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            streamedResult is null ? _method.ReturnType.ToDisplayString(TypeFormat) : StreamedReturnType(streamedResult),
            plan is null ? ReturnKind.Unsupported : returns.Kind,
            parameters,
            plan)
        {
            StreamedResult = streamedResult,
            Tools = plan is null ? null : tools,
            CatalogChecks = chatModel is null && forcedTool is null ? null : new CatalogChecks { ChatModel = chatModel, ForcedTool = forcedTool },
        };
    }

    /// <summary>An image or embedding method sends no prompt a retrieval could ground (PG0504).</summary>
    private void ReportRetrievalOnInvoke()
    {
        if (_rules.Retrieval is { } retrieval)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                RetrievalDiagnostics.RetrievalNotSupported,
                AttributeReader.LocationOf(retrieval.Attribute, _location, _cancellationToken),
                _method.Name,
                "an image or embedding method has no conversation to put passages in; retrieve in a chat method (Task<string> or Task<T>)"));
        }
    }

    private EquatableArray<ParameterModel> ReadParameters() =>
        _method.Parameters.Select(ReadParameter).ToEquatableArray();

    private ParameterModel ReadParameter(IParameterSymbol parameter)
    {
        string refKind = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };
        if (refKind.Length > 0)
        {
            ReportModifier(parameter, refKind.Trim());
        }

        string identifier = SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
        return new ParameterModel(
            identifier,
            parameter.Name,
            (parameter.IsParams ? "params " : string.Empty) + parameter.Type.ToDisplayString(TypeFormat),
            refKind,
            KnownTypes.IsCancellationToken(parameter.Type));
    }

    /// <summary>
    /// PG0006 at the modifier itself (<c>ref</c>, <c>out</c>, <c>in</c>, <c>ref readonly</c>), with the advice that fits it:
    /// an input loses its modifier (the fix removes it); an <c>out</c> value belongs in the result type.
    /// </summary>
    private void ReportModifier(IParameterSymbol parameter, string modifier)
    {
        Location location = SourceLocations.Of(parameter, _location);
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is ParameterSyntax syntax)
        {
            SyntaxToken[] modifiers = syntax.Modifiers
                .Where(token => token.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword or SyntaxKind.ReadOnlyKeyword or SyntaxKind.ScopedKeyword)
                .ToArray();
            if (modifiers.Length > 0)
            {
                TextSpan span = TextSpan.FromBounds(modifiers[0].SpanStart, modifiers[modifiers.Length - 1].Span.End);
                location = Location.Create(syntax.SyntaxTree, span);
                if (parameter.RefKind != RefKind.Out)
                {
                    // The modifiers and the space after them go; the type then starts where they did.
                    int end = modifiers[modifiers.Length - 1].GetNextToken().SpanStart;
                    string original = syntax.SyntaxTree.GetText(_cancellationToken).ToString(TextSpan.FromBounds(span.Start, end));
                    properties = FixProperties.Edit(span.Start, end - span.Start, original, string.Empty, $"Remove '{modifier}'");
                }
            }
        }

        string advice = parameter.RefKind switch
        {
            RefKind.Out => "a prompt method cannot set a parameter; return the value through the method's result type instead (Task<T> with a member for it)",
            RefKind.Ref => "a prompt method never writes back to its inputs; remove 'ref', and return anything the call produces through the method's result type",
            _ => $"the generated method is asynchronous, and an asynchronous method cannot take a parameter by reference; remove '{modifier}' (the value is copied once per call)",
        };
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameter, location, properties, parameter.Name, _method.Name, modifier, advice));
    }

    private Location ReturnTypeLocation() =>
        _method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken) is MethodDeclarationSyntax syntax
            ? syntax.ReturnType.GetLocation()
            : _location;

    /// <summary>Reports a return type that cannot be generated; the shape of the typed result, if there is one.</summary>
    private ResultModel? ReadReturnType(PromptReturnType returns, Location returnLocation)
    {
        if (returns.Kind == ReturnKind.Unsupported)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedReturnType,
                returnLocation,
                _method.Name,
                _method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        if (returns.ResultType is not { } resultType)
        {
            return null;
        }

        ResultShapeReading reading = ResultShapeReader.ReadAll(resultType, _cancellationToken);
        ResultModel? result = reading.Model;
        if (reading.Unresolved)
        {
            _stopped = true; // a type in the result does not compile; the compiler says which
            return null;
        }

        foreach (ShapeProblem problem in reading.Problems)
        {
            // Each at the member that declares it, so every problem of the type shows at once, where it is fixed.
            Location location = problem.Member is null ? returnLocation : SourceLocations.Of(problem.Member, returnLocation);
            DiagnosticInfo diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedResultType,
                location,
                _method.Name,
                resultType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                problem.Message);
            if (_diagnostics.Any(diagnostic.SamePlace))
            {
                _stopped = true; // reported for another method returning the same type: it stops this one too
            }
            else
            {
                _diagnostics.Add(diagnostic);
            }
        }

        if (reading.Problems.Count == 0 && returns.PartialType is { } partialType)
        {
            CheckStreamedResult(resultType, partialType, result!, returnLocation);
        }

        return result;
    }

    /// <summary>A streamed result must be an object or a list, and its partial type the generated one.</summary>
    private void CheckStreamedResult(ITypeSymbol resultType, ITypeSymbol partialType, ResultModel result, Location location)
    {
        string display = resultType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (StreamingReturnTypes.StreamingProblem(result) is { } problem)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedResultType, location, _method.Name, display, problem));
        }
        else if (!StreamingReturnTypes.IsExpectedPartialType(resultType, partialType, result))
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PartialTypeNameMismatch,
                location,
                _method.Name,
                display,
                StreamingReturnTypes.ExpectedPartialType(resultType, result)));
        }
    }

    /// <summary>
    /// A missing <c>[Prompt]</c> (PG0004) and templates that do not parse (PG0100), the retrieval query's too; false when the templates cannot
    /// be used, including when an attribute or the model setting does not compile (the compiler says why).
    /// </summary>
    private bool CheckTemplates()
    {
        AttributeData? prompt = _rules.Prompt;
        AttributeData? systemPrompt = _rules.SystemPrompt.Attribute;
        if (prompt is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingPromptAttribute, _location, _method.Name, _method.ContainingType.Name));
        }

        if ((prompt is not null && AttributeReader.HasErrors(prompt)) || (systemPrompt is not null && AttributeReader.HasErrors(systemPrompt)) || _rules.Model.IsBroken)
        {
            return false;
        }

        // The user template, the system prompt and the retrieval query are read alike. An interface-level system
        // prompt is shared by every method: report its errors once, at its literal.
        bool valid = true;
        foreach (MethodTemplate template in _rules.Templates)
        {
            bool report = template.Role != MethodTemplateRole.System || !_rules.SystemPrompt.IsInterfaceWide || _client.TakeSystemPromptReport();
            valid &= CheckTemplate(template, report);
        }

        return valid;
    }

    /// <summary>Whether the template parses; its errors are reported when <paramref name="report"/> is set.</summary>
    private bool CheckTemplate(MethodTemplate methodTemplate, bool report)
    {
        if (methodTemplate.Text is not { } template)
        {
            return true;
        }

        TemplateCheck check = TemplateSyntax.Check(template);
        if (check.Problem is not { } problem || !report)
        {
            return check.Problem is null;
        }

        // One diagnostic per template: whatever follows the first problem is read out of step and would only cascade.
        ExpressionSyntax? argument = methodTemplate.Syntax(_cancellationToken);
        (Location location, ImmutableDictionary<string, string?> properties) = argument is null
            ? (AttributeReader.LocationOf(methodTemplate.Attribute, _location, _cancellationToken), ImmutableDictionary<string, string?>.Empty)
            : TemplateProblemLocation.Of(problem, LiteralSourceMap.For(argument, KnownTypes.Compilation), template);
        DiagnosticInfo diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.ById(problem.Id), location, properties, problem.Message);
        if (!_diagnostics.Any(diagnostic.SamePlace))
        {
            _diagnostics.Add(diagnostic); // a constant shared with another method is reported once
        }

        return false;
    }

    /// <summary>
    /// The model id the method calls; PG0200 when it has none (unless its setting does not compile, or the method has
    /// no [Prompt] yet: PG0004 says what is missing first).
    /// </summary>
    private string? ReadModelId()
    {
        string? modelId = _rules.Model.Id;
        if (string.IsNullOrWhiteSpace(modelId) && !_rules.Model.IsBroken && _rules.Prompt is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoModel, _location, _method.Name));
        }

        return modelId;
    }

    private ResultPlan? PlanResult(ResultModel? result, PromptReturnType returns, string? modelId) =>
        result is null
            ? null
            : ResultStrategySelector.Plan(result, _rules.StrategyFor(modelId ?? string.Empty), _rules.MaxRepairAttempts) with { WithDetails = returns.WithDetails };

    /// <summary>
    /// The plan of a ResultStream method whose partial type this generator writes (so the name is right and the
    /// result can stream); null otherwise.
    /// </summary>
    private static ResultPlan? PlanStreamedResult(ResultPlan? resultPlan, PromptReturnType returns)
    {
        if (returns.PartialType is not { } partialType || resultPlan is null
            || StreamingReturnTypes.StreamingProblem(resultPlan.Model) is not null
            || !StreamingReturnTypes.IsExpectedPartialType(returns.ResultType!, partialType, resultPlan.Model))
        {
            return null;
        }

        string? generated = StreamingReturnTypes.GeneratedPartialName(returns.ResultType!, resultPlan.Model);
        TypeRef root = resultPlan.Model.Root;
        string partial = root.Kind == Models.ValueKind.Object
            ? generated!
            : $"global::System.Collections.Generic.IReadOnlyList<{generated ?? root.Element!.TypeName}>";
        return resultPlan with { StreamedPartialType = partial, PartialTypeName = generated };
    }

    /// <summary>
    /// The partial type does not exist yet (this generator writes it), so the return type is spelt out in full, the
    /// generated type qualified by the interface.
    /// </summary>
    private string StreamedReturnType(ResultPlan streamed)
    {
        string partial = streamed.StreamedPartialType!;
        if (streamed.PartialTypeName is { } generated)
        {
            string qualified = _method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + generated;
            partial = partial == generated ? qualified : partial.Replace("<" + generated + ">", "<" + qualified + ">");
        }

        return $"{KnownTypes.ResultStream!.ToDisplayString(GenericNameFormat)}<{streamed.Model.Root.TypeName}, {partial}>";
    }

    private PromptPlan CompileTemplates(PromptPlan plan) =>
        TemplateCompilation.CompileTemplates(plan, _method, _rules.Templates, _rules.Retrieval, KnownTypes, _diagnostics, _location, _cancellationToken);
}
