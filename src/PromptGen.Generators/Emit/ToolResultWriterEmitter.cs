using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes what tools return as JSON for the model: one <c>Write…</c> method per object, list or dictionary type,
/// over <c>Utf8JsonWriter</c>, with scalars inline. No reflection, so trimming and NativeAOT keep working; the JSON
/// uses the same member names and enum names as the schemas PromptGen writes.
/// </summary>
internal sealed class ToolResultWriterEmitter
{
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    private readonly Dictionary<string, ObjectShape> _objects = new();
    private readonly Dictionary<TypeRef, string> _names = new();
    private readonly List<TypeRef> _pending = new();
    private readonly HashSet<string> _usedNames = new();
    private readonly Dictionary<string, int> _locals = new();

    private ToolResultWriterEmitter(IEnumerable<ResultModel> results)
    {
        foreach (ObjectShape shape in results.SelectMany(result => result.Objects))
        {
            _objects[shape.Id] = shape;
        }
    }

    /// <summary>Writes the class; returns the entry method name for each root type, in order.</summary>
    public static IReadOnlyList<string> Emit(CodeWriter writer, string className, IReadOnlyList<ResultModel> results, string summary = "Writes what tools return as JSON for the model, without reflection.")
    {
        var emitter = new ToolResultWriterEmitter(results);
        var entries = results.Select(result => emitter.NameOf(result.Root)).ToList();
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine($"private static class {className}");
        writer.OpenBlock();
        for (int i = 0; i < emitter._pending.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            emitter.WriteMethod(writer, emitter._pending[i]);
        }

        writer.CloseBlock();
        return entries;
    }

