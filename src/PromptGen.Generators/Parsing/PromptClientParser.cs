using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Turns one <c>[PromptClient]</c> interface into a <see cref="PromptClientModel"/> plus diagnostics. Whatever the
/// user typed, it returns; problems become diagnostics, and a method that cannot be generated is still modelled so
/// the emitted class implements the whole interface (its body throws) and no second error cascades.
/// </summary>
internal static class PromptClientParser
{
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

        KnownTypeSymbols knownTypes = KnownTypeSymbols.For(context.SemanticModel.Compilation);
        Location interfaceLocation = declaration.Identifier.GetLocation();
        var diagnostics = new List<DiagnosticInfo>();
        if (FindInterfaceProblem(symbol, declaration, knownTypes, interfaceLocation) is { } problem)
        {
            diagnostics.Add(problem);
            return Result(null, diagnostics);
        }

        var client = new ClientParseState(PromptClientRules.Read(symbol, context.Attributes[0], knownTypes));
        var methods = new List<PromptMethodModel>();
        var templateTypes = new SortedSet<string>(System.StringComparer.Ordinal);
        bool unresolved = false;
        bool hasDescriptors = PromptDescriptorReader.IsOptedIn(symbol);
        foreach (ISymbol member in new[] { symbol }.Concat(symbol.AllInterfaces).SelectMany(owner => owner.GetMembers()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsAbstract || member.IsStatic)
            {
                continue; // default implementations and static members need nothing from us
            }

            if (FindMemberProblem(symbol, member, interfaceLocation) is { } memberProblem)
            {
                diagnostics.Add(memberProblem);
                return Result(null, diagnostics);
            }

            var method = (IMethodSymbol)member;
            if (knownTypes.HasUnresolvedSignature(method))
            {
                // A type in the signature does not compile (CS0246 says so): nothing to report, and no implementation
                // could name the type, so the interface gets only its factory (see PromptClientModel.HasUnresolvedTypes).
                unresolved = true;
                continue;
            }

            PromptMethodModel parsedMethod = PromptMethodParser.Parse(method, client, interfaceLocation, diagnostics, cancellationToken);
            if (hasDescriptors)
            {
                var arguments = PromptDescriptorReader.ReadArguments(method, methods.Count, knownTypes, cancellationToken);
                parsedMethod = parsedMethod with { DescriptorArguments = arguments.Model, DescriptorHistory = PromptDescriptorReader.ReadHistory(method, knownTypes) };
                if (PromptDescriptorReader.WhyNoDescriptor(method, parsedMethod, arguments, interfaceLocation) is { } noDescriptor)
                {
                    diagnostics.Add(noDescriptor);
                }
            }

            methods.Add(parsedMethod);
            // A method whose body family waits for the project's catalog may become any of its outcomes.
            if ((parsedMethod.Plan is { } plan && (plan.UsesScriban || plan.Retrieval?.QueryUsesScriban == true))
                || parsedMethod.CatalogChecks?.InvokeFamily?.Outcomes.Any(outcome => outcome.Method.Plan is { UsesScriban: true }) == true)
            {
                // Only Scriban reads members by reflection; compiled templates name them in C#.
                IEnumerable<ITypeSymbol> inputs = method.Parameters.Select(parameter => parameter.Type);
                if (parsedMethod.Plan?.Retrieval is not null && RetrievalChoice.Read(method, client.KnownTypes)?.PassagesType is { } passages)
                {
                    inputs = inputs.Concat(new[] { passages }); // the retrieved passages are a template input too
                }

                TemplateTypeCollector.Collect(inputs, templateTypes);
            }
        }

        string implementationName = ImplementationName(symbol, context.SemanticModel, declaration.SpanStart);
        PromptClientModel model = ClientModel(symbol, implementationName, methods, templateTypes) with
        {
            HasUnresolvedTypes = unresolved,
            HasDescriptors = hasDescriptors,
            BasePromptClients = BasePromptClients(symbol, knownTypes),
        };
        if (FindPartialTypeCollisions(symbol, model, interfaceLocation) is { Count: > 0 } collisions)
        {
            diagnostics.AddRange(collisions);
            return Result(null, diagnostics);
        }

