using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes the <c>Json</c> class nested in an implementation: each result type's JSON schema once (a raw string
/// literal, shared by every method returning the type), its entry point (a <c>ResultReader</c> naming its root for a
/// result, a <c>Parse…</c> method for a tool's arguments), and one <c>Read…</c> method per object and enum type, reading strict JSON with
/// <c>Utf8JsonReader</c> (no reflection). Lists, dictionaries and nullable values are read by the runtime's generic
/// readers given the element's reader. Every problem is collected with its JSON path instead of stopping at the
/// first one, so a repair prompt can list them all.
/// </summary>
/// <remarks>
/// The class derives from the runtime's <c>JsonValueReaders</c> so the code calls the shared readers by their short
/// names; inherited members are found before anything the user declares, so those names cannot be captured.
/// </remarks>
internal sealed class ResultParserEmitter
{
    public const string ClassName = "Json";

    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Collections = "global::System.Collections.Generic";

    /// <summary>Locals every object reader has; a member's locals are named around them.</summary>
    private static readonly string[] ReaderLocals = { "reader", "path", "errors", "value", "objectPath", "errorCount", "member", "memberPath", "_" };

    private readonly Dictionary<string, ObjectShape> _objects = new();
    private readonly Dictionary<string, EnumShape> _enums = new();
    private readonly List<(ResultModel Result, string Name)> _roots = new();
    private readonly Dictionary<TypeRef, string> _readerNames = new();
    private readonly List<TypeRef> _pending = new();
    private readonly HashSet<string> _usedNames = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _readRoots = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _parsedRoots = new(System.StringComparer.Ordinal);

    private ResultParserEmitter(IEnumerable<ResultModel> results)
    {
        foreach (ResultModel result in results)
        {
            foreach (ObjectShape shape in result.Objects)
            {
                _objects[shape.Id] = shape;
            }

            foreach (EnumShape shape in result.Enums)
            {
                _enums[shape.Id] = shape;
            }

            if (!_roots.Exists(root => root.Result.Equals(result)))
            {
                _roots.Add((result, UniqueName(NameOf(result.Root))));
            }
        }
    }

    /// <summary>Names the schemas and entry points of <paramref name="results"/>, each distinct result once.</summary>
    public static ResultParserEmitter For(IEnumerable<ResultModel> results) => new(results);

    public bool IsEmpty => _roots.Count == 0;

    /// <summary>The constant holding the result's JSON schema, as the implementation refers to it.</summary>
    public string SchemaOf(ResultModel result) => $"{ClassName}.{RootName(result)}Schema";

    /// <summary>The result's <c>ResultReader</c> (how it is found in an answer and read), as the implementation refers to it.</summary>
    public string ReaderOf(ResultModel result)
    {
        string name = RootName(result);
        _readRoots.Add(name);
        return $"{ClassName}.{name}Reader";
    }

    /// <summary>The method that parses a tool's arguments (strict JSON) into a <c>ParseOutcome</c>, as the implementation refers to it.</summary>
    public string ParserOf(ResultModel arguments)
    {
        string name = RootName(arguments);
        _parsedRoots.Add(name);
        return $"{ClassName}.Parse{name}";
    }

    private string RootName(ResultModel result) => _roots.First(root => root.Result.Equals(result)).Name;

    public void Emit(CodeWriter writer)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The results' JSON: each type's schema, and readers that collect every problem with its JSON path.");
        writer.WriteLine("/// Derives from JsonValueReaders only to call the shared readers by their short names.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"private abstract class {ClassName} : {RuntimeTypes.JsonValueReaders}");
        writer.OpenBlock();
        foreach ((ResultModel result, string name) in _roots)
        {
            JsonLiteral.WriteRawString(writer, $"public const string {name}Schema", result.SchemaJson);
            writer.WriteLine();
        }

        foreach ((ResultModel result, string name) in _roots)
        {
            WriteEntryPoint(writer, result, name);
            writer.WriteLine();
        }

        for (int i = 0; i < _pending.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            WriteReader(writer, _pending[i]);
        }

        writer.CloseBlock();
    }

