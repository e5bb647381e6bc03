using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

/// <summary>
/// Writes the JSON Schema (the Draft 2020-12 subset Bedrock accepts) of a result. The root is always an object, as
/// Bedrock requires: other results are wrapped as <c>{"value": …}</c>. Objects are inlined, except types that
/// contain themselves, which live in <c>$defs</c> (the root itself is <c>#</c>).
/// </summary>
internal static class JsonSchemaWriter
{
    public const string WrapperMember = "value";

    public static string Write(ResultModel result)
    {
        var context = new WriterContext(result);
        var json = new StringBuilder();
        if (result.IsWrapped)
        {
            json.Append("{\"type\":\"object\",\"properties\":{\"").Append(WrapperMember).Append("\":");
            context.WriteType(json, result.Root);
            json.Append("},\"required\":[\"").Append(WrapperMember).Append("\"],\"additionalProperties\":false");
        }
        else
        {
            json.Append('{');
            context.WriteObjectBody(json, context.Objects[result.Root.ShapeId!]);
        }

        context.WriteDefinitions(json);
        json.Append('}');
        return json.ToString();
    }

    private sealed class WriterContext
    {
        private readonly string? _rootId;
        private readonly Dictionary<string, string> _definitionNames = new();
        private readonly List<string> _pendingDefinitions = new();

        public WriterContext(ResultModel result)
        {
            Objects = result.Objects.ToDictionary(shape => shape.Id);
            Enums = result.Enums.ToDictionary(shape => shape.Id);
            _rootId = result.IsWrapped ? null : result.Root.ShapeId;
        }

        public Dictionary<string, ObjectShape> Objects { get; }

        public Dictionary<string, EnumShape> Enums { get; }

        public void WriteType(StringBuilder json, TypeRef type)
        {
            switch (type.Kind)
            {
                case ValueKind.Object:
                    WriteObjectReference(json, type);
                    return;
                case ValueKind.List:
                    WriteNullableWrapper(json, type.IsNullable, () =>
                    {
                        json.Append("{\"type\":\"array\",\"items\":");
                        WriteType(json, type.Element!);
                        json.Append('}');
                    });
                    return;
                case ValueKind.Dictionary:
                    WriteNullableWrapper(json, type.IsNullable, () =>
                    {
                        json.Append("{\"type\":\"object\",\"additionalProperties\":");
                        WriteType(json, type.Element!);
                        json.Append('}');
                    });
                    return;
                case ValueKind.Enum:
                    EnumShape shape = Enums[type.ShapeId!];
                    json.Append("{\"type\":").Append(type.IsNullable ? "[\"string\",\"null\"]" : "\"string\"");
                    json.Append(",\"enum\":[").Append(string.Join(",", shape.MemberNames.Select(Quote)));
                    json.Append(type.IsNullable ? ",null]" : "]");
                    AppendDescription(json, shape.Description);
                    json.Append('}');
                    return;
                default:
                    (string jsonType, string? format) = Scalar(type.Kind);
                    json.Append("{\"type\":").Append(type.IsNullable ? $"[\"{jsonType}\",\"null\"]" : Quote(jsonType));
                    if (format is not null)
                    {
                        json.Append(",\"format\":").Append(Quote(format));
                    }

                    json.Append('}');
                    return;
            }
        }

        private void WriteObjectReference(StringBuilder json, TypeRef type)
        {
            ObjectShape shape = Objects[type.ShapeId!];
            WriteNullableWrapper(json, type.IsNullable, () =>
            {
                if (shape.Id == _rootId)
                {
                    json.Append("{\"$ref\":\"#\"}");
                }
                else if (shape.IsRecursive)
                {
                    json.Append("{\"$ref\":\"#/$defs/").Append(DefinitionName(shape)).Append("\"}");
                }
                else
                {
                    json.Append('{');
                    WriteObjectBody(json, shape);
                    json.Append('}');
                }
            });
        }

        public void WriteObjectBody(StringBuilder json, ObjectShape shape)
        {
            json.Append("\"type\":\"object\"");
            AppendDescription(json, shape.Description);
            json.Append(",\"properties\":{");
            bool first = true;
            foreach (PropertyShape property in shape.Properties)
            {
                json.Append(first ? string.Empty : ",").Append(Quote(property.JsonName)).Append(':');
                first = false;
                var member = new StringBuilder();
                WriteType(member, property.Type);
                json.Append(WithPropertyDetails(member.ToString(), property));
            }

            json.Append("},\"required\":[");
            json.Append(string.Join(",", shape.Properties.Where(p => p.IsRequired).Select(p => Quote(p.JsonName))));
            json.Append("],\"additionalProperties\":false");
        }