    /// <summary>The name of the method that writes <paramref name="type"/>; queued for writing the first time.</summary>
    public string NameOf(TypeRef type)
    {
        if (_names.TryGetValue(type, out string? name))
        {
            return name;
        }

        string baseName = "Write" + TypeNameOf(type);
        name = baseName;
        for (int suffix = 2; !_usedNames.Add(name); suffix++)
        {
            name = baseName + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _names[type] = name;
        _pending.Add(type);
        return name;
    }

    /// <summary>The type as a name: <c>Forecast</c>, <c>ListOfString</c>, <c>DictionaryOfNullableInt32</c>.</summary>
    private string TypeNameOf(TypeRef type)
    {
        string core = type.Kind switch
        {
            ValueKind.Object => _objects[type.ShapeId!].DisplayName,
            ValueKind.Enum => type.ShapeId!.Substring(System.Math.Max(type.ShapeId!.LastIndexOf('.'), type.ShapeId!.LastIndexOf(':')) + 1),
            ValueKind.List => (type.Collection == CollectionShape.Array ? "ArrayOf" : "ListOf") + TypeNameOf(type.Element!),
            ValueKind.Dictionary => "DictionaryOf" + TypeNameOf(type.Element!),
            _ => type.Kind.ToString(),
        };
        return (type.IsNullable ? "Nullable" : string.Empty) + core;
    }

    private void WriteMethod(CodeWriter writer, TypeRef type)
    {
        _locals.Clear();
        writer.WriteLine($"public static void {_names[type]}({Writer} writer, {type.TypeName} value)");
        writer.OpenBlock();
        WriteValue(writer, type, "value");
        writer.CloseBlock();
    }

    /// <summary>Statements writing <paramref name="expression"/> (of <paramref name="type"/>) at the writer's position.</summary>
    private void WriteValue(CodeWriter writer, TypeRef type, string expression)
    {
        if (type.IsNullableValueType)
        {
            string present = Local("present");
            writer.WriteLine($"if ({expression} is {{ }} {present})");
            writer.OpenBlock();
            WriteValue(writer, type with { IsNullable = false, IsNullableValueType = false, TypeName = type.TypeName.TrimEnd('?') }, present);
            writer.CloseBlock();
            writer.WriteLine("else");
            writer.OpenBlock();
            writer.WriteLine("writer.WriteNullValue();");
            writer.CloseBlock();
            return;
        }

        if (type.Kind is ValueKind.Uri or ValueKind.List or ValueKind.Dictionary or ValueKind.Object)
        {
            // A null where the type says none is still written as null rather than failing the tool call. The cast
            // lets the same check compile for structs, which are never null.
            writer.WriteLine($"if ((object?){expression} is null)");
            writer.OpenBlock();
            writer.WriteLine("writer.WriteNullValue();");
            writer.CloseBlock();
            writer.WriteLine("else");
            writer.OpenBlock();
            WriteNonNull(writer, type, expression);
            writer.CloseBlock();
            return;
        }

        WriteNonNull(writer, type, expression);
    }

    private void WriteNonNull(CodeWriter writer, TypeRef type, string expression)
    {
        switch (type.Kind)
        {
            case ValueKind.String:
                writer.WriteLine($"writer.WriteStringValue({expression});");
                break;
            case ValueKind.Boolean:
                writer.WriteLine($"writer.WriteBooleanValue({expression});");
                break;
            case ValueKind.Int32 or ValueKind.Int64 or ValueKind.Decimal:
                writer.WriteLine($"writer.WriteNumberValue({expression});");
                break;
            case ValueKind.Single or ValueKind.Double:
                // JSON has no NaN or infinity: they go as strings, which the model can still read.
                writer.WriteLine($"if (double.IsFinite({expression}))");
                writer.OpenBlock();
                writer.WriteLine($"writer.WriteNumberValue({expression});");
                writer.CloseBlock();
                writer.WriteLine("else");
                writer.OpenBlock();
                writer.WriteLine($"writer.WriteStringValue({expression}.ToString({Invariant}));");
                writer.CloseBlock();
                break;
            case ValueKind.DateTimeOffset or ValueKind.DateTime or ValueKind.Guid:
                writer.WriteLine($"writer.WriteStringValue({expression});");
                break;
            case ValueKind.DateOnly:
                writer.WriteLine($"writer.WriteStringValue({expression}.ToString(\"yyyy-MM-dd\", {Invariant}));");
                break;
            case ValueKind.TimeOnly:
                writer.WriteLine($"writer.WriteStringValue({expression}.ToString(\"HH:mm:ss.FFFFFFF\", {Invariant}));");
                break;
            case ValueKind.TimeSpan:
                writer.WriteLine($"writer.WriteStringValue({expression}.ToString(\"c\", {Invariant}));");
                break;
            case ValueKind.Uri:
                writer.WriteLine($"writer.WriteStringValue({expression}.OriginalString);");
                break;
            case ValueKind.Enum:
                writer.WriteLine($"writer.WriteStringValue({expression}.ToString());");
                break;
            case ValueKind.Object when expression != "value":
            case ValueKind.List when expression != "value":
            case ValueKind.Dictionary when expression != "value":
                writer.WriteLine($"{NameOf(type with { IsNullable = false })}(writer, {expression});");
                break;
            case ValueKind.Object:
                WriteObjectBody(writer, _objects[type.ShapeId!], expression);
                break;
            case ValueKind.List:
                writer.WriteLine("writer.WriteStartArray();");
                string item = Local("item");
                writer.WriteLine($"foreach (var {item} in {expression})");
                writer.OpenBlock();
                WriteValue(writer, type.Element!, item);
                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndArray();");
                break;
            case ValueKind.Dictionary:
                writer.WriteLine("writer.WriteStartObject();");
                string pair = Local("pair");
                writer.WriteLine($"foreach (var {pair} in {expression})");
                writer.OpenBlock();
                writer.WriteLine($"writer.WritePropertyName({pair}.Key);");
                WriteValue(writer, type.Element!, pair + ".Value");
                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndObject();");
                break;
        }
    }

    private void WriteObjectBody(CodeWriter writer, ObjectShape shape, string expression)
    {
        writer.WriteLine("writer.WriteStartObject();");
        foreach (PropertyShape property in shape.Properties)
        {
            writer.WriteLine($"writer.WritePropertyName({SymbolDisplay.FormatLiteral(property.JsonName, quote: true)});");
            string member = $"{expression}.{(SyntaxFacts.GetKeywordKind(property.PropertyName) != SyntaxKind.None ? "@" + property.PropertyName : property.PropertyName)}";
            WriteValue(writer, property.Type, member);
        }

        writer.WriteLine("writer.WriteEndObject();");
    }

    /// <summary>A local name unique within the method (<c>item</c>, then <c>item2</c>), so nested scopes never clash.</summary>
    private string Local(string name)
    {
        _locals.TryGetValue(name, out int count);
        _locals[name] = ++count;
        return count == 1 ? name : name + count.ToString(CultureInfo.InvariantCulture);
    }
}
