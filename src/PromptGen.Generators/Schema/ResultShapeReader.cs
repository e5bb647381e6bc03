using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

/// <summary>A construct of a result type that has no JSON shape: what, with its JSON path, and the member that declares it.</summary>
/// <param name="Member">The property (or type, for a type-level problem) to report at; null for the result type itself.</param>
internal sealed record ShapeProblem(string Message, ISymbol? Member);

/// <summary>
/// Everything <see cref="ResultShapeReader.ReadAll"/> learned about a result type: its shapes when it has them, every
/// construct without one, whether a type in it does not compile (then nothing is reported: the compiler says why),
/// and the validation attributes that do not fit their members.
/// </summary>
internal sealed class ResultShapeReading
{
    public ResultShapeReading(ResultModel? model, IReadOnlyList<ShapeProblem> problems, bool unresolved, IReadOnlyList<ConstraintMisfit> misfits)
    {
        Model = model;
        Problems = problems;
        Unresolved = unresolved;
        Misfits = misfits;
    }

    public ResultModel? Model { get; }

    public IReadOnlyList<ShapeProblem> Problems { get; }

    public bool Unresolved { get; }

    public IReadOnlyList<ConstraintMisfit> Misfits { get; }
}

/// <summary>
/// Describes a result type as a graph of JSON shapes (objects, enums, lists, scalars) that both the schema writer
/// and the parser emitter read. It goes on past a construct that has no JSON shape, so every one is named at once,
/// each with the member that declares it; a type that does not compile stops it silently.
/// </summary>
internal sealed partial class ResultShapeReader
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly CancellationToken _cancellationToken;
    private readonly List<string> _objectOrder = new();
    private readonly Dictionary<string, ObjectShape?> _objects = new();
    private readonly Dictionary<string, EnumShape> _enums = new();
    private readonly HashSet<string> _recursive = new();
    private readonly List<ShapeProblem> _problems = new();
    private readonly List<ConstraintMisfit> _misfits = new();
    private ISymbol? _member;
    private bool _unresolved;

    private ResultShapeReader(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    /// <summary>The first problem, e.g. "'object' at $.payload has no JSON shape".</summary>
    public string? Problem => _problems.Count > 0 ? _problems[0].Message : null;

    /// <summary>The shapes of <paramref name="type"/>, or its first problem (null too when a type in it does not compile).</summary>
    public static (ResultModel? Model, string? Problem) Read(ITypeSymbol type, CancellationToken cancellationToken)
    {
        ResultShapeReading reading = ReadAll(type, cancellationToken);
        return (reading.Model, reading.Problems.Count > 0 ? reading.Problems[0].Message : null);
    }

    public static ResultShapeReading ReadAll(ITypeSymbol type, CancellationToken cancellationToken)
    {
        var reader = new ResultShapeReader(cancellationToken);
        TypeRef? root = reader.Describe(type, "$");
        if (reader._unresolved)
        {
            return new ResultShapeReading(null, System.Array.Empty<ShapeProblem>(), unresolved: true, reader._misfits);
        }

        if (root is null || reader._problems.Count > 0)
        {
            IReadOnlyList<ShapeProblem> problems = reader._problems.Count > 0
                ? reader._problems
                : new[] { new ShapeProblem($"'{type.ToDisplayString()}' has no JSON shape", null) };
            return new ResultShapeReading(null, problems, unresolved: false, reader._misfits);
        }

        ObjectShape[] objects = reader._objectOrder.Select(id => reader._objects[id]!).ToArray();
        bool wrapped = root.Kind != ValueKind.Object || root.IsNullable;
        string resultName = ResultName(type);
        var shapes = new ResultModel(root, wrapped, resultName, string.Empty, objects.ToEquatableArray(), reader._enums.Values.ToEquatableArray());
        return new ResultShapeReading(shapes with { SchemaJson = JsonSchemaWriter.Write(shapes) }, System.Array.Empty<ShapeProblem>(), unresolved: false, reader._misfits);
    }

    private static string ResultName(ITypeSymbol type)
    {
        string name = type is INamedTypeSymbol { IsGenericType: true } generic
            ? generic.Name + "Of" + string.Join("And", generic.TypeArguments.Select(ResultName))
            : type is IArrayTypeSymbol array ? ResultName(array.ElementType) + "List" : type.Name;
        var clean = new string(name.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        clean = clean.Length == 0 ? "Result" : clean;
        return clean.Length > 64 ? clean.Substring(0, 64) : clean;
    }

    private TypeRef? Fail(string problem) => Fail(problem, _member);

    private TypeRef? Fail(string problem, ISymbol? member)
    {
        if (!_problems.Any(existing => existing.Message == problem))
        {
            _problems.Add(new ShapeProblem(problem, member));
        }

        return null;
    }

    private TypeRef? Describe(ITypeSymbol type, string path)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (type.TypeKind == TypeKind.Error || _unresolved)
        {
            _unresolved = true; // the compiler reports the type; nothing PromptGen could say would help
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            TypeRef? inner = Describe(nullableValue.TypeArguments[0], path);
            return inner is null ? null : inner with { IsNullable = true, IsNullableValueType = true, TypeName = type.ToDisplayString(TypeFormat) };
        }

        bool nullable = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        string typeName = type.ToDisplayString(TypeFormat);

        ValueKind? scalar = ScalarKind(type);
        if (scalar is { } kind)
        {
            return new TypeRef(kind, typeName, nullable, false, null, null, CollectionShape.None);
        }

        switch (type)
        {
            case INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType:
                return DescribeEnum(enumType, typeName);
            case IArrayTypeSymbol { Rank: 1 } array:
                return DescribeList(array.ElementType, typeName, nullable, CollectionShape.Array, path);
            case IArrayTypeSymbol:
                return Fail($"the multi-dimensional array '{type.ToDisplayString()}' at {path} has no JSON shape; use a jagged array or a list");
            case INamedTypeSymbol named when CollectionElement(named) is { } element:
                return DescribeList(element, typeName, nullable, CollectionShape.List, path);
            case INamedTypeSymbol named when DictionaryTypes(named) is { } keyValue:
                return DescribeDictionary(keyValue.Key, keyValue.Value, typeName, nullable, path);
        }

        if (type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
        {
            return Fail($"'{type.ToDisplayString()}' at {path} has no JSON shape; use a concrete record or class");
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } objectType || objectType.IsAbstract)
        {
            string what = type.TypeKind switch
            {
                TypeKind.Interface => "the interface",
                TypeKind.Delegate => "the delegate",
                TypeKind.TypeParameter => "the type parameter",
                TypeKind.Pointer or TypeKind.FunctionPointer => "the pointer",
                _ => type.IsAbstract ? "the abstract type" : "the type",
            };
            return Fail($"{what} '{type.ToDisplayString()}' at {path} has no concrete shape; use a concrete record or class");
        }

        if (objectType.IsGenericType && objectType.TypeArguments.Any(argument => argument.TypeKind == TypeKind.TypeParameter))
        {
            return Fail($"the open generic type '{type.ToDisplayString()}' at {path} has no JSON shape");
        }

        return DescribeObject(objectType, typeName, nullable, path);
    }

    private static ValueKind? ScalarKind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_Int32: return ValueKind.Int32;
            case SpecialType.System_Int64: return ValueKind.Int64;
            case SpecialType.System_Single: return ValueKind.Single;
            case SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
        }

        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() switch
        {
            "System.DateTimeOffset" => ValueKind.DateTimeOffset,
            "System.DateOnly" => ValueKind.DateOnly,
            "System.TimeOnly" => ValueKind.TimeOnly,
            "System.TimeSpan" => ValueKind.TimeSpan,
            "System.Guid" => ValueKind.Guid,
            "System.Uri" => ValueKind.Uri,
            _ => null,
        };
    }

    private static readonly HashSet<string> ListDefinitions = new()
    {
        "System.Collections.Generic.List<T>",
        "System.Collections.Generic.IList<T>",
        "System.Collections.Generic.ICollection<T>",
        "System.Collections.Generic.IEnumerable<T>",
        "System.Collections.Generic.IReadOnlyList<T>",
        "System.Collections.Generic.IReadOnlyCollection<T>",
    };

    private static readonly HashSet<string> DictionaryDefinitions = new()
    {
        "System.Collections.Generic.Dictionary<TKey, TValue>",
        "System.Collections.Generic.IDictionary<TKey, TValue>",
        "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>",
    };

    private static ITypeSymbol? CollectionElement(INamedTypeSymbol type) =>
        type.IsGenericType && ListDefinitions.Contains(type.OriginalDefinition.ToDisplayString()) ? type.TypeArguments[0] : null;

    private static KeyValuePair<ITypeSymbol, ITypeSymbol>? DictionaryTypes(INamedTypeSymbol type) =>
        type.IsGenericType && DictionaryDefinitions.Contains(type.OriginalDefinition.ToDisplayString())
            ? new KeyValuePair<ITypeSymbol, ITypeSymbol>(type.TypeArguments[0], type.TypeArguments[1])
            : null;

    private TypeRef? DescribeList(ITypeSymbol elementType, string typeName, bool nullable, CollectionShape collection, string path)
    {
        TypeRef? element = Describe(elementType, path + "[]");
        return element is null ? null : new TypeRef(ValueKind.List, typeName, nullable, false, null, element, collection);
    }

    private TypeRef? DescribeDictionary(ITypeSymbol keyType, ITypeSymbol valueType, string typeName, bool nullable, string path)
    {
        bool stringKeys = keyType.SpecialType == SpecialType.System_String;
        if (!stringKeys)
        {
            Fail($"the dictionary '{typeName.Replace("global::", string.Empty)}' at {path} has '{keyType.ToDisplayString()}' keys; JSON object keys are strings, so use string keys");
        }

        // The values are described even so: their problems are reported in the same build.
        TypeRef? value = Describe(valueType, path + ".*");
        return value is null || !stringKeys ? null : new TypeRef(ValueKind.Dictionary, typeName, nullable, false, null, value, CollectionShape.None);
    }

    private TypeRef DescribeEnum(INamedTypeSymbol enumType, string typeName)
    {
        string id = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (!_enums.ContainsKey(id))
        {
            string[] members = enumType.GetMembers().OfType<IFieldSymbol>().Where(field => field.HasConstantValue).Select(field => field.Name).ToArray();
            _enums[id] = new EnumShape(id, id, DescriptionOf(enumType), members.ToEquatableArray());
        }

        return new TypeRef(ValueKind.Enum, typeName, false, false, id, null, CollectionShape.None);
    }

    private TypeRef? DescribeObject(INamedTypeSymbol type, string typeName, bool nullable, string path)
    {
        string id = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var reference = new TypeRef(ValueKind.Object, typeName, nullable, false, id, null, CollectionShape.None);
        if (_objects.TryGetValue(id, out ObjectShape? existing))
        {
            if (existing is null)
            {
                _recursive.Add(id); // still being described: the type contains itself
            }

            return reference;
        }

        _objects[id] = null;
        IMethodSymbol? constructor = ChooseConstructor(type);
        if (constructor is null)
        {
            return Fail($"'{type.ToDisplayString()}' at {path} has no public constructor PromptGen can call: add a parameterless one or one whose parameters match its properties", SourceTypeOr(type));
        }

        ISymbol? outerMember = _member;
        var properties = new List<PropertyShape>();
        bool failed = false;
        foreach (IPropertySymbol property in ReadableProperties(type))
        {
            int constructorIndex = constructor.Parameters.IndexOf(
                constructor.Parameters.FirstOrDefault(parameter => string.Equals(parameter.Name, property.Name, StringComparison.OrdinalIgnoreCase))!);
            IParameterSymbol? parameter = constructorIndex >= 0 ? constructor.Parameters[constructorIndex] : null;
            bool settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public };
            if (parameter is null && !settable)
            {
                continue; // computed or private-set: not part of the JSON shape
            }

            if (HasAttribute(property, "System.Text.Json.Serialization.JsonIgnoreAttribute"))
            {
                if (parameter is not null && !parameter.HasExplicitDefaultValue)
                {
                    Fail($"'{type.ToDisplayString()}.{property.Name}' is [JsonIgnore] but its constructor needs it", property);
                    failed = true;
                }

                continue;
            }

            string jsonName = JsonName(property);
            _member = property;
            TypeRef? propertyType = Describe(property.Type, path + "." + jsonName);
            _member = outerMember;
            if (propertyType is null)
            {
                failed = true;
                continue; // the other members are still read, so each of their problems is reported too
            }

            _misfits.AddRange(ConstraintFit.Misfits(property, parameter, propertyType));

            // Nullable means optional (absent reads as null); otherwise a member is required unless it has a default
            // (a constructor default or a property initializer). A C# 'required' member always is.
            bool required = property.IsRequired
                || (!propertyType.IsNullable && (parameter is not null ? !parameter.HasExplicitDefaultValue : !HasInitializer(property)));
            properties.Add(new PropertyShape(
                property.Name,
                jsonName,
                propertyType,
                required,
                DescriptionOf(property) ?? (parameter is null ? null : DescriptionOf(parameter)),
                ConstraintReader.Read(property, parameter),
                constructorIndex,
                parameter is { HasExplicitDefaultValue: true } ? DefaultLiteral(parameter) : null));
        }

        if (failed)
        {
            return null;
        }

        if (properties.Count == 0)
        {
            return Fail($"'{type.ToDisplayString()}' at {path} has no public settable or constructor-bound properties", SourceTypeOr(type));
        }

        var shape = new ObjectShape(id, id, type.Name, DescriptionOf(type), _recursive.Contains(id), properties.ToEquatableArray());
        _objects[id] = shape;
        _objectOrder.Add(id);
        return reference;
    }

    /// <summary>A type-level problem goes on the type's declaration when it is in source, else on the member that uses it.</summary>
    private ISymbol? SourceTypeOr(INamedTypeSymbol type) =>
        type.Locations.Any(location => location.IsInSource) ? type : _member;

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type)
    {
        IPropertySymbol[] properties = ReadableProperties(type).ToArray();
        IEnumerable<IMethodSymbol> candidates = type.InstanceConstructors
            .Where(constructor => constructor.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(constructor, type))
            .Where(constructor => constructor.Parameters.All(parameter =>
                parameter.RefKind == RefKind.None
                && properties.Any(property => string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                    && SymbolEqualityComparer.Default.Equals(property.Type.WithNullableAnnotation(NullableAnnotation.None), parameter.Type.WithNullableAnnotation(NullableAnnotation.None)))));
        return candidates.OrderByDescending(constructor => constructor.Parameters.Length).FirstOrDefault();
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static IEnumerable<IPropertySymbol> ReadableProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (IPropertySymbol property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                    && property.GetMethod is not null && property.Name != "EqualityContract" && seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private static bool HasInitializer(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null });

    private static string JsonName(IPropertySymbol property)
    {
        AttributeData? attribute = FindAttribute(property, "System.Text.Json.Serialization.JsonPropertyNameAttribute");
        if (attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string name && name.Length > 0)
        {
            return name;
        }

        // A parameter still being typed ("int )") has an empty name; the compiler reports it, we must not throw.
        return property.Name.Length == 0 ? property.Name : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
    }

    private static string? DescriptionOf(ISymbol symbol) =>
        FindAttribute(symbol, "System.ComponentModel.DescriptionAttribute") is { ConstructorArguments.Length: 1 } attribute
            ? attribute.ConstructorArguments[0].Value as string
            : null;

    internal static AttributeData? FindAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(attribute => attribute.AttributeClass?.ToDisplayString() == metadataName);

    private static bool HasAttribute(ISymbol symbol, string metadataName) => FindAttribute(symbol, metadataName) is not null;

    private static string DefaultLiteral(IParameterSymbol parameter)
    {
        object? value = parameter.ExplicitDefaultValue;
        if (parameter.Type.TypeKind == TypeKind.Enum && value is not null)
        {
            return $"({parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){Convert.ToString(value, CultureInfo.InvariantCulture)}";
        }

        return value switch
        {
            null => "default!",
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            float number => number.ToString("R", CultureInfo.InvariantCulture) + "f",
            double number => number.ToString("R", CultureInfo.InvariantCulture) + "d",
            decimal number => number.ToString(CultureInfo.InvariantCulture) + "m",
            long number => number.ToString(CultureInfo.InvariantCulture) + "L",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => "default!",
        };
    }
}
