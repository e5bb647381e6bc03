using System.ComponentModel;
using System.Text.Json;

namespace PromptGen.CompilerServices;

/// <summary>
/// The signature of every reader of one JSON value: <see cref="JsonValueReaders"/>' scalar readers and the
/// generated readers of objects, enums and collections. The reader is positioned on the value's first token; on
/// failure the reader adds its errors to <paramref name="errors"/> at <paramref name="path"/> and returns false.
/// Used by generated code; not for direct use.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
/// <param name="reader">The JSON, positioned on the value's first token.</param>
/// <param name="path">Where the value sits in the answer, for error messages.</param>
/// <param name="errors">Where problems are collected.</param>
/// <param name="value">The value read; unspecified when the reader returns false.</param>
/// <returns>Whether the value was read without errors.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool JsonValueReader<T>(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out T value);