    private void WriteEntryPoint(CodeWriter writer, ResultModel result, string name)
    {
        string type = result.Root.TypeName;
        if (_readRoots.Contains(name))
        {
            string nullable = result.Root.IsNullable ? ", isNullable: true" : string.Empty;
            string declaration = $"public static readonly {RuntimeTypes.ResultReader}<{type}> {name}Reader =";
            string value = $"new({RuntimeTypes.ResultRoot}.{RootOf(result)}, {MethodGroup(result.Root)}{nullable});";
            if ((writer.Indent * 4) + declaration.Length + 1 + value.Length <= CodeWriter.MaxLineLength
                || (writer.Indent * 4) + declaration.Length > CodeWriter.MaxLineLength)
            {
                writer.WriteLine(declaration + " " + value); // on one line, or wrapped inside the type name
            }
            else
            {
                writer.WriteLine(declaration);
                writer.Indent++;
                writer.WriteLine(value);
                writer.Indent--;
            }
        }

        if (_parsedRoots.Contains(name))
        {
            writer.WriteLine($"public static {RuntimeTypes.ParseOutcome}<{type}> Parse{name}(byte[] json)");
            writer.Indent++;
            writer.WriteLine($"=> {RuntimeTypes.ResultParsing}.Parse<{type}>(json, {MethodGroup(result.Root)});");
            writer.Indent--;
        }
    }

    /// <summary>What JSON value the result is at its root (the runtime's <c>ResultRoot</c>).</summary>
    private static string RootOf(ResultModel result)
    {
        if (!result.IsWrapped)
        {
            return "Object";
        }

        return result.Root.Kind switch
        {
            ValueKind.Object or ValueKind.Dictionary => "WrappedObject",
            ValueKind.List => "Array",
            ValueKind.Boolean => "Boolean",
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "Number",
            _ => "String",
        };
    }

    /// <summary>
    /// A method that reads <paramref name="type"/> as declared, for a delegate (an element's or a root's reader): a
    /// runtime scalar reader, or a generated one, queued for writing the first time.
    /// </summary>
    private string MethodGroup(TypeRef type)
    {
        if (!type.IsNullable && type.Kind is not (ValueKind.Enum or ValueKind.Object or ValueKind.List or ValueKind.Dictionary))
        {
            return "TryRead" + type.Kind;
        }

        if (!_readerNames.TryGetValue(type, out string? name))
        {
            name = UniqueName("Read" + NameOf(type));
            _readerNames[type] = name;
            _pending.Add(type);
        }

        return name;
    }

    /// <summary>
    /// The call that reads <paramref name="type"/> into <paramref name="target"/>, whose type is
    /// <see cref="NaturalType"/>: the list a list is read into, the declared type otherwise.
    /// </summary>
    private string Call(TypeRef type, string path, string target)
    {
        string arguments = $"ref reader, {path}, errors";
        if (type.IsNullable)
        {
            TypeRef inner = NonNullable(type);
            string wrapper = type.IsNullableValueType ? "TryReadNullable" : "TryReadNullableReference";
            return $"{wrapper}({arguments}, {MethodGroup(inner)}, out {target})";
        }

        return type.Kind switch
        {
            ValueKind.List when type.Collection == CollectionShape.Array => $"TryReadArray({arguments}, {MethodGroup(type.Element!)}, out {target})",
            ValueKind.List => $"TryReadList({arguments}, {MethodGroup(type.Element!)}, out {target})",
            ValueKind.Dictionary => $"TryReadDictionary({arguments}, {MethodGroup(type.Element!)}, out {target})",
            _ => $"{MethodGroup(type)}({arguments}, out {target})",
        };
    }

    /// <summary>The type <see cref="Call"/> reads into; assignable to the declared type.</summary>
    private static string NaturalType(TypeRef type)
    {
        if (type.IsNullable)
        {
            return type.TypeName;
        }

        return type.Kind switch
        {
            ValueKind.List when type.Collection == CollectionShape.Array => type.Element!.TypeName + "[]",
            ValueKind.List => $"{Collections}.List<{type.Element!.TypeName}>",
            ValueKind.Dictionary => $"{Collections}.Dictionary<string, {type.Element!.TypeName}>",
            _ => type.TypeName,
        };
    }

