using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Finds the tool-set parameters of a prompt method (parameters whose type has <c>[Tool]</c> methods) and models
/// their tools: names, input schemas and parsers from the parameters, how results are sent back, and the loop's
/// settings. Reports what stops generation, at the tool method, parameter or attribute argument concerned.
/// </summary>
internal static class ToolSetReader
{
    public const int MaxIterationsLimit = 100;

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Whether <paramref name="type"/> declares (or inherits) at least one <c>[Tool]</c> method.</summary>
    public static bool IsToolSet(ITypeSymbol type, KnownTypeSymbols knownTypes) => ToolMethods(type, knownTypes).Any();

    /// <summary>
    /// Whether <paramref name="type"/> is a collection of Microsoft.Extensions.AI tools (<c>IEnumerable&lt;AITool&gt;</c>,
    /// <c>IList&lt;AIFunction&gt;</c>, MCP client tools…): tools known only at run time.
    /// </summary>
    public static bool IsFunctionSource(ITypeSymbol type, KnownTypeSymbols knownTypes)
    {
        if (knownTypes.AITool is not { } aiTool)
        {
            return false;
        }

        IEnumerable<INamedTypeSymbol> candidates = type is INamedTypeSymbol named ? new[] { named }.Concat(type.AllInterfaces) : type.AllInterfaces;
        foreach (INamedTypeSymbol candidate in candidates)
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && candidate.TypeArguments[0] is INamedTypeSymbol element
                && DerivesFrom(element, aiTool))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a parameter of this type brings tools to the call: a tool set or a collection of function tools.</summary>
    public static bool IsToolSource(ITypeSymbol type, KnownTypeSymbols knownTypes) =>
        IsToolSet(type, knownTypes) || IsFunctionSource(type, knownTypes);

    /// <summary>
    /// The tooling of <paramref name="method"/> (null when it has no tool-set parameter), and whether something stops
    /// its generation; a problem already reported for another method that uses the same tool set is not repeated.
    /// </summary>
    /// <remarks>
    /// Whether the typed result's tool is offered beside the method's (ForcedTool) decides two checks: no tool may take
    /// its name (PG0405), and <c>Choice = Tool</c> may name it (PG0406). Unless <c>[StructuredOutput(Strategy)]</c>
    /// chose, the strategy is the project's catalog's to say, so the findings of both cases come back as
    /// <paramref name="forcedTool"/> and only those they share are reported here.
    /// </remarks>
    public static (ToolingModel? Model, bool HasErrors) Read(
        IMethodSymbol method,
        ResultPlan? result,
        string? modelId,
        AttributeData? interfaceToolLoop,
        KnownTypeSymbols knownTypes,
        Location methodLocation,
        List<DiagnosticInfo> reported,
        out ForcedToolCheck? forcedTool,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        bool unresolved = false;
        forcedTool = null;
        ToolingModel? model = ReadTooling(method, result, modelId, interfaceToolLoop, knownTypes, methodLocation, diagnostics, ref unresolved, ref forcedTool, cancellationToken);
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            if (!reported.Any(diagnostic.SamePlace))
            {
                reported.Add(diagnostic);
            }
        }

