using System.Text.Json;
using PromptGen.Descriptors;

namespace PromptGen.Mcp;

/// <summary>
/// Each parameter of a prompt method as an MCP prompt argument: its name and whether it is required from the
/// descriptor, whether it is text from its property in the generated arguments schema (a schema PromptGen wrote, so
/// a property it cannot classify is taken as JSON).
/// </summary>
internal static class PromptArgumentShapes
{
    public static PromptArgumentShape[] Of(PromptDescriptor descriptor)
    {
        using JsonDocument schema = JsonDocument.Parse(descriptor.ArgumentsSchemaJson);
        schema.RootElement.TryGetProperty("properties", out JsonElement properties);
        var shapes = new PromptArgumentShape[descriptor.Parameters.Count];
        for (int i = 0; i < shapes.Length; i++)
        {
            PromptParameterDescriptor parameter = descriptor.Parameters[i];
            bool isText = properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(parameter.Name, out JsonElement property)
                && IsString(property);
            shapes[i] = new PromptArgumentShape(parameter.Name, parameter.TypeName, isText, parameter.IsRequired);
        }

        return shapes;
    }

    /// <summary><c>"type": "string"</c>, or a type list whose only non-null entry is <c>"string"</c> (a nullable string).</summary>
    private static bool IsString(JsonElement property)
    {
        if (property.ValueKind != JsonValueKind.Object || !property.TryGetProperty("type", out JsonElement type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.ValueEquals("string");
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        bool sawString = false;
        foreach (JsonElement entry in type.EnumerateArray())
        {
            if (entry.ValueEquals("string"))
            {
                sawString = true;
            }
            else if (!entry.ValueEquals("null"))
            {
                return false;
            }
        }

        return sawString;
    }
}
