using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// What a structured prompt asks for and how its answer is read: generated per method, typically kept in a static
/// field so the schema is parsed once.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StructuredOutputSpec<T>
{
    /// <summary>More repair rounds than this rarely help and multiply the cost of a bad prompt.</summary>
    public const int MaxRepairAttemptsLimit = 10;

    private static readonly Regex ResultNamePattern = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    private readonly int _maxRepairAttempts = 1;
    private readonly string _schemaJson = null!;

    // A reference, so that threads sharing the spec see either nothing or the whole parsed schema.
    private SchemaHolder? _schema;
    private bool _validated;

    /// <summary>
    /// The JSON schema of the result, an object at the root. Whitespace between tokens is removed when it is set, so
    /// a pretty-printed schema is sent compact.
    /// </summary>
    public required string SchemaJson
    {
        get => _schemaJson;
        init => _schemaJson = value is null ? null! : JsonText.Minify(value);
    }

    /// <summary>The tool name or schema name shown to the model: 1–64 characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public required string ResultName { get; init; }

    /// <summary>What the result is, shown to the model as the tool's or schema's description; null for none.</summary>
    public string? Description { get; init; }

    /// <summary>How the result is asked of the model.</summary>
    public required StructuredOutputStrategy Strategy { get; init; }

    /// <summary>How the result is read from the answer: its root and its generated, reflection-free reader.</summary>
    public required ResultReader<T> Reader { get; init; }

    /// <summary>How many times to ask again after an invalid answer (0–10); the first attempt is not counted.</summary>
    public int MaxRepairAttempts
    {
        get => _maxRepairAttempts;
        init => _maxRepairAttempts = value is >= 0 and <= MaxRepairAttemptsLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxRepairAttempts must be between 0 and {MaxRepairAttemptsLimit}.");
    }

    /// <summary>This spec with another strategy (sharing the parsed schema), or this one when it is null or the same.</summary>
    internal StructuredOutputSpec<T> WithStrategy(StructuredOutputStrategy? strategy) =>
        strategy is not { } other || other == Strategy
            ? this
            : new StructuredOutputSpec<T>
            {
                SchemaJson = SchemaJson,
                ResultName = ResultName,
                Description = Description,
                Strategy = other,
                Reader = Reader,
                MaxRepairAttempts = MaxRepairAttempts,
                _schema = _schema,
            };

    /// <summary>The schema as a JSON document, for the tool's input schema.</summary>
    internal JsonElement SchemaElement => (_schema ??= new SchemaHolder(ParseSchema(SchemaJson))).Root;

    /// <summary>Checks what Bedrock would otherwise reject with a 400, before any call is made.</summary>
    /// <exception cref="ArgumentException">The name or the schema is not usable.</exception>
    internal void Validate()
    {
        // Every member is init-only, so once valid, always valid: generated clients validate their static spec on
        // every call, and this keeps that from costing a regex match each time.
        if (_validated)
        {
            return;
        }

        if (ResultName is null || !ResultNamePattern.IsMatch(ResultName))
        {
            throw new ArgumentException($"The result name '{ResultName}' must be 1–64 characters of [a-zA-Z0-9_-].", nameof(ResultName));
        }

        if (Reader is null)
        {
            throw new ArgumentException("The structured output spec has no Reader.", nameof(Reader));
        }

        _ = SchemaElement;
        _validated = true;
    }

    private static JsonElement ParseSchema(string schemaJson)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(schemaJson ?? "");
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The result's JSON schema is not valid JSON: {e.Message}", nameof(SchemaJson), e);
        }

        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new ArgumentException("The result's JSON schema must be a JSON object.", nameof(SchemaJson));
    }

    private sealed record SchemaHolder(JsonElement Root);
}