        // A tool whose types do not compile cannot be generated either; the compiler says why, so nothing is added.
        return (model, diagnostics.Count > 0 || unresolved);
    }

    private static ToolingModel? ReadTooling(
        IMethodSymbol method,
        ResultPlan? result,
        string? modelId,
        AttributeData? interfaceToolLoop,
        KnownTypeSymbols knownTypes,
        Location methodLocation,
        List<DiagnosticInfo> diagnostics,
        ref bool unresolved,
        ref ForcedToolCheck? forcedTool,
        CancellationToken cancellationToken)
    {
        var uses = new List<(IParameterSymbol Parameter, ToolSetModel Set)>();
        var functionSources = new List<string>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (knownTypes.IsCancellationToken(parameter.Type) || !IsToolSource(parameter.Type, knownTypes))
            {
                continue;
            }

            // Streaming methods run the tool loop too (the stream's turns, tools between them).
            Location parameterLocation = SourceLocation(parameter, methodLocation);
            if (!IsToolSet(parameter.Type, knownTypes))
            {
                functionSources.Add(Identifier(parameter.Name));
                continue;
            }

            uses.Add((parameter, ReadSet(parameter.Type, knownTypes, parameterLocation, diagnostics, ref unresolved, cancellationToken)));
        }

        if (uses.Count == 0 && functionSources.Count == 0)
        {
            return null;
        }

        AttributeData? loopAttribute = AttributeReader.Find(method, knownTypes.ToolLoopAttribute) ?? interfaceToolLoop;
        ToolLoopModel CheckResultTool(string? resultTool, List<DiagnosticInfo> found)
        {
            CheckNames(method, uses, resultTool, methodLocation, found);
            return ReadLoop(loopAttribute, uses, functionSources.Count > 0, resultTool, methodLocation, found, cancellationToken);
        }

        ToolLoopModel loop;
        if (result is null || result.StrategyIsExplicit || string.IsNullOrWhiteSpace(modelId))
        {
            loop = CheckResultTool(result is { Strategy: "ForcedTool" } ? result.Model.ResultName : null, diagnostics);
        }
        else
        {
            var ifForced = new List<DiagnosticInfo>();
            var otherwise = new List<DiagnosticInfo>();
            loop = CheckResultTool(result.Model.ResultName, ifForced);
            CheckResultTool(null, otherwise);
            diagnostics.AddRange(ifForced.Where(otherwise.Contains));
            EquatableArray<DiagnosticInfo> onlyForced = ifForced.Where(found => !otherwise.Contains(found)).ToEquatableArray();
            EquatableArray<DiagnosticInfo> onlyOtherwise = otherwise.Where(found => !ifForced.Contains(found)).ToEquatableArray();
            if (!onlyForced.IsEmpty || !onlyOtherwise.IsEmpty)
            {
                forcedTool = new ForcedToolCheck(modelId!, onlyForced, onlyOtherwise);
            }
        }

        return new ToolingModel(
            uses.Select(use => new ToolSetUse(Identifier(use.Parameter.Name), use.Set)).ToEquatableArray(),
            loop,
            functionSources.ToEquatableArray());
    }

    /// <summary>The default tool name: the method's name without 'Async', in snake_case (GetHTTPStatusAsync → get_http_status).</summary>
    public static string DefaultName(string methodName)
    {
        string name = methodName.EndsWith("Async", System.StringComparison.Ordinal) && methodName.Length > 5
            ? methodName.Substring(0, methodName.Length - 5)
            : methodName;
        var snake = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterLower || endsAcronym) && snake.Length > 0 && snake[snake.Length - 1] != '_')
                {
                    snake.Append('_');
                }

                snake.Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }

    public static bool IsValidName(string name) =>
        name.Length is >= 1 and <= 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-');

    /// <summary>
    /// The tool methods of a class or interface: its own, its base classes' and (for interfaces) its base interfaces'.
    /// </summary>
    public static IEnumerable<IMethodSymbol> ToolMethods(ITypeSymbol type, KnownTypeSymbols knownTypes)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface } named)
        {
            yield break;
        }

        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        IEnumerable<INamedTypeSymbol> owners = named.TypeKind == TypeKind.Interface
            ? new[] { named }.Concat(named.AllInterfaces)
            : BaseTypes(named);
        foreach (INamedTypeSymbol owner in owners)
        {
            foreach (IMethodSymbol candidate in owner.GetMembers().OfType<IMethodSymbol>())
            {
                if (candidate.MethodKind == MethodKind.Ordinary && AttributeReader.Find(candidate, knownTypes.ToolAttribute) is not null
                    && seen.Add(candidate.OriginalDefinition))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary>The tool name a [Tool] method gets: the attribute's, else <see cref="DefaultName"/>.</summary>
    public static string NameOf(IMethodSymbol method, KnownTypeSymbols knownTypes) =>
        AttributeReader.Find(method, knownTypes.ToolAttribute) is { } attribute && AttributeReader.FirstStringArgument(attribute) is { } name
            ? name
            : DefaultName(method.Name);

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static ToolSetModel ReadSet(ITypeSymbol type, KnownTypeSymbols knownTypes, Location useLocation, List<DiagnosticInfo> diagnostics, ref bool unresolved, CancellationToken cancellationToken)
    {
        string typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var tools = new List<ToolModel>();
        var overloads = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (IMethodSymbol method in ToolMethods(type, knownTypes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            overloads[method.Name] = overloads.TryGetValue(method.Name, out int count) ? count + 1 : 1;
            string suffix = overloads[method.Name] == 1 ? string.Empty : overloads[method.Name].ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ReadTool(type, method, suffix, knownTypes, useLocation, diagnostics, ref unresolved, cancellationToken) is { } tool)
            {
                tools.Add(tool);
            }
        }

        return new ToolSetModel(typeName, type.Name, tools.ToEquatableArray());
    }

    private static ToolModel? ReadTool(
        ITypeSymbol owner,
        IMethodSymbol method,
        string overloadSuffix,
        KnownTypeSymbols knownTypes,
        Location useLocation,
        List<DiagnosticInfo> diagnostics,
        ref bool unresolved,
        CancellationToken cancellationToken)
    {
        Location location = SourceLocation(method, useLocation);
        AttributeData attribute = AttributeReader.Find(method, knownTypes.ToolAttribute)!;
        if (AttributeReader.HasErrors(attribute))
        {
            return null;
        }

        if (method.Parameters.Any(parameter => KnownTypeSymbols.ContainsErrorType(parameter.Type)) || KnownTypeSymbols.ContainsErrorType(method.ReturnType))
        {
            unresolved = true;
            return null;
        }

        string name = NameOf(method, knownTypes);
        if (!IsValidName(name))
        {
            Location nameLocation = AttributeReader.FirstArgumentSyntax(attribute, cancellationToken)?.GetLocation() ?? location;
            Add(diagnostics, DiagnosticInfo.Create(ToolDiagnostics.InvalidToolName, nameLocation, name, method.Name));
            return null;
        }

        string? problem = method.IsStatic ? "it is static; tools are instance methods of the tool set passed to the prompt"
            : method.IsGenericMethod ? "it is generic; a tool's parameters must have one JSON shape"
            : method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) && owner.TypeKind != TypeKind.Interface
                ? "it is not public or internal, so the generated invoker cannot call it"
            : null;
        if (problem is not null)
        {
            Add(diagnostics, DiagnosticInfo.Create(ToolDiagnostics.UnsupportedToolMethod, location, method.Name, problem));
            return null;
        }

        var inputs = new List<IParameterSymbol>();
        var parameters = new List<ToolParameterModel>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                Add(diagnostics, DiagnosticInfo.Create(
                    ToolDiagnostics.UnsupportedToolParameter,
                    SourceLocation(parameter, location),
                    parameter.Name,
                    method.Name,
                    parameter.IsParams ? "'params' parameters are not supported; take a list" : "the model's input is passed by value; remove the modifier"));
                return null;
            }

            bool isToken = knownTypes.IsCancellationToken(parameter.Type);
            parameters.Add(new ToolParameterModel(Identifier(parameter.Name), parameter.Type.ToDisplayString(TypeFormat), isToken, isToken ? -1 : inputs.Count));
            if (!isToken)
            {
                inputs.Add(parameter);
            }
        }

        // Overloads that are tools (under different names) get numbered argument classes.
        string argumentsType = Sanitize(owner.Name) + Sanitize(method.Name) + overloadSuffix + "Arguments";
        string id = "tool-arguments:" + owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name + overloadSuffix;
        (ResultModel? arguments, IParameterSymbol? culprit, string? argumentProblem) = ResultShapeReader.ReadArguments(inputs, argumentsType, id, cancellationToken);
        if (arguments is null && culprit is null && argumentProblem is null)
        {
            unresolved = true;
            return null;
        }

        if (arguments is null)
        {
            Add(diagnostics, DiagnosticInfo.Create(
                ToolDiagnostics.UnsupportedToolParameter,
                culprit is null ? location : SourceLocation(culprit, location),
                culprit?.Name ?? "?",
                method.Name,
                argumentProblem ?? "it has no JSON shape"));
            return null;
        }

        (ToolReturnKind returnKind, ITypeSymbol? jsonType) = ClassifyReturn(method.ReturnType, knownTypes);
        ResultModel? result = null;
        if (jsonType is not null)
        {
            ResultShapeReading reading = ResultShapeReader.ReadAll(jsonType, cancellationToken);
            result = reading.Model;
            string? resultProblem = reading.Problems.Count > 0 ? reading.Problems[0].Message : null;
            if (reading.Unresolved)
            {
                unresolved = true;
                return null;
            }

            if (result is null)
            {
                Location returnLocation = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax
                    ? syntax.ReturnType.GetLocation()
                    : location;
                Add(diagnostics, DiagnosticInfo.Create(
                    ToolDiagnostics.UnsupportedToolReturnType,
                    returnLocation,
                    method.Name,
                    method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    resultProblem ?? "it has no JSON shape"));
                return null;
            }
        }

        string? description = AttributeReader.Find(method, knownTypes.DescriptionAttribute) is { ConstructorArguments.Length: 1 } described
            ? described.ConstructorArguments[0].Value as string
            : null;
        return new ToolModel(name, method.Name, description, arguments, parameters.ToEquatableArray(), returnKind, result);
    }

    /// <summary>void, string, T, Task, Task&lt;string&gt;, Task&lt;T&gt; and the ValueTask forms; T is written as JSON.</summary>
    private static (ToolReturnKind Kind, ITypeSymbol? JsonType) ClassifyReturn(ITypeSymbol type, KnownTypeSymbols knownTypes)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return (ToolReturnKind.Void, null);
        }

        if (KnownTypeSymbols.Is(type, knownTypes.NonGenericTask))
        {
            return (ToolReturnKind.Task, null);
        }

        if (KnownTypeSymbols.Is(type, knownTypes.NonGenericValueTask))
        {
            return (ToolReturnKind.ValueTask, null);
        }

        bool isTask = KnownTypeSymbols.IsConstructionOf(type, knownTypes.Task);
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && (isTask || KnownTypeSymbols.IsConstructionOf(type, knownTypes.ValueTask)))
        {
            ITypeSymbol inner = generic.TypeArguments[0];
            return inner.SpecialType == SpecialType.System_String
                ? (isTask ? ToolReturnKind.TaskOfString : ToolReturnKind.ValueTaskOfString, null)
                : (isTask ? ToolReturnKind.TaskOfJson : ToolReturnKind.ValueTaskOfJson, inner);
        }

        return type.SpecialType == SpecialType.System_String ? (ToolReturnKind.String, null) : (ToolReturnKind.Json, type);
    }

    /// <summary>Tool names are unique within a call and differ from the result tool's, when there is one (ForcedTool offers both).</summary>
    private static void CheckNames(IMethodSymbol method, List<(IParameterSymbol Parameter, ToolSetModel Set)> uses, string? resultTool, Location methodLocation, List<DiagnosticInfo> diagnostics)
    {
        var seen = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach ((IParameterSymbol parameter, ToolSetModel set) in uses)
        {
            Location location = SourceLocation(parameter, methodLocation);
            foreach (ToolModel tool in set.Tools)
            {
                string owner = set.ShortName + "." + tool.MethodName;
                if (seen.TryGetValue(tool.Name, out string? first))
                {
                    Add(diagnostics, DiagnosticInfo.Create(ToolDiagnostics.DuplicateToolName, location, method.Name, tool.Name, first, owner));
                }
                else
                {
                    seen.Add(tool.Name, owner);
                }

                if (tool.Name == resultTool)
                {
                    Add(diagnostics, DiagnosticInfo.Create(ToolDiagnostics.ToolNameTakenByResult, location, tool.Name, owner, method.Name));
                }
            }
        }
    }

    private static ToolLoopModel ReadLoop(
        AttributeData? attribute,
        List<(IParameterSymbol Parameter, ToolSetModel Set)> uses,
        bool hasFunctionSources,
        string? resultTool,
        Location methodLocation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute))
        {
            return ToolLoopModel.Default;
        }

        int maxIterations = Named(attribute, "MaxIterations") as int? ?? ToolLoopModel.Default.MaxIterations;
        int choice = Named(attribute, "Choice") as int? ?? 0;
        string? tool = Named(attribute, "Tool") as string;
        bool parallel = Named(attribute, "ParallelCalls") as bool? ?? true;
        Location attributeLocation = AttributeReader.LocationOf(attribute, methodLocation, cancellationToken);
        if (maxIterations is < 1 or > MaxIterationsLimit)
        {
            Add(diagnostics, DiagnosticInfo.Create(
                ToolDiagnostics.InvalidToolLoopSetting,
                ArgumentLocation(attribute, "MaxIterations", attributeLocation, cancellationToken),
                $"MaxIterations must be between 1 and {MaxIterationsLimit}; it is {maxIterations}"));
        }

        string choiceName = choice switch { 1 => "Any", 2 => "Tool", _ => "Auto" };
        if (choiceName == "Tool")
        {
            var names = uses.SelectMany(use => use.Set.Tools).Select(t => t.Name).ToList();
            if (resultTool is not null)
            {
                names.Add(resultTool);
            }

            // Function tools are named at run time: a name among them cannot be checked here (the loop checks it).
            if (tool is null || (!names.Contains(tool) && !hasFunctionSources))
            {
                Add(diagnostics, DiagnosticInfo.Create(
                    ToolDiagnostics.InvalidToolLoopSetting,
                    ArgumentLocation(attribute, tool is null ? "Choice" : "Tool", attributeLocation, cancellationToken),
                    $"Choice = ToolChoiceMode.Tool needs Tool naming one of the tools ({string.Join(", ", names)}); it is {(tool is null ? "not set" : "'" + tool + "'")}"));
            }
        }

        return new ToolLoopModel(maxIterations, choiceName, tool, parallel);
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    private static Location ArgumentLocation(AttributeData attribute, string name, Location fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
        && arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name) is { } found
            ? found.GetLocation()
            : fallback;

    private static void Add(List<DiagnosticInfo> diagnostics, DiagnosticInfo diagnostic)
    {
        if (!diagnostics.Contains(diagnostic))
        {
            diagnostics.Add(diagnostic);
        }
    }

    private static Location SourceLocation(ISymbol symbol, Location fallback) =>
        symbol.Locations.FirstOrDefault(location => location.IsInSource) ?? fallback;

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Sanitize(string name) => new(name.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
}
