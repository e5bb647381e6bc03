using System.ComponentModel;
using System.Text.Json;

namespace PromptGen.CompilerServices;

/// <summary>
/// The entry points of generated result parsers: one call per result type, which reads the answer's strict UTF-8
/// JSON with the generated reader of its root and turns what was read, or every error found, into a
/// <see cref="ParseOutcome{T}"/>. Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// Malformed JSON is one <see cref="ResultErrorKind.MalformedJson"/> error at <c>$</c>, nested at most 64 deep; an
/// answer without a value is <see cref="ResultErrorKind.NoJson"/>. Errors found before the JSON broke are kept.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultParsing
{
    private const string Root = "$";

    /// <summary>Parses a result whose schema is its own, an object: the answer is the object.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="json">The answer's strict UTF-8 JSON.</param>
    /// <param name="read">Reads the root value.</param>
    /// <returns>The value, or the errors that kept it from being one.</returns>
    public static ParseOutcome<T> Parse<T>(byte[] json, JsonValueReader<T> read) =>
        Run(json, read, Shape.Bare);

    /// <summary>
    /// Parses a result the schema wraps as <c>{"value": …}</c> and whose bare form would be an object too (an object
    /// or a dictionary), so the wrapper is required.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="json">The answer's strict UTF-8 JSON.</param>
    /// <param name="read">Reads the wrapped value.</param>
    /// <returns>The value, or the errors that kept it from being one.</returns>
    public static ParseOutcome<T> ParseWrapped<T>(byte[] json, JsonValueReader<T> read) =>
        Run(json, read, Shape.Wrapped);

    /// <summary>
    /// Parses a result the schema wraps as <c>{"value": …}</c> (a scalar, an enum or a list); the bare value is
    /// accepted too, since models sometimes answer with it alone.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="json">The answer's strict UTF-8 JSON.</param>
    /// <param name="read">Reads the value, wrapped or bare.</param>
    /// <returns>The value, or the errors that kept it from being one.</returns>
    public static ParseOutcome<T> ParseWrappedOrBare<T>(byte[] json, JsonValueReader<T> read) =>
        Run(json, read, Shape.WrappedOrBare);

    private enum Shape
    {
        Bare,
        Wrapped,
        WrappedOrBare,
    }

    private static ParseOutcome<T> Run<T>(byte[] json, JsonValueReader<T> read, Shape shape)
    {
        var errors = new ResultErrorList();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        T value = default!;
        bool wasRead = false;
        try
        {
            if (reader.Read())
            {
                wasRead = shape switch
                {
                    Shape.Bare => read(ref reader, Root, errors, out value),
                    Shape.WrappedOrBare when reader.TokenType != JsonTokenType.StartObject => read(ref reader, Root, errors, out value),
                    _ => ReadWrapped(ref reader, read, errors, out value),
                };
            }
        }
        catch (JsonException exception)
        {
            errors.Add(Root, ResultErrorKind.MalformedJson, exception.Message);
        }

        if (wasRead && errors.Count == 0)
        {
            return ParseOutcome<T>.Success(value);
        }

        if (errors.Count == 0)
        {
            errors.Add(Root, ResultErrorKind.NoJson, "the answer holds no JSON value");
        }

        return ParseOutcome<T>.Failure(errors.Items);
    }

    /// <summary>Reads <c>{"value": …}</c>: other members are ignored, a missing <c>value</c> is an error.</summary>
    private static bool ReadWrapped<T>(ref Utf8JsonReader reader, JsonValueReader<T> read, ResultErrorList errors, out T value)
    {
        const string Member = "value";
        value = default!;
        if (!JsonValueReaders.TryStartObject(ref reader, Root, errors, out string objectPath))
        {
            return false;
        }

        bool found = false;
        while (JsonValueReaders.NextMember(ref reader))
        {
            if (JsonValueReaders.IsMember(ref reader, objectPath, Member, out JsonPath memberPath))
            {
                found = true;
                read(ref reader, memberPath, errors, out value);
            }

            reader.Skip();
        }

        JsonValueReaders.CheckRequired(found, errors, objectPath, Member);
        return found && errors.Count == 0;
    }
}
