using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// Reads strict UTF-8 JSON that is the whole value with a generated object reader: a tool's arguments, whose input
/// Bedrock hands over as a JSON object. Results read from a model's answer go through <see cref="ResultReader{T}"/>.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// Malformed JSON is one <see cref="ResultErrorKind.MalformedJson"/> error at <c>$</c>, after the errors found before
/// it broke; nesting is bounded at 64 levels. A value other than an object is a type mismatch at <c>$</c>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResultParsing
{
    /// <summary>Parses an object whose schema is its own: the JSON is the object.</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <param name="json">The strict UTF-8 JSON.</param>
    /// <param name="read">Reads the object.</param>
    /// <returns>The value, or the errors that kept it from being one.</returns>
    public static ParseOutcome<T> Parse<T>(byte[] json, JsonValueReader<T> read) =>
        new ResultReader<T>(ResultRoot.Object, read).ReadJson(json);
}