    private static TypeRef NonNullable(TypeRef type) =>
        type with { IsNullable = false, IsNullableValueType = false, TypeName = StreamingPartialTypes.NonNullable(type.TypeName) };

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
            ValueKind.List => (type.Collection == CollectionShape.Array ? "ArrayOf" : "ListOf") + NameOf(NonNullable(type.Element!)),
            ValueKind.Dictionary => "DictionaryOf" + NameOf(NonNullable(type.Element!)),
            _ => type.Kind.ToString(),
        };
        return (type.IsNullable ? "Nullable" : string.Empty) + core;
    }

    /// <summary>The simple name of a type's full name: after the last '.', or after "global::" for a type in the global namespace.</summary>
    private static string LastSegment(string fullName)
    {
        int separator = System.Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf(':'));
        return separator < 0 ? fullName : fullName.Substring(separator + 1);
    }

    private void WriteReader(CodeWriter writer, TypeRef type)
    {
        string name = _readerNames[type];
        if (!type.IsNullable && type.Kind == ValueKind.Enum)
        {
            // A field, not an array in the method: an array initializer of strings allocates on every call.
            WriteNames(writer, EnumNamesField(name), _enums[type.ShapeId!].MemberNames);
        }

        string signature = $"private static bool {name}({ReaderParameters(type.TypeName)})";
        if (type.IsNullable || type.Kind is ValueKind.List or ValueKind.Dictionary)
        {
            WriteAdapter(writer, type, signature);
            return;
        }

        if (type.Kind == ValueKind.Object)
        {
            // The member names, matched as UTF-8 bytes first; as an enum's names, a field read once.
            WriteNames(writer, MemberNamesField(name), _objects[type.ShapeId!].Properties.Select(property => property.JsonName));
        }

        writer.WriteLine(signature);
        writer.OpenBlock();
        if (type.Kind == ValueKind.Object)
        {
            WriteObjectBody(writer, _objects[type.ShapeId!], MemberNamesField(name));
        }
        else
        {
            WriteEnumBody(writer, _enums[type.ShapeId!], EnumNamesField(name));
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// A <c>JsonNames</c> field: the names on the declaration's line when they fit, else on the lines below it, as
    /// many to a line as fit (string data is never broken by the line wrapper, so it is laid out here).
    /// </summary>
    private static void WriteNames(CodeWriter writer, string field, IEnumerable<string> names)
    {
        string declaration = $"private static readonly {RuntimeTypes.JsonNames} {field} = new(";
        string[] literals = names.Select(Literal).ToArray();
        string oneLine = declaration + string.Join(", ", literals) + ");";
        if ((writer.Indent * 4) + oneLine.Length <= CodeWriter.MaxLineLength)
        {
            writer.WriteLine(oneLine);
            writer.WriteLine();
            return;
        }

        writer.WriteLine(declaration);
        writer.Indent++;
        var line = new System.Text.StringBuilder();
        for (int i = 0; i < literals.Length; i++)
        {
            string piece = literals[i] + (i == literals.Length - 1 ? ");" : ",");
            if (line.Length > 0 && (writer.Indent * 4) + line.Length + 1 + piece.Length > CodeWriter.MaxLineLength)
            {
                writer.WriteLine(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(piece);
        }

        writer.WriteLine(line.ToString());
        writer.Indent--;
        writer.WriteLine();
    }

    private static string ReaderParameters(string typeName) =>
        $"ref {Reader} reader, {RuntimeTypes.JsonPath} path, {RuntimeTypes.ResultErrorList} errors, out {typeName} value";

    /// <summary>A runtime reader of a list, dictionary or nullable value, given its element's reader.</summary>
    private void WriteAdapter(CodeWriter writer, TypeRef type, string signature)
    {
        string natural = NaturalType(type);
        writer.WriteLine(signature);
        if (natural == type.TypeName)
        {
            writer.Indent++;
            writer.WriteLine($"=> {Call(type, "path", "value")};");
            writer.Indent--;
            return;
        }

        // The runtime reads into a List<T> (or Dictionary<string, T>), which the declared interface type is assigned from.
        writer.OpenBlock();
        writer.WriteLine($"bool read = {Call(type, "path", $"{natural} items")};");
        writer.WriteLine("value = items;");
        writer.WriteLine("return read;");
        writer.CloseBlock();
    }

    private void WriteObjectBody(CodeWriter writer, ObjectShape shape, string membersField)
    {
        IReadOnlyList<MemberLocals> locals = MemberLocals.For(shape);
        writer.WriteLine("value = default!;");
        writer.WriteLine($"if (!TryStartObject(ref reader, path, errors, out {RuntimeTypes.JsonPath} objectPath))");
        writer.OpenBlock();
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("int errorCount = errors.Count;");
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            PropertyShape property = shape.Properties[i];
            writer.WriteLine($"{NaturalType(property.Type)} {locals[i].Value} = {InitialValue(property)};");
            if (property.IsRequired)
            {
                writer.WriteLine($"bool {locals[i].Found} = false;");
            }

            if (!property.Constraints.IsEmpty)
            {
                writer.WriteLine($"bool {locals[i].Read} = false;");
            }
        }

        if (shape.Properties.Count > 0)
        {
            // Members the type does not have (models add commentary) and members written as null are skipped.
            writer.WriteLine($"{RuntimeTypes.JsonPath} memberPath;");
            writer.WriteLine($"while (NextMember(ref reader, objectPath, {membersField}, out string member, out memberPath))");
            writer.OpenBlock();
            writer.WriteLine("switch (member)");
            writer.OpenBlock();
            for (int i = 0; i < shape.Properties.Count; i++)
            {
                PropertyShape property = shape.Properties[i];
                writer.WriteLine($"case {Literal(property.JsonName)}:");
                writer.Indent++;
                if (property.IsRequired)
                {
                    writer.WriteLine($"{locals[i].Found} = true;");
                }

                // Constraints are checked only on a value that was read: a wrong type is already one error.
                string read = Call(property.Type, "memberPath", locals[i].Value);
                writer.WriteLine(property.Constraints.IsEmpty ? read + ";" : $"{locals[i].Read} = {read};");
                writer.WriteLine("break;");
                writer.Indent--;
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }
        else
        {
            writer.WriteLine("// The type has no members: every member the model wrote is skipped.");
            writer.WriteLine($"NextMember(ref reader, objectPath, {membersField}, out _, out _);");
        }

        writer.WriteLine();
        for (int i = 0; i < shape.Properties.Count; i++)
        {
            PropertyShape property = shape.Properties[i];
            if (property.IsRequired)
            {
                writer.WriteLine($"CheckRequired({locals[i].Found}, errors, objectPath, {Literal(property.JsonName)});");
            }

            WriteConstraintChecks(writer, property, locals[i]);
        }

        writer.WriteLine("if (errors.Count != errorCount)");
        writer.OpenBlock();
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        WriteConstruction(writer, shape, locals);
        writer.WriteLine("return true;");
    }

    /// <summary>A member's local before it is read: its constructor default, else null or the type's default.</summary>
    private static string InitialValue(PropertyShape property)
    {
        if (property.ConstructorDefault is { } constructorDefault)
        {
            return constructorDefault;
        }

        TypeRef type = property.Type;
        if (type.IsNullable)
        {
            return "null";
        }

        return type.Kind is ValueKind.String or ValueKind.Uri or ValueKind.Object or ValueKind.List or ValueKind.Dictionary
            ? "default!"
            : "default";
    }

    private static void WriteConstraintChecks(CodeWriter writer, PropertyShape property, MemberLocals locals)
    {
        ConstraintsModel c = property.Constraints;
        if (c.IsEmpty)
        {
            return;
        }

        string local = locals.Value;
        string path = $"{RuntimeTypes.JsonPath}.Member(objectPath, {Literal(property.JsonName)})";
        var checks = new List<string>();
        TypeRef type = property.Type;
        bool isNumber = type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal;
        if (isNumber && (c.Minimum is not null || c.Maximum is not null))
        {
            string number = type.IsNullableValueType ? $"{local}.Value" : local;
            number = type.Kind == ValueKind.Decimal ? $"(double){number}" : number;
            checks.Add($"{RuntimeTypes.ResultValidation}.Range(errors, {path}, {number}, {Double(c.Minimum, "double.NegativeInfinity")}, {Double(c.Maximum, "double.PositiveInfinity")});");
        }

        if (type.Kind == ValueKind.String && (c.MinLength is not null || c.MaxLength is not null))
        {
            checks.Add($"{RuntimeTypes.ResultValidation}.Length(errors, {path}, {local}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
        }

        if (type.Kind == ValueKind.List && (c.MinLength is not null || c.MaxLength is not null))
        {
            // The local is the List<T> or array read; a nullable one keeps its declared type, which may be IEnumerable<T>.
            string count = type.IsNullable ? $"global::System.Linq.Enumerable.Count({local})"
                : type.Collection == CollectionShape.Array ? $"{local}.Length"
                : $"{local}.Count";
            checks.Add($"{RuntimeTypes.ResultValidation}.Count(errors, {path}, {count}, {Int(c.MinLength)}, {Int(c.MaxLength)});");
        }

        if (type.Kind == ValueKind.String && c.Pattern is not null)
        {
            checks.Add($"{RuntimeTypes.ResultValidation}.Pattern(errors, {path}, {local}, {Literal(c.Pattern)});");
        }

        if (checks.Count == 0)
        {
            return;
        }

        string condition = type.IsNullable ? $"{locals.Read} && {local} is not null" : locals.Read;
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

    private static void WriteConstruction(CodeWriter writer, ObjectShape shape, IReadOnlyList<MemberLocals> locals)
    {
        string LocalOf(PropertyShape property) => locals[IndexOf(shape, property)].Value;
        PropertyShape[] constructorArguments = shape.Properties.Where(p => p.ConstructorIndex >= 0).OrderBy(p => p.ConstructorIndex).ToArray();
        string arguments = string.Join(", ", constructorArguments.Select(LocalOf));
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
            writer.WriteLine($"{Identifier(property.PropertyName)} = {LocalOf(property)},");
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

    private static string EnumNamesField(string readerName) => readerName.Substring("Read".Length) + "Names";

    private static string MemberNamesField(string readerName) => readerName.Substring("Read".Length) + "Members";

    private static void WriteEnumBody(CodeWriter writer, EnumShape shape, string namesField)
    {
        writer.WriteLine($"bool matched = TryMatchEnum(ref reader, path, errors, {namesField}, out int index);");
        writer.WriteLine("value = index switch");
        writer.OpenBlock();
        for (int i = 0; i < shape.MemberNames.Count; i++)
        {
            writer.WriteLine($"{i.ToString(CultureInfo.InvariantCulture)} => {shape.TypeName}.{Identifier(shape.MemberNames[i])},");
        }

        writer.WriteLine("_ => default,");
        writer.Indent--;
        writer.WriteLine("};");
        writer.WriteLine("return matched;");
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Identifier(string name) => Names.Identifier(name);

    /// <summary>
    /// The locals an object reader keeps for one member, named after it: <c>summary</c>, <c>hasSummary</c> (a
    /// required member was present) and <c>summaryRead</c> (its value was read, so its constraints can be checked).
    /// A name another member or the reader already uses gets a number.
    /// </summary>
    private sealed class MemberLocals
    {
        private MemberLocals(string value, string found, string read)
        {
            Value = value;
            Found = found;
            Read = read;
        }

        public string Value { get; }

        public string Found { get; }

        public string Read { get; }

        public static IReadOnlyList<MemberLocals> For(ObjectShape shape)
        {
            var taken = new HashSet<string>(ReaderLocals, System.StringComparer.Ordinal);
            var locals = new List<MemberLocals>();
            foreach (PropertyShape property in shape.Properties)
            {
                string camel = Names.CamelCase(property.PropertyName);
                string pascal = char.ToUpperInvariant(camel[0]) + camel.Substring(1);
                MemberLocals candidate = Named(camel, pascal, string.Empty);
                for (int suffix = 2; !candidate.IsFree(taken); suffix++)
                {
                    candidate = Named(camel, pascal, suffix.ToString(CultureInfo.InvariantCulture));
                }

                taken.Add(candidate.Value.TrimStart('@'));
                taken.Add(candidate.Found);
                taken.Add(candidate.Read);
                locals.Add(candidate);
            }

            return locals;
        }

        private static MemberLocals Named(string camel, string pascal, string suffix) =>
            new(Identifier(camel + suffix), "has" + pascal + suffix, camel + suffix + "Read");

        private bool IsFree(HashSet<string> taken) =>
            !taken.Contains(Value.TrimStart('@')) && !taken.Contains(Found) && !taken.Contains(Read);
    }
}
