using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes the builders that fill the partial types as <c>IncrementalJsonReader</c> reads: one class per object
/// shape, deriving from <c>PartialObjectBuilder&lt;TPartial&gt;</c>, with a field per member (the scalar, or the
/// builder of a nested object or list) and a <c>Build</c> that makes the next immutable snapshot. Scalars are
/// converted by the same <c>JsonValueReaders</c> the final parse uses. No reflection.
/// </summary>
internal sealed class StreamingBuilderEmitter
{

    private readonly StreamingPartialTypes _types;
    private readonly Dictionary<TypeRef, string> _elementReaders = new();
    private readonly List<TypeRef> _pendingElementReaders = new();
    private readonly Dictionary<string, string> _enumReaders = new();
    private readonly HashSet<string> _usedNames = new();

    private StreamingBuilderEmitter(StreamingPartialTypes types)
    {
        _types = types;
    }

    /// <summary>The class of the builders, nested in the implementation.</summary>
    public const string ClassName = "Partials";

    public static string FactoryName(string partialTypeName) => "Create" + partialTypeName;

    /// <summary>The factory of a streamed result's builder: its partial type's (<c>CreatePlanPartial</c>), or for a list its own (<c>CreateListOfStepPartial</c>).</summary>
    public static string FactoryName(ResultPlan result) =>
        FactoryName(result.Model.Root.Kind == ValueKind.Object ? result.PartialTypeName! : result.Model.ResultName + "Partial");

    public static void Emit(CodeWriter writer, StreamingPartialTypes types)
    {
        var emitter = new StreamingBuilderEmitter(types);
        foreach (ObjectShape shape in types.Objects)
        {
            emitter._usedNames.Add(BuilderName(types, shape.Id));
        }

        writer.WriteLine("/// <summary>Builds the partial results of streamed methods as the JSON arrives.</summary>");
        writer.WriteLine($"private static class {ClassName}");
        writer.OpenBlock();
        for (int i = 0; i < types.Objects.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            string partial = types.NameOf(types.Objects[i].Id);
            writer.WriteLine($"public static {RuntimeTypes.PartialValueBuilder}<{partial}> {FactoryName(partial)}() => new {BuilderName(types, types.Objects[i].Id)}();");
        }

        foreach (ResultPlan list in types.ListRoots)
        {
            if (types.Objects.Count > 0 || list != types.ListRoots[0])
            {
                writer.WriteLine();
            }

            // A list result streams as a growing list: the runtime's list builder, with the element's builder or reader.
            writer.WriteLine($"public static {RuntimeTypes.PartialValueBuilder}<{list.StreamedPartialType}> {FactoryName(list)}()");
            writer.Indent++;
            writer.WriteLine($"=> {emitter.BuilderExpression(list.Model.Root)};");
            writer.Indent--;
        }

        foreach (ObjectShape shape in types.Objects)
        {
            writer.WriteLine();
            emitter.WriteBuilder(writer, shape);
        }

        for (int i = 0; i < emitter._pendingElementReaders.Count; i++)
        {
            writer.WriteLine();
            emitter.WriteElementReader(writer, emitter._pendingElementReaders[i]);
        }

        foreach (EnumShape shape in types.Enums)
        {
            if (emitter._enumReaders.TryGetValue(shape.Id, out string? name))
            {
                writer.WriteLine();
                WriteEnumReader(writer, shape, name);
            }
        }

        writer.CloseBlock();
    }

    private static string BuilderName(StreamingPartialTypes types, string shapeId) => types.NameOf(shapeId) + "Builder";

    private void WriteBuilder(CodeWriter writer, ObjectShape shape)
    {
        string partial = _types.NameOf(shape.Id);
        IReadOnlyList<string> fields = FieldNames(shape);
        string Field(int index) => fields[index];
        writer.WriteLine($"private sealed class {BuilderName(_types, shape.Id)} : {RuntimeTypes.PartialObjectBuilder}<{partial}>");
        writer.OpenBlock();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            TypeRef type = shape.Properties[i].Type;
            string fieldType = StreamingPartialTypes.IsContainer(type) ? BuilderType(type) + "?" : _types.MemberTypeOf(type, simpleNames: true);
            writer.WriteLine($"private {fieldType} {Field(i)};");
        }

        writer.WriteLine();
        writer.WriteLine("protected override int MemberIndex(string name)");
        writer.OpenBlock();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            writer.WriteLine($"if ({RuntimeTypes.PartialScalars}.NameEquals(name, {SymbolDisplay.FormatLiteral(shape.Properties[i].JsonName, quote: true)}))");
            writer.OpenBlock();
            writer.WriteLine($"return {Number(i)};");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return -1; // a member the type does not have: ignored, as in the final parse");
        writer.CloseBlock();
        writer.WriteLine();

