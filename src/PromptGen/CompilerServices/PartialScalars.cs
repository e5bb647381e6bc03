using System.ComponentModel;
using System.Text.Json;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// Converts complete scalars for partial builders with the non-streaming readers, so a partial value is read by
/// exactly the rules the final value will be (numbers written as strings, enum spellings, dates...).
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PartialScalars
{
    /// <summary>
    /// Whether a member name as the model wrote it is <paramref name="expectedName"/>, by the rules of the
    /// non-streaming parser: <c>first_name</c>, <c>FirstName</c> and <c>first-name</c> are all <c>firstName</c>.
    /// </summary>
    public static bool NameEquals(string writtenName, string expectedName) =>
        string.Equals(writtenName, expectedName, System.StringComparison.Ordinal) || LooseNames.Equal(writtenName, expectedName);

    /// <summary>Reads <paramref name="scalar"/> with a non-streaming reader; false when it is not a <typeparamref name="T"/>.</summary>
    /// <param name="scalar">The complete scalar.</param>
    /// <param name="read">The reader the final parse uses for <typeparamref name="T"/>.</param>
    /// <param name="value">The value read; default when the read fails.</param>
    public static bool TryRead<T>(in JsonScalar scalar, JsonValueReader<T> read, out T value)
    {
        byte[] json = scalar.ToStrictJson();
        var reader = new Utf8JsonReader(json);
        value = default!;
        try
        {
            // Errors are not kept: a partial value is simply absent, and the final value reports them.
            return reader.Read() && read(ref reader, "$", new ResultErrorList(), out value);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>As <see cref="TryRead{T}"/> for a nullable member or element: <c>null</c> is a value.</summary>
    public static bool TryReadNullable<T>(in JsonScalar scalar, JsonValueReader<T> read, out T? value)
        where T : struct
    {
        if (scalar.IsNull)
        {
            value = null;
            return true;
        }

        bool read1 = TryRead(scalar, read, out T item);
        value = read1 ? item : null;
        return read1;
    }

    /// <summary>As <see cref="TryRead{T}"/> for a nullable reference: <c>null</c> is a value.</summary>
    public static bool TryReadNullableReference<T>(in JsonScalar scalar, JsonValueReader<T> read, out T? value)
        where T : class
    {
        if (scalar.IsNull)
        {
            value = null;
            return true;
        }

        bool read1 = TryRead(scalar, read, out T item);
        value = read1 ? item : null;
        return read1;
    }
}
