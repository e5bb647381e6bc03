using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.CompilerServices;

// Lists, dictionaries and nullable values, each read with the reader of its elements or value.
public abstract partial class JsonValueReaders
{
    /// <summary>
    /// Reads an array into a list, each element with <paramref name="readItem"/>. An element that fails keeps its
    /// place (as <c>default</c>), so the paths of later errors give the indexes the model wrote. A <c>null</c> element
    /// of a type that cannot be null is the element reader's type mismatch.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The array's path.</param>
    /// <param name="errors">Where problems are collected, the elements' included.</param>
    /// <param name="readItem">Reads one element.</param>
    /// <param name="value">The elements read; empty when the value is not an array.</param>
    /// <returns>Whether the value is an array and every element was read.</returns>
    public static bool TryReadList<T>(
        ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, JsonValueReader<T> readItem, out List<T> value)
    {
        value = new List<T>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Mismatch(ref reader, path, errors, "array");
        }

        JsonPath arrayPath = errors.Enter(path);
        int errorCount = errors.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (readItem(ref reader, JsonPath.Element(arrayPath, value.Count), errors, out T item))
            {
                value.Add(item);
            }
            else
            {
                value.Add(default!); // keeps later indexes in error paths true
                reader.Skip(); // the element's reader has skipped it; this only guards against one that did not
            }
        }

        return errors.Count == errorCount;
    }

    /// <summary>As <see cref="TryReadList{T}"/>, into an array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The array's path.</param>
    /// <param name="errors">Where problems are collected, the elements' included.</param>
    /// <param name="readItem">Reads one element.</param>
    /// <param name="value">The elements read; empty when the value is not an array.</param>
    /// <returns>Whether the value is an array and every element was read.</returns>
    public static bool TryReadArray<T>(
        ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, JsonValueReader<T> readItem, out T[] value)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            value = Array.Empty<T>();
            return Mismatch(ref reader, path, errors, "array");
        }

        bool read = TryReadList(ref reader, path, errors, readItem, out List<T> items);
        value = items.ToArray();
        return read;
    }

    /// <summary>
    /// Reads an object into a dictionary, each member's value with <paramref name="readValue"/>; a member whose value
    /// fails is left out.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The object's path.</param>
    /// <param name="errors">Where problems are collected, the values' included.</param>
    /// <param name="readValue">Reads one member's value.</param>
    /// <param name="value">The entries read; empty when the value is not an object.</param>
    /// <returns>Whether the value is an object and every member's value was read.</returns>
    public static bool TryReadDictionary<T>(
        ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, JsonValueReader<T> readValue, out Dictionary<string, T> value)
    {
        value = new Dictionary<string, T>();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Mismatch(ref reader, path, errors, "object");
        }

        JsonPath objectPath = errors.Enter(path);
        int errorCount = errors.Count;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (readValue(ref reader, JsonPath.Member(objectPath, key), errors, out T item))
            {
                value[key] = item;
            }
            else
            {
                reader.Skip(); // as in TryReadList
            }
        }

        return errors.Count == errorCount;
    }

    /// <summary>Reads <c>null</c> as null, anything else with <paramref name="read"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="errors">Where problems are collected.</param>
    /// <param name="read">Reads a value that is not <c>null</c>.</param>
    /// <param name="value">The value read, or null.</param>
    /// <returns>Whether the value is <c>null</c> or was read.</returns>
    public static bool TryReadNullable<T>(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, JsonValueReader<T> read, out T? value)
        where T : struct
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        bool wasRead = read(ref reader, path, errors, out T item);
        value = item;
        return wasRead;
    }

    /// <summary>As <see cref="TryReadNullable{T}"/>, for a reference type.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The value's path.</param>
    /// <param name="errors">Where problems are collected.</param>
    /// <param name="read">Reads a value that is not <c>null</c>.</param>
    /// <param name="value">The value read, or null.</param>
    /// <returns>Whether the value is <c>null</c> or was read.</returns>
    public static bool TryReadNullableReference<T>(
        ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, JsonValueReader<T> read, out T? value)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        bool wasRead = read(ref reader, path, errors, out T item);
        value = item;
        return wasRead;
    }
}