        public void WriteDefinitions(StringBuilder json)
        {
            if (_pendingDefinitions.Count == 0)
            {
                return;
            }

            json.Append(",\"$defs\":{");
            var written = new HashSet<string>();
            for (int i = 0; i < _pendingDefinitions.Count; i++)
            {
                string id = _pendingDefinitions[i];
                if (!written.Add(id))
                {
                    continue;
                }

                json.Append(written.Count == 1 ? string.Empty : ",").Append(Quote(_definitionNames[id])).Append(":{");
                WriteObjectBody(json, Objects[id]);
                json.Append('}');
            }

            json.Append('}');
        }

        private string DefinitionName(ObjectShape shape)
        {
            if (!_definitionNames.TryGetValue(shape.Id, out string? name))
            {
                name = shape.DisplayName;
                int suffix = 2;
                while (_definitionNames.ContainsValue(name))
                {
                    name = shape.DisplayName + suffix.ToString(CultureInfo.InvariantCulture);
                    suffix++;
                }

                _definitionNames[shape.Id] = name;
                _pendingDefinitions.Add(shape.Id);
            }

            return name;
        }

        /// <summary>Adds description and constraints to a property's schema, inside its object (or its non-null branch).</summary>
        private static string WithPropertyDetails(string schema, PropertyShape property)
        {
            var details = new StringBuilder();
            AppendDescription(details, property.Description);
            ConstraintsModel c = property.Constraints;
            bool isString = property.Type.Kind == ValueKind.String;
            bool isList = property.Type.Kind == ValueKind.List;
            if (c.Minimum is { } minimum)
            {
                details.Append(",\"minimum\":").Append(Number(minimum));
            }

            if (c.Maximum is { } maximum)
            {
                details.Append(",\"maximum\":").Append(Number(maximum));
            }

            if (c.MinLength is { } minLength && (isString || isList))
            {
                details.Append(isString ? ",\"minLength\":" : ",\"minItems\":").Append(minLength.ToString(CultureInfo.InvariantCulture));
            }

            if (c.MaxLength is { } maxLength && maxLength >= 0 && (isString || isList))
            {
                details.Append(isString ? ",\"maxLength\":" : ",\"maxItems\":").Append(maxLength.ToString(CultureInfo.InvariantCulture));
            }

            if (c.Pattern is { } pattern && isString)
            {
                details.Append(",\"pattern\":").Append(Quote(pattern));
            }

            if (details.Length == 0)
            {
                return schema;
            }

            // For a nullable object or list the details belong on the non-null branch of anyOf.
            int insertAt = schema.StartsWith("{\"anyOf\":[", System.StringComparison.Ordinal)
                ? IndexOfMatchingBrace(schema, "{\"anyOf\":[".Length)
                : schema.Length - 1;
            return schema.Insert(insertAt, details.ToString());
        }

        private static int IndexOfMatchingBrace(string json, int openIndex)
        {
            int depth = 0;
            bool inString = false;
            for (int i = openIndex; i < json.Length; i++)
            {
                char c = json[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return i;
                }
            }

            return json.Length - 1;
        }

        private static void WriteNullableWrapper(StringBuilder json, bool nullable, System.Action writeValue)
        {
            if (!nullable)
            {
                writeValue();
                return;
            }

            json.Append("{\"anyOf\":[");
            writeValue();
            json.Append(",{\"type\":\"null\"}]}");
        }

        private static void AppendDescription(StringBuilder json, string? description)
        {
            if (!string.IsNullOrEmpty(description))
            {
                json.Append(",\"description\":").Append(Quote(description!));
            }
        }

        private static (string Type, string? Format) Scalar(ValueKind kind) => kind switch
        {
            ValueKind.String => ("string", null),
            ValueKind.Boolean => ("boolean", null),
            ValueKind.Int32 or ValueKind.Int64 => ("integer", null),
            ValueKind.Single or ValueKind.Double or ValueKind.Decimal => ("number", null),
            ValueKind.DateTimeOffset or ValueKind.DateTime => ("string", "date-time"),
            ValueKind.DateOnly => ("string", "date"),
            ValueKind.TimeOnly => ("string", "time"),
            ValueKind.TimeSpan => ("string", "duration"),
            ValueKind.Guid => ("string", "uuid"),
            ValueKind.Uri => ("string", "uri"),
            _ => ("string", null),
        };

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                // Line breaks to C# (and to JavaScript before ES2019): escaped so that the schema can be written
                // into a raw string literal without changing its value.
                case '\u0085': json.Append("\\u0085"); break;
                case '\u2028': json.Append("\\u2028"); break;
                case '\u2029': json.Append("\\u2029"); break;
                default:
                    if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        return json.Append('"').ToString();
    }
}
