using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// The names of an object's members, or of an enum's values, as the schema shows them, with their UTF-8 forms: what
/// a model wrote is compared with the bytes first, without allocating, and only then loosely (case, and <c>_</c>,
/// <c>-</c> or spaces between words, are ignored: <c>first_name</c> is <c>firstName</c>). Generated readers keep
/// one in a static field per type.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    /// <summary>The names, in declaration order.</summary>
    /// <param name="names">The names as the schema shows them.</param>
    public JsonNames(params string[] names)
    {
        _names = (string[])(names ?? throw new ArgumentNullException(nameof(names))).Clone();
        _utf8 = new byte[_names.Length][];
        for (int i = 0; i < _names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(_names[i] ?? throw new ArgumentException("A name cannot be null.", nameof(names)));
        }
    }

    /// <summary>How many names there are.</summary>
    internal int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>.</summary>
    internal string this[int index] => _names[index];

    /// <summary>As the span <see cref="JsonValueReaders.TryMatchEnum(ref Utf8JsonReader, JsonPath, ResultErrorList, ReadOnlySpan{string}, out int)"/> takes.</summary>
    internal ReadOnlySpan<string> AsSpan() => _names;

    /// <summary>The index of the name the string or member name under the reader is written exactly as (escapes read); -1 if none.</summary>
    internal int FindExact(ref Utf8JsonReader reader)
    {
        for (int i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index of the member the name under the reader is: written exactly, else the first loose match; -1 if none.
    /// </summary>
    internal int FindMember(ref Utf8JsonReader reader)
    {
        int exact = FindExact(ref reader);
        if (exact >= 0)
        {
            return exact;
        }

        Span<char> buffer = stackalloc char[128];
        ReadOnlySpan<char> written = !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length <= buffer.Length
            && Utf8.ToUtf16(reader.ValueSpan, buffer, out _, out int length) == OperationStatus.Done
                ? buffer.Slice(0, length)
                : reader.GetString().AsSpan();
        for (int i = 0; i < _names.Length; i++)
        {
            if (LooseNames.Equal(written, _names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