        WriteReadScalar(writer, shape, fields);
        writer.WriteLine();
        WriteStartMember(writer, shape, fields);
        writer.WriteLine();

        writer.WriteLine($"protected override {partial} Build() => new()");
        writer.OpenBlock();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            string value = StreamingPartialTypes.IsContainer(shape.Properties[i].Type) ? Field(i) + "?.Snapshot()" : Field(i);
            writer.WriteLine($"{shape.Properties[i].PropertyName} = {value},");
        }

        writer.Indent--;
        writer.WriteLine("};");
        writer.CloseBlock();
    }

    private void WriteReadScalar(CodeWriter writer, ObjectShape shape, IReadOnlyList<string> fields)
    {
        string Field(int index) => fields[index];
        writer.WriteLine($"protected override bool ReadScalar(int member, in {RuntimeTypes.JsonScalar} value)");
        writer.OpenBlock();
        writer.WriteLine("switch (member)");
        writer.OpenBlock();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            TypeRef type = shape.Properties[i].Type;
            writer.WriteLine($"case {Number(i)}:");
            writer.Indent++;
            if (StreamingPartialTypes.IsContainer(type))
            {
                writer.WriteLine("if (!value.IsNull)");
                writer.OpenBlock();
                writer.WriteLine($"return false; // expected {(type.Kind == ValueKind.List ? "an array" : "an object")}");
                writer.CloseBlock();
                writer.WriteLine();
                writer.WriteLine($"{Field(i)} = null;");
                writer.WriteLine("return true;");
            }
            else
            {
                string variant = StreamingPartialTypes.IsValueType(type) ? "TryReadNullable" : "TryReadNullableReference";
                writer.WriteLine($"return {RuntimeTypes.PartialScalars}.{variant}<{StreamingPartialTypes.NonNullable(type.TypeName)}>(value, {ValueReader(type)}, out {Field(i)});");
            }

            writer.Indent--;
        }

        writer.WriteLine("default:");
        writer.Indent++;
        writer.WriteLine("return false;");
        writer.Indent--;
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private void WriteStartMember(CodeWriter writer, ObjectShape shape, IReadOnlyList<string> fields)
    {
        string Field(int index) => fields[index];
        if (!System.Linq.Enumerable.Any(shape.Properties, property => StreamingPartialTypes.IsContainer(property.Type)))
        {
            writer.WriteLine($"protected override {RuntimeTypes.PartialJsonNode}? StartMember(int member, bool isArray) => null;");
            return;
        }

        writer.WriteLine($"protected override {RuntimeTypes.PartialJsonNode}? StartMember(int member, bool isArray)");
        writer.OpenBlock();
        writer.WriteLine("switch (member)");
        writer.OpenBlock();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            TypeRef type = shape.Properties[i].Type;
            if (!StreamingPartialTypes.IsContainer(type))
            {
                continue;
            }

            writer.WriteLine($"case {Number(i)}:");
            writer.Indent++;
            writer.WriteLine($"if ({(type.Kind == ValueKind.List ? "!isArray" : "isArray")})");
            writer.OpenBlock();
            writer.WriteLine("return null;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine($"{Field(i)} = {BuilderExpression(type)};");
            writer.WriteLine($"return {Field(i)};");
            writer.Indent--;
        }

        writer.WriteLine("default:");
        writer.Indent++;
        writer.WriteLine("return null;");
        writer.Indent--;
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>A new builder for a value of a container type.</summary>
    private string BuilderExpression(TypeRef type)
    {
        if (type.Kind == ValueKind.Object)
        {
            return $"new {BuilderName(_types, type.ShapeId!)}()";
        }

        TypeRef element = type.Element!;
        string builder = type.Kind == ValueKind.List ? "PartialListBuilder" : "PartialDictionaryBuilder";
        string scalarReader = StreamingPartialTypes.IsContainer(element) ? "null" : ElementReader(element);
        string arguments = StreamingPartialTypes.IsContainer(element)
            ? $"{scalarReader}, static () => {BuilderExpression(element)}, {(element.Kind == ValueKind.List ? "true" : "false")}"
            : scalarReader;
        return $"new {BuilderType(type)}({arguments})";
    }

    /// <summary>The builder of a value of a container type: the generated one of an object, the runtime's of a collection.</summary>
    private string BuilderType(TypeRef type) => type.Kind switch
    {
        ValueKind.Object => BuilderName(_types, type.ShapeId!),
        ValueKind.List => $"{RuntimeTypes.Support}.PartialListBuilder<{_types.PartialTypeOf(type.Element!, simpleNames: true)}>",
        _ => $"{RuntimeTypes.Support}.PartialDictionaryBuilder<{_types.PartialTypeOf(type.Element!, simpleNames: true)}>",
    };

    /// <summary>A field per member, named after it: <c>_title</c>, <c>_steps</c>; numbered where two would clash.</summary>
    private static IReadOnlyList<string> FieldNames(ObjectShape shape)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        var names = new List<string>();
        foreach (PropertyShape property in shape.Properties)
        {
            string name = "_" + Names.CamelCase(property.PropertyName);
            string candidate = name;
            for (int suffix = 2; !taken.Add(candidate); suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            names.Add(candidate);
        }

        return names;
    }

    /// <summary>The <c>JsonValueReaders</c> method (or generated enum reader) for a scalar type.</summary>
    private string ValueReader(TypeRef type)
    {
        if (type.Kind != ValueKind.Enum)
        {
            return $"{RuntimeTypes.JsonValueReaders}.TryRead{type.Kind}";
        }

        if (!_enumReaders.TryGetValue(type.ShapeId!, out string? name))
        {
            name = UniqueName("TryRead" + LastSegment(type.ShapeId!));
            _enumReaders[type.ShapeId!] = name;
        }

        return name;
    }

    /// <summary>A generated method reading one scalar element of a list or value of a dictionary.</summary>
    private string ElementReader(TypeRef type)
    {
        if (!_elementReaders.TryGetValue(type, out string? name))
        {
            string core = type.Kind == ValueKind.Enum ? LastSegment(type.ShapeId!) : type.Kind.ToString();
            name = UniqueName("Read" + (type.IsNullable ? "Nullable" : string.Empty) + core);
            _elementReaders[type] = name;
            _pendingElementReaders.Add(type);
        }

        return name;
    }

    private void WriteElementReader(CodeWriter writer, TypeRef type)
    {
        string variant = !type.IsNullable ? "TryRead" : StreamingPartialTypes.IsValueType(type) ? "TryReadNullable" : "TryReadNullableReference";
        writer.WriteLine($"private static bool {_elementReaders[type]}(in {RuntimeTypes.JsonScalar} scalar, out {type.TypeName} value) =>");
        writer.Indent++;
        writer.WriteLine($"{RuntimeTypes.PartialScalars}.{variant}<{StreamingPartialTypes.NonNullable(type.TypeName)}>(scalar, {ValueReader(type with { IsNullable = false })}, out value);");
        writer.Indent--;
    }

    private static void WriteEnumReader(CodeWriter writer, EnumShape shape, string name)
    {
        // A field, not an array in the method: an array initializer of strings allocates on every call.
        string names = string.Join(", ", System.Linq.Enumerable.Select(shape.MemberNames, member => SymbolDisplay.FormatLiteral(member, quote: true)));
        writer.WriteLine($"private static readonly string[] NamesOf{name} = {{ {names} }};");
        writer.WriteLine();
        writer.WriteLine($"private static bool {name}(ref global::System.Text.Json.Utf8JsonReader reader, {RuntimeTypes.JsonPath} path, {RuntimeTypes.ResultErrorList} errors, out {shape.TypeName} value)");
        writer.OpenBlock();
        writer.WriteLine($"bool matched = {RuntimeTypes.JsonValueReaders}.TryMatchEnum(ref reader, path, errors, NamesOf{name}, out int index);");
        writer.WriteLine("value = index switch");
        writer.OpenBlock();
        for (int i = 0; i < shape.MemberNames.Count; i++)
        {
            writer.WriteLine($"{Number(i)} => {shape.TypeName}.{shape.MemberNames[i]},");
        }

        writer.WriteLine("_ => default,");
        writer.Indent--;
        writer.WriteLine("};");
        writer.WriteLine("return matched;");
        writer.CloseBlock();
    }

    private string UniqueName(string name)
    {
        string candidate = name;
        for (int suffix = 2; !_usedNames.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>The simple name of a type's full name: after the last '.', or after "global::" for a type in the global namespace.</summary>
    private static string LastSegment(string fullName)
    {
        int separator = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf(':'));
        return separator < 0 ? fullName : fullName.Substring(separator + 1);
    }

    private static string Number(int index) => index.ToString(CultureInfo.InvariantCulture);
}
