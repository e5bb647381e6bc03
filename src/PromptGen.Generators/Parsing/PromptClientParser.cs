using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;
using PromptGen.Generators.Templates;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Turns one <c>[PromptClient]</c> interface into a <see cref="PromptClientModel"/> plus diagnostics. Whatever the
/// user typed, it returns; problems become diagnostics, and a method that cannot be generated is still modelled so
/// the emitted class implements the whole interface (its body throws) and no second error cascades.
/// </summary>
internal static class PromptClientParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A generic type's fully qualified name without its type parameters, e.g. <c>global::N.ResultStream</c>.</summary>
    private static readonly SymbolDisplayFormat GenericNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseInterface(context, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // A bug of ours must not take the whole build down with CS8785 and every generated type missing:
            // report it on the interface, plainly, so it can be worked around and reported.
            Location location = context.TargetNode is InterfaceDeclarationSyntax node ? node.Identifier.GetLocation() : context.TargetNode.GetLocation();
            DiagnosticInfo internalError = DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError,
                location,
                context.TargetSymbol.Name,
                exception.GetType().Name + ": " + exception.Message);
            return new ParseResult(null, new[] { internalError }.ToEquatableArray());
        }
    }

    private static ParseResult ParseInterface(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } symbol
            || context.TargetNode is not InterfaceDeclarationSyntax declaration)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        Location interfaceLocation = declaration.Identifier.GetLocation();
        KnownTypeSymbols knownTypes = KnownTypeSymbols.For(context.SemanticModel.Compilation);

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PromptClientNotPartial, interfaceLocation, symbol.Name));
            return Result(null, diagnostics);
        }

        string? shapeProblem = FindShapeProblem(symbol, declaration);
        if (shapeProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPromptClientShape, interfaceLocation, symbol.Name, shapeProblem));
            return Result(null, diagnostics);
        }

        if (FindFactoryCollision(symbol, knownTypes) is { } collision)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratedNameCollision,
                SourceLocationOf(collision, interfaceLocation),
                collision.Name,
                symbol.Name));
            return Result(null, diagnostics);
        }

        var defaults = new ClientDefaults(PromptClientRules.Read(symbol, context.Attributes[0], knownTypes));

        var methods = new List<PromptMethodModel>();
        var templateTypes = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (INamedTypeSymbol owner in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            foreach (ISymbol member in owner.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!member.IsAbstract || member.IsStatic)
                {
                    continue; // default implementations and static members need nothing from us
                }

                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    string kind = member is IPropertySymbol ? "property" : member is IEventSymbol ? "event" : member.Kind.ToString().ToLowerInvariant();
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnsupportedPromptClientShape,
                        SourceLocationOf(member, interfaceLocation),
                        symbol.Name,
                        $"member '{member.Name}' is a {kind}; a prompt client declares only prompt methods"));
                    return Result(null, diagnostics);
                }

                if (method.IsGenericMethod)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnsupportedPromptClientShape,
                        SourceLocationOf(method, interfaceLocation),
                        symbol.Name,
                        $"method '{method.Name}' is generic; prompt methods cannot have type parameters"));
                    return Result(null, diagnostics);
                }

                PromptMethodModel parsedMethod = ParseMethod(method, defaults, knownTypes, interfaceLocation, diagnostics, cancellationToken);
                methods.Add(parsedMethod);
                if (parsedMethod.Plan is { UsesScriban: true })
                {
                    // Only Scriban reads members by reflection; compiled templates name them in C#.
                    TemplateTypeCollector.Collect(method.Parameters.Select(parameter => parameter.Type), templateTypes);
                }
            }
        }

        string fullName = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var model = new PromptClientModel(
            symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
            ContainingTypes(symbol),
            symbol.Name,
            fullName,
            ImplementationName(symbol),
            HintName(symbol),
            methods.ToEquatableArray(),
            templateTypes.ToEquatableArray());
        return Result(model, diagnostics);
    }

    private static ParseResult Result(PromptClientModel? model, List<DiagnosticInfo> diagnostics) =>
        new(model, diagnostics.ToEquatableArray());

    private static PromptMethodModel ParseMethod(
        IMethodSymbol method,
        ClientDefaults defaults,
        KnownTypeSymbols knownTypes,
        Location interfaceLocation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        Location methodLocation = SourceLocationOf(method, interfaceLocation);
        int diagnosticsBefore = diagnostics.Count;

        EquatableArray<ParameterModel> parameters = method.Parameters
            .Select(parameter => ParseParameter(parameter, method, knownTypes, methodLocation, diagnostics))
            .ToEquatableArray();

        (ReturnKind returnKind, ITypeSymbol? resultType) = StreamingReturnTypes.TryClassify(method.ReturnType, knownTypes, out ReturnKind streamKind, out ITypeSymbol? streamedType, out ITypeSymbol? partialType)
            ? (streamKind, streamedType)
            : ClassifyReturnType(method.ReturnType, knownTypes);
        Location returnLocation = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax
            ? syntax.ReturnType.GetLocation()
            : methodLocation;
        if (returnKind == ReturnKind.Unsupported)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedReturnType,
                returnLocation,
                method.Name,
                method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        ResultModel? resultModel = null;
        if (resultType is not null)
        {
            (resultModel, string? problem) = ResultShapeReader.Read(resultType, cancellationToken);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedResultType,
                    returnLocation,
                    method.Name,
                    resultType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    problem));
            }
            else if (partialType is not null)
            {
                CheckStreamedResult(method, resultType, partialType, resultModel!, returnLocation, diagnostics);
            }
        }

        bool streaming = returnKind is ReturnKind.TextStream or ReturnKind.PromptStream or ReturnKind.ResultStream;
        EquatableArray<MediaParameterModel> media = MediaParameterReader.Read(method, streaming, knownTypes, methodLocation, diagnostics, cancellationToken);
        parameters = MediaParameterReader.MarkMedia(parameters, media);

        PromptMethodRules rules = defaults.Rules.For(method);
        AttributeData? prompt = rules.Prompt;
        string? userTemplate = prompt is null ? null : AttributeReader.FirstStringArgument(prompt);
        if (prompt is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingPromptAttribute, methodLocation, method.Name, method.ContainingType.Name));
        }

        AttributeData? systemPrompt = rules.SystemPrompt.Attribute;
        string? systemTemplate = rules.SystemPrompt.Template;

        string? modelId = rules.Model.Id;
        if (string.IsNullOrWhiteSpace(modelId) && !rules.Model.IsBroken)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoModel, methodLocation, method.Name));
        }

        bool inputHasErrors = (prompt is not null && AttributeReader.HasErrors(prompt))
            || (systemPrompt is not null && AttributeReader.HasErrors(systemPrompt))
            || rules.Model.IsBroken;

        if (!inputHasErrors)
        {
            bool userTemplateValid = CheckTemplate(prompt, userTemplate, report: true, knownTypes.Compilation, diagnostics, methodLocation, cancellationToken);
            // An interface-level system prompt is shared by every method: report its errors once, at its literal.
            bool reportSystem = !rules.SystemPrompt.IsInterfaceWide || defaults.TakeSystemPromptReport();
            bool systemTemplateValid = CheckTemplate(systemPrompt, systemTemplate, reportSystem, knownTypes.Compilation, diagnostics, methodLocation, cancellationToken);
            inputHasErrors = !userTemplateValid || !systemTemplateValid;
        }

        string? historyParameter = ConversationParameters.Find(method, knownTypes, methodLocation, diagnostics);
        InferenceModel inference = rules.Inference.Effective;

        (InvocationOptionsModel? options, bool optionsValid) = defaults.InvocationOptions.Read(
            method, returnKind is ReturnKind.TextStream or ReturnKind.PromptStream or ReturnKind.ResultStream, methodLocation, diagnostics, cancellationToken);
        bool canGenerate = !inputHasErrors && optionsValid && diagnostics.Count == diagnosticsBefore && userTemplate is not null && modelId is not null;
        ResultPlan? resultPlan = resultModel is null
            ? null
            : ResultStrategySelector.Plan(resultModel, rules.StrategyFor(modelId ?? string.Empty), rules.MaxRepairAttempts)
                with { WithDetails = IsPromptResult(((INamedTypeSymbol)method.ReturnType).TypeArguments[0], knownTypes, out _) };
        string returnType = method.ReturnType.ToDisplayString(TypeFormat);
        ResultPlan? streamedResult = null;
        if (partialType is not null && resultPlan is not null && partialType.Name == StreamingReturnTypes.PartialTypeName(resultType!)
            && StreamingReturnTypes.StreamingProblem(resultPlan.Model) is null)
        {
            // The partial type does not exist yet (this generator writes it), so its name is spelt out in full.
            resultPlan = resultPlan with { PartialTypeName = partialType.Name };
            streamedResult = resultPlan;
            returnType = $"{knownTypes.ResultStream!.ToDisplayString(GenericNameFormat)}<{resultModel!.Root.TypeName}, {method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}.{partialType.Name}>";
        }

        (ToolingModel? tools, bool toolsHaveErrors) = ToolSetReader.Read(
            method, returnKind, resultPlan, AttributeReader.Find(method.ContainingType, knownTypes.ToolLoopAttribute), knownTypes, methodLocation, diagnostics, cancellationToken);
        canGenerate &= !toolsHaveErrors;
        PromptPlan? plan = canGenerate
            ? new PromptPlan(modelId!, userTemplate!, systemTemplate, inference, resultPlan)
            {
                Options = options,
                Media = media,
                TextWithDetails = returnKind is ReturnKind.TaskOfString or ReturnKind.ValueTaskOfString && IsPromptResult(((INamedTypeSymbol)method.ReturnType).TypeArguments[0], knownTypes, out _),
                HistoryParameter = historyParameter,
                FallbackModels = FallbackModelsReader.Read(rules, resultModel),
            }
            : null;
        if (plan is not null)
        {
            plan = TemplateCompilation.CompileTemplates(plan, method, prompt!, systemPrompt, knownTypes, diagnostics, methodLocation, cancellationToken);
        }

        return new PromptMethodModel(
            method.Name,
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            returnType,
            plan is null ? ReturnKind.Unsupported : returnKind,
            parameters,
            plan)
        {
            StreamedResult = streamedResult,
            Tools = plan is null ? null : tools,
        };
    }

    /// <summary>A streamed result must be an object, and its partial type must have the generated name.</summary>
    private static void CheckStreamedResult(IMethodSymbol method, ITypeSymbol resultType, ITypeSymbol partialType, ResultModel result, Location location, List<DiagnosticInfo> diagnostics)
    {
        string display = resultType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (StreamingReturnTypes.StreamingProblem(result) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedResultType, location, method.Name, display, problem));
        }
        else if (partialType.Name != StreamingReturnTypes.PartialTypeName(resultType))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PartialTypeNameMismatch,
                location,
                method.Name,
                display,
                StreamingReturnTypes.PartialTypeName(resultType)));
        }
    }

    /// <summary>Whether the template parses; its errors are reported when <paramref name="report"/> is set.</summary>
    private static bool CheckTemplate(
        AttributeData? attribute,
        string? template,
        bool report,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        Location fallback,
        CancellationToken cancellationToken)
    {
        if (attribute is null || template is null)
        {
            return true;
        }

        IReadOnlyList<TemplateError> errors = TemplateSyntax.FindErrors(template);
        if (errors.Count == 0 || !report)
        {
            return errors.Count == 0;
        }

        ExpressionSyntax? argument = AttributeReader.FirstArgumentSyntax(attribute, cancellationToken);
        LiteralSourceMap? map = argument is null ? null : LiteralSourceMap.For(argument, compilation);
        foreach (TemplateError error in errors)
        {
            Location location = argument is null || map is null
                ? AttributeReader.LocationOf(attribute, fallback, cancellationToken)
                : Location.Create(argument.SyntaxTree, map.Map(error.Start, error.End));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateSyntaxError, location, error.Message));
        }

        return false;
    }

    private static ParameterModel ParseParameter(IParameterSymbol parameter, IMethodSymbol method, KnownTypeSymbols knownTypes, Location methodLocation, List<DiagnosticInfo> diagnostics)
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
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedParameter,
                SourceLocationOf(parameter, methodLocation),
                parameter.Name,
                method.Name,
                refKind.Trim()));
        }

        string identifier = SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
        return new ParameterModel(
            identifier,
            parameter.Name,
            (parameter.IsParams ? "params " : string.Empty) + parameter.Type.ToDisplayString(TypeFormat),
            refKind,
            knownTypes.IsCancellationToken(parameter.Type));
    }

    /// <summary>Task&lt;T&gt; or ValueTask&lt;T&gt;; T is returned when it is not string (a typed result).</summary>
    private static (ReturnKind Kind, ITypeSymbol? ResultType) ClassifyReturnType(ITypeSymbol returnType, KnownTypeSymbols knownTypes)
    {
        if (returnType is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            return (ReturnKind.Unsupported, null);
        }

        bool isTask = KnownTypeSymbols.IsConstructionOf(named, knownTypes.Task);
        bool isValueTask = KnownTypeSymbols.IsConstructionOf(named, knownTypes.ValueTask);
        if (!isTask && !isValueTask)
        {
            return (ReturnKind.Unsupported, null);
        }

        ITypeSymbol result = named.TypeArguments[0];
        if (IsPromptResult(result, knownTypes, out ITypeSymbol? inner))
        {
            // PromptResult<string>: the text with the call's details (the plan says so); else a typed result's.
            return inner!.SpecialType == SpecialType.System_String
                ? (isTask ? ReturnKind.TaskOfString : ReturnKind.ValueTaskOfString, null)
                : (isTask ? ReturnKind.TaskOfResult : ReturnKind.ValueTaskOfResult, inner);
        }

        if (result.SpecialType == SpecialType.System_String && result.NullableAnnotation != NullableAnnotation.Annotated)
        {
            return (isTask ? ReturnKind.TaskOfString : ReturnKind.ValueTaskOfString, null);
        }

        return (isTask ? ReturnKind.TaskOfResult : ReturnKind.ValueTaskOfResult, result);
    }

    /// <summary>PromptResult&lt;T&gt;: the caller wants the value with its attempts and token usage.</summary>
    private static bool IsPromptResult(ITypeSymbol type, KnownTypeSymbols knownTypes, out ITypeSymbol? valueType)
    {
        valueType = KnownTypeSymbols.IsConstructionOf(type, knownTypes.PromptResult)
            ? ((INamedTypeSymbol)type).TypeArguments[0]
            : null;
        return valueType is not null;
    }

    private static string? FindShapeProblem(INamedTypeSymbol symbol, InterfaceDeclarationSyntax declaration)
    {
        if (symbol.IsGenericType)
        {
            return "generic interfaces are not supported; declare one interface per type argument";
        }

        SyntaxNode? parent = declaration.Parent;
        while (parent is TypeDeclarationSyntax containing)
        {
            if (!containing.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return $"it is nested in '{containing.Identifier.ValueText}', which is not partial; make it partial or move the interface out";
            }

            if (containing.TypeParameterList is not null)
            {
                return $"it is nested in the generic type '{containing.Identifier.ValueText}'; move the interface out";
            }

            parent = containing.Parent;
        }

        return null;
    }

    /// <summary>
    /// A member of the interface that the generated <c>static Create(IBedrockRuntime)</c> would clash with: a method
    /// of that signature (CS0111) or anything else named Create (CS0102). Overloads of other names are fine.
    /// </summary>
    private static ISymbol? FindFactoryCollision(INamedTypeSymbol symbol, KnownTypeSymbols knownTypes)
    {
        foreach (ISymbol member in symbol.GetMembers(FactoryMethodName).Concat(symbol.GetTypeMembers(FactoryMethodName)))
        {
            if (member is not IMethodSymbol method
                || (method.Parameters.Length == 1
                    && method.Parameters[0].RefKind == RefKind.None
                    && KnownTypeSymbols.Is(method.Parameters[0].Type, knownTypes.BedrockRuntime)))
            {
                return member;
            }
        }

        return null;
    }

    private const string FactoryMethodName = "Create";

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol symbol)
    {
        var types = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? containing = symbol.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            string keyword = containing switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            types.Insert(0, new ContainingTypeModel(keyword, containing.Name));
        }

        return types.ToEquatableArray();
    }

    private static string ImplementationName(INamedTypeSymbol symbol)
    {
        string name = symbol.Name;
        bool conventional = name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);
        return (conventional ? name.Substring(1) : name) + "Client";
    }

    private static string HintName(INamedTypeSymbol symbol)
    {
        string name = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
        return name.Replace('<', '_').Replace('>', '_') + ".PromptClient.g.cs";
    }

    private static Location SourceLocationOf(ISymbol symbol, Location fallback) =>
        symbol.Locations.FirstOrDefault(location => location.IsInSource) ?? fallback;

    /// <summary>The interface's rules, and what parsing its methods shares beyond them.</summary>
    private sealed class ClientDefaults
    {
        private bool _systemPromptReported;

        public ClientDefaults(PromptClientRules rules)
        {
            Rules = rules;
            InvocationOptions = new InvocationOptionsReader(rules.Client, rules.KnownTypes);
        }

        public PromptClientRules Rules { get; }

        public InvocationOptionsReader InvocationOptions { get; }

        /// <summary>True the first time only: the shared system prompt's errors are reported once.</summary>
        public bool TakeSystemPromptReport()
        {
            bool first = !_systemPromptReported;
            _systemPromptReported = true;
            return first;
        }
    }
}