        return Result(model, diagnostics);
    }

    private static EquatableArray<BasePromptClientModel> BasePromptClients(INamedTypeSymbol symbol, KnownTypeSymbols knownTypes) => symbol.AllInterfaces
        .Where(baseInterface => baseInterface.GetAttributes().Any(attribute =>
            SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, knownTypes.PromptClientAttribute)))
        .Select(baseInterface => new BasePromptClientModel(
            FullyQualified(baseInterface),
            new[] { baseInterface }.Concat(baseInterface.AllInterfaces).Select(FullyQualified).ToEquatableArray(),
            PromptDescriptorReader.IsOptedIn(baseInterface),
            ContainingTypes(baseInterface)))
        .ToEquatableArray();

    private static string FullyQualified(INamedTypeSymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static ParseResult Result(PromptClientModel? model, List<DiagnosticInfo> diagnostics) =>
        new(model, DiagnosticInfo.Distinct(diagnostics).ToEquatableArray());

    /// <summary>
    /// Members the user declared with the name of a partial type PromptGen writes into the interface for a streamed
    /// result (<c>TriagePartial</c>): the generated type would clash with them (CS0102), or hide one a base interface
    /// declares (CS0108), so nothing is generated.
    /// </summary>
    private static List<DiagnosticInfo> FindPartialTypeCollisions(INamedTypeSymbol symbol, PromptClientModel model, Location interfaceLocation)
    {
        var collisions = new List<DiagnosticInfo>();
        Emit.StreamingPartialTypes partials = Emit.StreamingPartialTypes.Of(model);
        foreach (ObjectShape shape in partials.Objects)
        {
            string name = partials.NameOf(shape.Id);
            string typeName = shape.TypeName.Replace("global::", string.Empty);
            foreach (ISymbol member in symbol.GetMembers(name).Concat(symbol.GetTypeMembers(name)).Distinct<ISymbol>(SymbolEqualityComparer.Default))
            {
                collisions.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.GeneratedNameCollision,
                    SourceLocations.Of(member, interfaceLocation),
                    member.Name,
                    symbol.Name,
                    $"the partial type '{name}' it generates for streaming '{typeName}'",
                    member is INamedTypeSymbol ? $"remove it: PromptGen writes '{name}' itself" : "rename it"));
            }

            // A member of that name that a base interface declares in source would be hidden by the generated type
            // (CS0108 in generated code). (The generator never sees its own output, so such a member is the user's.)
            foreach (INamedTypeSymbol baseInterface in symbol.AllInterfaces)
            {
                foreach (ISymbol member in baseInterface.GetMembers(name).Where(member => member.Locations.Any(location => location.IsInSource)))
                {
                    collisions.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.GeneratedNameCollision,
                        SourceLocations.Of(member, interfaceLocation),
                        $"{baseInterface.Name}.{member.Name}",
                        symbol.Name,
                        $"the partial type '{name}' it generates for streaming '{typeName}'",
                        $"rename it: the generated '{symbol.Name}.{name}' would hide it"));
                }
            }
        }

        return collisions;
    }

    private static PromptClientModel ClientModel(
        INamedTypeSymbol symbol, string implementationName, List<PromptMethodModel> methods, SortedSet<string> templateTypes) => new(
        symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
        ContainingTypes(symbol),
        symbol.Name,
        symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
        implementationName,
        HintName(symbol),
        methods.ToEquatableArray(),
        templateTypes.ToEquatableArray());

    /// <summary>Why no client can be generated for the interface at all; null when one can.</summary>
    private static DiagnosticInfo? FindInterfaceProblem(INamedTypeSymbol symbol, InterfaceDeclarationSyntax declaration, KnownTypeSymbols knownTypes, Location interfaceLocation)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.PromptClientNotPartial, interfaceLocation, symbol.Name);
        }

        if (FindShapeProblem(symbol, declaration) is { } shapeProblem)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPromptClientShape, interfaceLocation, symbol.Name, shapeProblem);
        }

        return FindFactoryCollision(symbol, knownTypes) is { } collision
            ? DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratedNameCollision,
                SourceLocations.Of(collision, interfaceLocation),
                collision.Name,
                symbol.Name,
                "the static Create(IBedrockRuntime) method",
                "rename it")
            : null;
    }

    /// <summary>An abstract member that is no prompt method (a property, an event, a generic method); null for a method.</summary>
    private static DiagnosticInfo? FindMemberProblem(INamedTypeSymbol symbol, ISymbol member, Location interfaceLocation)
    {
        if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
        {
            string kind = member is IPropertySymbol ? "property" : member is IEventSymbol ? "event" : member.Kind.ToString().ToLowerInvariant();
            return DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedPromptClientShape,
                SourceLocations.Of(member, interfaceLocation),
                symbol.Name,
                $"member '{member.Name}' is a {kind}; a prompt client declares only prompt methods");
        }

        return method.IsGenericMethod
            ? DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedPromptClientShape,
                SourceLocations.Of(method, interfaceLocation),
                symbol.Name,
                $"method '{method.Name}' is generic; prompt methods cannot have type parameters")
            : null;
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
    /// of that signature (CS0111), anything else named Create (CS0102), or the user's own explicit implementation of
    /// <c>IPromptClient&lt;T&gt;.Create</c>, which PromptGen writes too. Overloads of other names are fine.
    /// </summary>
    private static ISymbol? FindFactoryCollision(INamedTypeSymbol symbol, KnownTypeSymbols knownTypes)
    {
        foreach (IMethodSymbol method in symbol.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.ExplicitInterfaceImplementations.Any(implemented => implemented.Name == FactoryMethodName
                && KnownTypeSymbols.IsConstructionOf(implemented.ContainingType, knownTypes.PromptClientInterface)))
            {
                return method;
            }
        }

        foreach (ISymbol member in symbol.GetMembers(FactoryMethodName).Concat(symbol.GetTypeMembers(FactoryMethodName)))
        {
            if (member is not IMethodSymbol method || HasFactorySignature(method, knownTypes))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="method"/> has the generated factory's signature, <c>Create(IBedrockRuntime)</c>
    /// (PG0009); the analyzers ask too, so that such a method gets no second diagnostic.
    /// </summary>
    internal static bool HasFactorySignature(IMethodSymbol method, KnownTypeSymbols knownTypes) =>
        method.Name == FactoryMethodName
        && method.Parameters.Length == 1
        && method.Parameters[0].RefKind == RefKind.None
        && KnownTypeSymbols.Is(method.Parameters[0].Type, knownTypes.BedrockRuntime);

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

    /// <summary>
    /// The name of the implementation nested in the interface: <c>ITriagePrompts</c> → <c>TriagePromptsClient</c>,
    /// numbered when the interface has a member of that name (CS0102) or a type of that name is in scope, which the
    /// nested class would hide from the interface's own declarations.
    /// </summary>
    private static string ImplementationName(INamedTypeSymbol symbol, SemanticModel semanticModel, int position)
    {
        string name = symbol.Name;
        bool conventional = name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);
        string preferred = (conventional ? name.Substring(1) : name) + "Client";
        string candidate = preferred;
        for (int suffix = 2;
             symbol.MemberNames.Contains(candidate) || !semanticModel.LookupNamespacesAndTypes(position, name: candidate).IsEmpty;
             suffix++)
        {
            candidate = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string HintName(INamedTypeSymbol symbol)
    {
        string name = symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
        return name.Replace('<', '_').Replace('>', '_') + ".PromptClient.g.cs";
    }
}
