using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;
using PromptGen.Generators.Templates;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Reads a method's Bedrock invocation options — [Guardrail], [CachePoint], [LatencyOptimized], [ServiceTier],
/// [ModelRequestFields], [Reasoning], [RequestMetadata] — falling back to its interface's, then to the client's.
/// Reports only what stops generation: model request fields that are not one JSON object (PG0016) and a
/// [RequestMetadata] parameter that is not a string dictionary (PG0015). One reader serves one interface, so an
/// interface-level mistake is reported once.
/// </summary>
internal sealed class InvocationOptionsReader
{
    private readonly INamedTypeSymbol _client;
    private readonly KnownTypeSymbols _knownTypes;
    private readonly HashSet<AttributeData> _reported = new();

    public InvocationOptionsReader(INamedTypeSymbol client, KnownTypeSymbols knownTypes)
    {
        _client = client;
        _knownTypes = knownTypes;
    }

    /// <summary>The options, or null when the method has none; false when they cannot be generated.</summary>
    public (InvocationOptionsModel? Options, bool Valid) Read(IMethodSymbol method, bool streaming, Location methodLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        bool valid = true;
        GuardrailModel? guardrail = ReadGuardrail(Find(method, _knownTypes.GuardrailAttribute), streaming);
        CachePointModel? cachePoint = ReadCachePoint(Find(method, _knownTypes.CachePointAttribute));
        bool latencyOptimized = Find(method, _knownTypes.LatencyOptimizedAttribute) is not null;
        string? serviceTier = Find(method, _knownTypes.ServiceTierAttribute) is { } tier && EnumArgument(tier) is { } tierValue
            ? WireName(tierValue, "default", "priority", "flex", "reserved")
            : null;

        string? fields = ReadModelFields(method, diagnostics, cancellationToken, ref valid);
        (EquatableArray<MetadataPairModel> metadata, string? metadataParameter) = ReadRequestMetadata(method, methodLocation, diagnostics, ref valid);

        var options = new InvocationOptionsModel(guardrail, cachePoint, latencyOptimized, serviceTier, fields, metadata, metadataParameter);
        return (options.IsEmpty ? null : options, valid);
    }

    /// <summary>The method's own attribute, else its declaring interface's, else the client interface's.</summary>
    private AttributeData? Find(IMethodSymbol method, INamedTypeSymbol? attributeType) =>
        Usable(AttributeReader.Find(method, attributeType))
        ?? Usable(AttributeReader.Find(method.ContainingType, attributeType))
        ?? Usable(AttributeReader.Find(_client, attributeType));

    private static AttributeData? Usable(AttributeData? attribute) =>
        attribute is null || AttributeReader.HasErrors(attribute) ? null : attribute;

    private static GuardrailModel? ReadGuardrail(AttributeData? attribute, bool streaming)
    {
        if (attribute is null || attribute.ConstructorArguments.Length < 2
            || attribute.ConstructorArguments[0].Value is not string identifier
            || attribute.ConstructorArguments[1].Value is not string version)
        {
            return null;
        }

        string? trace = Named(attribute, "Trace") is { } traceValue ? WireName(traceValue, "disabled", "enabled", "enabled_full") : null;
        // The stream processing mode exists only on ConverseStream; Converse has no such member.
        string? mode = streaming && Named(attribute, "StreamProcessing") is { } modeValue ? WireName(modeValue, "sync", "async") : null;
        return new GuardrailModel(identifier, version, trace, mode);
    }

    private static CachePointModel? ReadCachePoint(AttributeData? attribute)
    {
        if (attribute is null || EnumArgument(attribute) is not { } after || after == 0)
        {
            return null;
        }

        string? ttl = Named(attribute, "Ttl") is { } ttlValue ? WireName(ttlValue, "5m", "1h") : null;
        return new CachePointModel(AfterSystem: (after & 1) != 0, AfterPrompt: (after & 2) != 0, ttl) { AfterTools = (after & 4) != 0 };
    }

