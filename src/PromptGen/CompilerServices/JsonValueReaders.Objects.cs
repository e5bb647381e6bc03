using System.Text.Json;

namespace PromptGen.CompilerServices;

// The steps of a generated object reader: start the object, walk its members, report the required ones missing.
public abstract partial class JsonValueReaders
{
    /// <summary>
    /// Checks that the reader is on the start of an object; otherwise adds the TypeMismatch error (<c>expected
    /// object, got 42</c>) and returns false, leaving the reader where it is.
    /// </summary>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The object's path.</param>
    /// <param name="errors">Where the mismatch is reported.</param>
    /// <param name="objectPath">
    /// The object's path as text, built once here for the members' paths (see <see cref="IsMember"/>).
    /// </param>
    /// <returns>Whether the value is an object.</returns>
    public static bool TryStartObject(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out string objectPath)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            objectPath = "";
            return Mismatch(ref reader, path, errors, "object");
        }

        objectPath = path.ToString();
        return true;
    }

    /// <summary>Moves to the next member name of the current object; false at the object's end.</summary>
    /// <param name="reader">The JSON, on the object's start or on the last token of a member's value.</param>
    /// <returns>Whether the reader is on a member name.</returns>
    public static bool NextMember(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// Whether the member name under the reader is <paramref name="name"/> as a model may spell it (see
    /// <see cref="MemberNameEquals"/>); if so, moves the reader to the member's value.
    /// </summary>
    /// <param name="reader">The JSON, on a member name.</param>
    /// <param name="objectPath">The path of the object, from <see cref="TryStartObject"/>.</param>
    /// <param name="name">The member's name in the schema.</param>
    /// <param name="memberPath">The member's path, for the value's reader; default when the name differs.</param>
    /// <returns>Whether the member is <paramref name="name"/>.</returns>
    public static bool IsMember(ref Utf8JsonReader reader, string objectPath, string name, out JsonPath memberPath)
    {
        if (!MemberNameEquals(ref reader, name))
        {
            memberPath = default;
            return false;
        }

        reader.Read();
        memberPath = JsonPath.Member(objectPath, name);
        return true;
    }

    /// <summary>Reports the required member <paramref name="name"/> as missing unless it was <paramref name="found"/>.</summary>
    /// <param name="found">Whether the object had the member.</param>
    /// <param name="errors">Where the MissingMember error is reported.</param>
    /// <param name="objectPath">The path of the object, from <see cref="TryStartObject"/>.</param>
    /// <param name="name">The member's name in the schema.</param>
    public static void CheckRequired(bool found, ResultErrorList errors, string objectPath, string name)
    {
        if (!found)
        {
            errors.Add(JsonPath.Member(objectPath, name), ResultErrorKind.MissingMember, "required member is missing");
        }
    }
}
