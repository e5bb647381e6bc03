using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using PromptGen.Bedrock;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// What the model is told about one tool: its name, description and the JSON schema of its input. Generated per tool
/// and kept in a static field, so the schema is parsed once.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolSchema
{
    private static readonly Regex NamePattern = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    private readonly Lazy<JsonElement> _schema;

    /// <exception cref="ArgumentException">The name breaks Bedrock's tool-name rule.</exception>
    public ToolSchema(string name, string? description, string inputSchemaJson)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputSchemaJson);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"The tool name '{name}' must be 1–64 characters of [a-zA-Z0-9_-].", nameof(name));
        }

        Name = name;
        Description = description;
        InputSchemaJson = JsonText.Minify(inputSchemaJson);
        _schema = new Lazy<JsonElement>(() => ParseSchema(name, InputSchemaJson));
    }

    /// <summary>The tool's name, as the model calls it: 1–64 characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public string Name { get; }

    /// <summary>What the tool does, shown to the model; null for none.</summary>
    public string? Description { get; }

    /// <summary>The JSON schema of the tool's input, an object at the root, without whitespace between tokens.</summary>
    public string InputSchemaJson { get; }

    /// <summary>Whether Bedrock accepts <paramref name="name"/> as a tool name.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern.IsMatch(name);

    /// <summary>The <c>toolSpec</c> sent in <c>toolConfig.tools</c>.</summary>
    public Tool ToWireTool() => new()
    {
        ToolSpec = new ToolSpecification
        {
            Name = Name,
            Description = Description,
            InputSchema = new ToolInputSchema { Json = _schema.Value },
        },
    };

    private static JsonElement ParseSchema(string name, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ArgumentException($"The input schema of tool '{name}' must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The input schema of tool '{name}' is not valid JSON: {e.Message}", e);
        }
    }
}