    /// <summary>The interface's fields, overridden member by member by the method's, then [Reasoning]'s thinking member.</summary>
    private string? ReadModelFields(IMethodSymbol method, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, ref bool valid)
    {
        var members = new List<KeyValuePair<string, string>>();
        AttributeData? interfaceFields = Usable(AttributeReader.Find(method.ContainingType, _knownTypes.ModelRequestFieldsAttribute))
            ?? Usable(AttributeReader.Find(_client, _knownTypes.ModelRequestFieldsAttribute));
        foreach (AttributeData? attribute in new[] { interfaceFields, Usable(AttributeReader.Find(method, _knownTypes.ModelRequestFieldsAttribute)) })
        {
            if (attribute is null || AttributeReader.FirstStringArgument(attribute) is not { } json)
            {
                continue;
            }

            (List<KeyValuePair<string, string>>? parsed, JsonTextError? error) = JsonObjectText.Parse(json);
            if (error is not null)
            {
                valid = false;
                if (_reported.Add(attribute))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidModelRequestFields, LocationIn(attribute, error, cancellationToken), error.Message));
                }

                continue;
            }

            foreach (KeyValuePair<string, string> member in parsed!)
            {
                Put(members, member.Key, member.Value);
            }
        }

        if (Find(method, _knownTypes.ReasoningAttribute) is { } reasoning)
        {
            int budget = Named(reasoning, "BudgetTokens") ?? 1024;
            Put(members, "\"thinking\"", "{\"type\":\"enabled\",\"budget_tokens\":" + budget.ToString(CultureInfo.InvariantCulture) + "}");
        }

        return members.Count == 0 ? null : "{" + string.Join(",", members.Select(member => member.Key + ":" + member.Value)) + "}";
    }

    private static void Put(List<KeyValuePair<string, string>> members, string name, string value)
    {
        int existing = members.FindIndex(member => JsonObjectText.NameOf(member.Key) == JsonObjectText.NameOf(name));
        if (existing >= 0)
        {
            members[existing] = new KeyValuePair<string, string>(members[existing].Key, value);
        }
        else
        {
            members.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    private Location LocationIn(AttributeData attribute, JsonTextError error, CancellationToken cancellationToken)
    {
        Location whole = AttributeReader.LocationOf(attribute, Location.None, cancellationToken);
        if (AttributeReader.FirstArgumentSyntax(attribute, cancellationToken) is not ExpressionSyntax argument)
        {
            return whole;
        }

        LiteralSourceMap map = LiteralSourceMap.For(argument, _knownTypes.Compilation);
        return map.Locate(error.Start, error.End);
    }

    private (EquatableArray<MetadataPairModel>, string?) ReadRequestMetadata(IMethodSymbol method, Location methodLocation, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        var pairs = new List<MetadataPairModel>();
        IEnumerable<ISymbol> owners = new ISymbol[] { _client, method.ContainingType, method }.Distinct<ISymbol>(SymbolEqualityComparer.Default);
        foreach (ISymbol owner in owners)
        {
            foreach (AttributeData attribute in AttributeReader.FindAllUsable(owner, _knownTypes.RequestMetadataAttribute))
            {
                if (attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string key
                    && attribute.ConstructorArguments[1].Value is string value)
                {
                    pairs.RemoveAll(pair => pair.Key == key);
                    pairs.Add(new MetadataPairModel(key, value));
                }
            }
        }

        string? parameterName = null;
        Compilation compilation = _knownTypes.Compilation;
        ITypeSymbol stringType = compilation.GetSpecialType(SpecialType.System_String);
        INamedTypeSymbol? expected = _knownTypes.ReadOnlyDictionary?.Construct(stringType, stringType);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!AttributeReader.FindAllUsable(parameter, _knownTypes.RequestMetadataAttribute).Any())
            {
                continue;
            }

            Location location = parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? methodLocation;
            if (expected is null || !compilation.HasImplicitConversion(parameter.Type, expected))
            {
                valid = false;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRequestMetadataParameter, location, parameter.Name, method.Name,
                    $"its type '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' is not an IReadOnlyDictionary<string, string>"));
            }
            else if (parameterName is not null)
            {
                valid = false;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRequestMetadataParameter, location, parameter.Name, method.Name,
                    $"'{parameterName}' already holds the method's request metadata; merge them into one dictionary"));
            }
            else
            {
                parameterName = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(parameter.Name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
            }
        }

        return (pairs.ToEquatableArray(), parameterName);
    }

    private static int? EnumArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int value ? value : null;

    private static int? Named(AttributeData attribute, string name)
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

    /// <summary>An enum member's wire name by its value; an undefined value (a cast) is passed as null and so not sent.</summary>
    private static string? WireName(int value, params string[] names) => value >= 0 && value < names.Length ? names[value] : null;
}
