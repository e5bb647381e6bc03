using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;
using PromptGen.Generators.Schema;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes the parsers of one prompt interface's result types: a <c>Parse…</c> entry point per method and one
/// <c>TryRead…</c> method per type use, reading strict JSON with <c>Utf8JsonReader</c> (no reflection). Every
/// problem is collected with its JSON path instead of stopping at the first one, so a repair prompt can list them all.
/// </summary>
internal sealed class ResultParserEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string ReaderParameters = "ref " + Json + ".Utf8JsonReader reader, " + RuntimeTypes.JsonPath + " path, " + RuntimeTypes.ResultErrorList + " errors";

    private readonly Dictionary<string, ObjectShape> _objects = new();
    private readonly Dictionary<string, EnumShape> _enums = new();
    private readonly Dictionary<TypeRef, string> _readerNames = new();
    private readonly List<TypeRef> _pending = new();
    private readonly HashSet<string> _usedNames = new();

    public static void Emit(CodeWriter writer, string className, IReadOnlyList<(string MethodName, ResultModel Result)> results)
    {
        var emitter = new ResultParserEmitter();
        foreach ((_, ResultModel result) in results)
        {
            foreach (ObjectShape shape in result.Objects)
            {
                emitter._objects[shape.Id] = shape;
            }

            foreach (EnumShape shape in result.Enums)
            {
                emitter._enums[shape.Id] = shape;
            }
        }

        writer.WriteLine(PromptClientEmitter.GeneratedCodeAttribute);
        writer.WriteLine($"file static class {className}");
        writer.OpenBlock();
        foreach ((string methodName, ResultModel result) in results)
        {
            emitter.WriteEntryPoint(writer, methodName, result);
            writer.WriteLine();
        }

        for (int i = 0; i < emitter._pending.Count; i++)
        {
            emitter.WriteReader(writer, emitter._pending[i]);
            if (i < emitter._pending.Count - 1)
            {
                writer.WriteLine();
            }
        }

        writer.CloseBlock();
    }

    public static string EntryPointName(string methodName) => "Parse" + methodName;

    private void WriteEntryPoint(CodeWriter writer, string methodName, ResultModel result)
    {
        string type = result.Root.TypeName;
        writer.WriteLine($"public static {RuntimeTypes.ParseOutcome}<{type}> {EntryPointName(methodName)}(byte[] json)");
        writer.OpenBlock();
        writer.WriteLine($"var errors = new {RuntimeTypes.ResultErrorList}();");
        writer.WriteLine($"var reader = new {Json}.Utf8JsonReader(json, new {Json}.JsonReaderOptions {{ MaxDepth = 64 }});");
        writer.WriteLine($"{type} value = default!;");
        writer.WriteLine("bool read = false;");
        writer.WriteLine("try");
        writer.OpenBlock();
        writer.WriteLine("if (reader.Read())");
        writer.OpenBlock();
        if (!result.IsWrapped)
        {
            writer.WriteLine($"read = {ReaderFor(result.Root)}(ref reader, \"$\", errors, out value);");
        }
        else
        {
            bool bareValueIsAmbiguous = result.Root.Kind is ValueKind.Object or ValueKind.Dictionary;
            writer.WriteLine($"// The schema wraps the result as {{\"{JsonSchemaWriter.WrapperMember}\": …}}{(bareValueIsAmbiguous ? "." : "; a bare value is accepted too.")}");
            writer.WriteLine(bareValueIsAmbiguous
                ? "read = ReadWrapped(ref reader, errors, out value);"
                : $"read = reader.TokenType == {Json}.JsonTokenType.StartObject ? ReadWrapped(ref reader, errors, out value) : {ReaderFor(result.Root)}(ref reader, \"$\", errors, out value);");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine($"catch ({Json}.JsonException exception)");
        writer.OpenBlock();
        writer.WriteLine($"errors.Add(\"$\", {RuntimeTypes.ResultErrorKind}.MalformedJson, exception.Message);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("if (read && errors.Count == 0)");
        writer.OpenBlock();
        writer.WriteLine($"return {RuntimeTypes.ParseOutcome}<{type}>.Success(value);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("if (errors.Count == 0)");
        writer.OpenBlock();
        writer.WriteLine($"errors.Add(\"$\", {RuntimeTypes.ResultErrorKind}.NoJson, \"the answer holds no JSON value\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"return {RuntimeTypes.ParseOutcome}<{type}>.Failure(errors.Items);");

        if (result.IsWrapped)
        {
            writer.WriteLine();
            WriteWrapperReader(writer, result.Root);
        }

        writer.CloseBlock();
    }

    private void WriteWrapperReader(CodeWriter writer, TypeRef root)
    {
        string member = JsonSchemaWriter.WrapperMember;
        writer.WriteLine($"static bool ReadWrapped(ref {Json}.Utf8JsonReader reader, {RuntimeTypes.ResultErrorList} errors, out {root.TypeName} value)");
        writer.OpenBlock();
        writer.WriteLine("const string path = \"$\";");
        writer.WriteLine("value = default!;");
        WriteExpectToken(writer, "StartObject", "object");
        writer.WriteLine("bool found = false;");
        writer.WriteLine($"while (reader.Read() && reader.TokenType == {Json}.JsonTokenType.PropertyName)");
        writer.OpenBlock();
        writer.WriteLine($"bool isValue = {RuntimeTypes.JsonValueReaders}.MemberNameEquals(ref reader, \"{member}\");");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("if (isValue)");
        writer.OpenBlock();
        writer.WriteLine($"found = true;");
        writer.WriteLine($"if (!{ReaderFor(root)}(ref reader, {RuntimeTypes.JsonPath}.Member(path, \"{member}\"), errors, out value))");
        writer.OpenBlock();
        writer.WriteLine("reader.Skip();");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("reader.Skip();");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("if (!found)");
        writer.OpenBlock();
        writer.WriteLine($"errors.Add(\"$.{member}\", {RuntimeTypes.ResultErrorKind}.MissingMember, \"required member is missing\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return found && errors.Count == 0;");
        writer.CloseBlock();
    }

    /// <summary>The method that reads <paramref name="type"/>: a runtime reader for plain scalars, else a generated one.</summary>
    private string ReaderFor(TypeRef type)
    {
        if (!type.IsNullable && ScalarReader(type.Kind) is { } runtimeReader)
        {
            return runtimeReader;
        }

        if (!_readerNames.TryGetValue(type, out string? name))
        {
            name = UniqueName("TryRead" + NameOf(type));
            _readerNames[type] = name;
            _pending.Add(type);
        }

        return name;
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

    private string NameOf(TypeRef type)
    {
        string core = type.Kind switch
        {
            ValueKind.Object => _objects[type.ShapeId!].DisplayName,
            ValueKind.Enum => LastSegment(type.ShapeId!),
            ValueKind.List => (type.Collection == CollectionShape.Array ? "ArrayOf" : "ListOf") + NameOf(type.Element! with { IsNullable = false, IsNullableValueType = false }),
            ValueKind.Dictionary => "DictionaryOf" + NameOf(type.Element! with { IsNullable = false, IsNullableValueType = false }),
            _ => type.Kind.ToString(),
        };
        return (type.IsNullable ? "Nullable" : string.Empty) + core;
    }

    /// <summary>The simple name of a type's full name: after the last '.', or after "global::" for a type in the global namespace.</summary>
    private static string LastSegment(string fullName)
    {
        int separator = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf(':'));
        return separator < 0 ? fullName : fullName.Substring(separator + 1);
    }

    private static string? ScalarReader(ValueKind kind) => kind switch
    {
        ValueKind.Enum or ValueKind.Object or ValueKind.List or ValueKind.Dictionary => null,
        _ => $"{RuntimeTypes.JsonValueReaders}.TryRead{kind}",
    };

    private void WriteReader(CodeWriter writer, TypeRef type)
    {
        if (!type.IsNullable && type.Kind == ValueKind.Enum)
        {
            // A field, not an array in the method: an array initializer of strings allocates on every call.
            string names = string.Join(", ", _enums[type.ShapeId!].MemberNames.Select(name => SymbolDisplay.FormatLiteral(name, quote: true)));
            writer.WriteLine($"private static readonly string[] {EnumNamesField(_readerNames[type])} = {{ {names} }};");
            writer.WriteLine();
        }

        writer.WriteLine($"private static bool {_readerNames[type]}({ReaderParameters}, out {type.TypeName} value)");
        writer.OpenBlock();
        if (type.IsNullable)
        {
            writer.WriteLine($"if (reader.TokenType == {Json}.JsonTokenType.Null)");
            writer.OpenBlock();
            writer.WriteLine("value = null;");
            writer.WriteLine("return true;");
            writer.CloseBlock();
            writer.WriteLine();
            TypeRef inner = type with { IsNullable = false, IsNullableValueType = false, TypeName = NonNullableName(type) };
            if (type.IsNullableValueType)
            {
                writer.WriteLine($"bool read = {ReaderFor(inner)}(ref reader, path, errors, out {inner.TypeName} item);");
                writer.WriteLine("value = item;");
                writer.WriteLine("return read;");
            }
            else
            {
                writer.WriteLine($"return {ReaderFor(inner)}(ref reader, path, errors, out value);");
            }
        }
        else
        {
            switch (type.Kind)
            {
                case ValueKind.Object:
                    WriteObjectBody(writer, _objects[type.ShapeId!]);
                    break;
                case ValueKind.Enum:
                    WriteEnumBody(writer, _enums[type.ShapeId!], EnumNamesField(_readerNames[type]));
                    break;
                case ValueKind.List:
                    WriteListBody(writer, type);
                    break;
                case ValueKind.Dictionary:
                    WriteDictionaryBody(writer, type);
                    break;
            }
        }

        writer.CloseBlock();
    }

    /// <summary>"T?" without its "?" (both Nullable&lt;T&gt; and annotated references display that way).</summary>
    private static string NonNullableName(TypeRef type) =>
        type.TypeName.EndsWith("?", System.StringComparison.Ordinal) ? type.TypeName.Substring(0, type.TypeName.Length - 1) : type.TypeName;

    private static void WriteExpectToken(CodeWriter writer, string token, string description)
    {
        writer.WriteLine($"if (reader.TokenType != {Json}.JsonTokenType.{token})");
        writer.OpenBlock();
        writer.WriteLine($"errors.Add(path, {RuntimeTypes.ResultErrorKind}.TypeMismatch, \"expected {description}, got \" + {RuntimeTypes.JsonValueReaders}.Describe(ref reader));");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private void WriteObjectBody(CodeWriter writer, ObjectShape shape)
    {
        writer.WriteLine("value = default!;");
        WriteExpectToken(writer, "StartObject", "object");
        if (shape.Properties.Count > 0)
        {
            WriteParentPath(writer);
        }

        writer.WriteLine("int errorCount = errors.Count;");
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            PropertyShape property = shape.Properties[i];
            writer.WriteLine($"{property.Type.TypeName} {Local(i)} = {property.ConstructorDefault ?? "default!"};");
            if (property.IsRequired)
            {
                writer.WriteLine($"bool {Has(i)} = false;");
            }

            if (!property.Constraints.IsEmpty)
            {
                writer.WriteLine($"bool {Valid(i)} = false;");
            }
        }

        writer.WriteLine($"while (reader.Read() && reader.TokenType == {Json}.JsonTokenType.PropertyName)");
        writer.OpenBlock();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            PropertyShape property = shape.Properties[i];
            writer.WriteLine($"{(i == 0 ? "if" : "else if")} ({RuntimeTypes.JsonValueReaders}.MemberNameEquals(ref reader, {SymbolDisplay.FormatLiteral(property.JsonName, quote: true)}))");
            writer.OpenBlock();
            writer.WriteLine("reader.Read();");
            if (property.IsRequired)
            {
                writer.WriteLine($"{Has(i)} = true;");
            }

            if (!property.Constraints.IsEmpty)
            {
                // Constraints are checked only on a value that was read: a wrong type is already one error.
                writer.WriteLine($"{Valid(i)} = {ReaderFor(property.Type)}(ref reader, {MemberPath(property)}, errors, out {Local(i)});");
                writer.WriteLine($"if (!{Valid(i)})");
            }
            else
            {
                writer.WriteLine($"if (!{ReaderFor(property.Type)}(ref reader, {MemberPath(property)}, errors, out {Local(i)}))");
            }

            writer.OpenBlock();
            writer.WriteLine("reader.Skip();");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        // A shape without members (the arguments of a tool without parameters) has no "if" for an "else".
        bool hasMembers = shape.Properties.Count > 0;
        if (hasMembers)
        {
            writer.WriteLine("else");
            writer.OpenBlock();
        }

        writer.WriteLine("// Members the type does not have are ignored: models add commentary fields.");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("reader.Skip();");
        if (hasMembers)
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();

        for (int i = 0; i < shape.Properties.Count; i++)
        {
            PropertyShape property = shape.Properties[i];
            if (property.IsRequired)
            {
                writer.WriteLine($"if (!{Has(i)})");
                writer.OpenBlock();
                writer.WriteLine($"errors.Add({MemberPath(property)}, {RuntimeTypes.ResultErrorKind}.MissingMember, \"required member is missing\");");
                writer.CloseBlock();
            }

            WriteConstraintChecks(writer, property, i);
        }

        writer.WriteLine("if (errors.Count != errorCount)");
        writer.OpenBlock();
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        WriteConstruction(writer, shape);
        writer.WriteLine("return true;");
    }

    private static void WriteConstraintChecks(CodeWriter writer, PropertyShape property, int index)
    {
        ConstraintsModel c = property.Constraints;
        if (c.IsEmpty)
        {
            return;
        }

        string local = Local(index);
        string path = MemberPath(property);
        var checks = new List<string>();
        TypeRef type = property.Type;
        bool isNumber = type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal;
        if (isNumber && (c.Minimum is not null || c.Maximum is not null))
        {
            string number = type.IsNullableValueType ? $"{local}.Value" : local;
            checks.Add($"{RuntimeTypes.ResultValidation}.Range(errors, {path}, (double){number}, {Double(c.Minimum, "double.NegativeInfinity")}, {Double(c.Maximum, "double.PositiveInfinity")});");
        }

        if (type.Kind == ValueKind.String && (c.MinLength is not null || c.MaxLength is not null))
        {
            checks.Add($"{RuntimeTypes.ResultValidation}.Length(errors, {path}, {local}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
        }

        if (type.Kind == ValueKind.List && (c.MinLength is not null || c.MaxLength is not null))
        {
            checks.Add($"{RuntimeTypes.ResultValidation}.Count(errors, {path}, global::System.Linq.Enumerable.Count({local}), {Int(c.MinLength)}, {Int(c.MaxLength)});");
        }

        if (type.Kind == ValueKind.String && c.Pattern is not null)
        {
            checks.Add($"{RuntimeTypes.ResultValidation}.Pattern(errors, {path}, {local}, {SymbolDisplay.FormatLiteral(c.Pattern, quote: true)});");
        }

        if (checks.Count == 0)
        {
            return;
        }

        string condition = type.IsNullable ? $"{Valid(index)} && {local} is not null" : Valid(index);
        writer.WriteLine($"if ({condition})");
        writer.OpenBlock();
        foreach (string check in checks)
        {
            writer.WriteLine(check);
        }

        writer.CloseBlock();
    }

    private static string Double(double? value, string none) => value is { } number
        ? (double.IsInfinity(number) || number >= double.MaxValue || number <= double.MinValue ? (number > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity") : number.ToString("R", CultureInfo.InvariantCulture) + "d")
        : none;

    private static string Int(int? value) => value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "-1";

    private static void WriteConstruction(CodeWriter writer, ObjectShape shape)
    {
        PropertyShape[] constructorArguments = shape.Properties.Where(p => p.ConstructorIndex >= 0).OrderBy(p => p.ConstructorIndex).ToArray();
        string arguments = string.Join(", ", constructorArguments.Select(p => Local(IndexOf(shape, p))));
        PropertyShape[] initialized = shape.Properties.Where(p => p.ConstructorIndex < 0).ToArray();
        if (initialized.Length == 0)
        {
            writer.WriteLine($"value = new {shape.TypeName}({arguments});");
            return;
        }

        writer.WriteLine($"value = new {shape.TypeName}({arguments})");
        writer.OpenBlock();
        foreach (PropertyShape property in initialized)
        {
            writer.WriteLine($"{property.PropertyName} = {Local(IndexOf(shape, property))},");
        }

        writer.Indent--;
        writer.WriteLine("};");
    }

    private static int IndexOf(ObjectShape shape, PropertyShape property)
    {
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            if (ReferenceEquals(shape.Properties[i], property))
            {
                return i;
            }
        }

        return -1;
    }

    private static string EnumNamesField(string readerName) => "NamesOf" + readerName;

    private static void WriteEnumBody(CodeWriter writer, EnumShape shape, string namesField)
    {
        writer.WriteLine($"if (!{RuntimeTypes.JsonValueReaders}.TryMatchEnum(ref reader, path, errors, {namesField}, out int index))");
        writer.OpenBlock();
        writer.WriteLine("value = default;");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("value = index switch");
        writer.OpenBlock();
        for (int i = 0; i < shape.MemberNames.Count; i++)
        {
            writer.WriteLine($"{i.ToString(CultureInfo.InvariantCulture)} => {shape.TypeName}.{shape.MemberNames[i]},");
        }

        writer.WriteLine($"_ => default,");
        writer.Indent--;
        writer.WriteLine("};");
        writer.WriteLine("return true;");
    }

    private void WriteListBody(CodeWriter writer, TypeRef type)
    {
        TypeRef element = type.Element!;
        writer.WriteLine($"var items = new global::System.Collections.Generic.List<{element.TypeName}>();");
        writer.WriteLine(type.Collection == CollectionShape.Array ? "value = global::System.Array.Empty<" + element.TypeName + ">();" : "value = items;");
        WriteExpectToken(writer, "StartArray", "array");
        WriteParentPath(writer);
        writer.WriteLine("int errorCount = errors.Count;");
        writer.WriteLine($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndArray)");
        writer.OpenBlock();
        writer.WriteLine($"if ({ReaderFor(element)}(ref reader, {RuntimeTypes.JsonPath}.Element(parentPath, items.Count), errors, out {element.TypeName} item))");
        writer.OpenBlock();
        writer.WriteLine("items.Add(item);");
        writer.CloseBlock();
        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("items.Add(default!); // keeps later indexes in error paths true");
        writer.WriteLine("reader.Skip();");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        if (type.Collection == CollectionShape.Array)
        {
            writer.WriteLine("value = items.ToArray();");
        }

        writer.WriteLine("return errors.Count == errorCount;");
    }

    private void WriteDictionaryBody(CodeWriter writer, TypeRef type)
    {
        TypeRef element = type.Element!;
        writer.WriteLine($"var entries = new global::System.Collections.Generic.Dictionary<string, {element.TypeName}>();");
        writer.WriteLine("value = entries;");
        WriteExpectToken(writer, "StartObject", "object");
        WriteParentPath(writer);
        writer.WriteLine("int errorCount = errors.Count;");
        writer.WriteLine($"while (reader.Read() && reader.TokenType == {Json}.JsonTokenType.PropertyName)");
        writer.OpenBlock();
        writer.WriteLine("string key = reader.GetString()!;");
        writer.WriteLine("reader.Read();");
        writer.WriteLine($"if ({ReaderFor(element)}(ref reader, {RuntimeTypes.JsonPath}.Member(parentPath, key), errors, out {element.TypeName} item))");
        writer.OpenBlock();
        writer.WriteLine("entries[key] = item;");
        writer.CloseBlock();
        writer.WriteLine("else");
        writer.OpenBlock();
        writer.WriteLine("reader.Skip();");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return errors.Count == errorCount;");
    }

    private static string Local(int index) => "member" + index.ToString(CultureInfo.InvariantCulture);

    private static string Has(int index) => "has" + index.ToString(CultureInfo.InvariantCulture);

    private static string Valid(int index) => "valid" + index.ToString(CultureInfo.InvariantCulture);

    private static string MemberPath(PropertyShape property) =>
        $"{RuntimeTypes.JsonPath}.Member(parentPath, {SymbolDisplay.FormatLiteral(property.JsonName, quote: true)})";

    /// <summary>
    /// The container's own path as text, built once for its children's paths, which stay unbuilt
    /// <c>JsonPath</c>s until an error needs one.
    /// </summary>
    private static void WriteParentPath(CodeWriter writer) => writer.WriteLine("string parentPath = path.ToString();");
}
