using System.Text.Json;

namespace PromptGen.CompilerServices;

// The steps of a generated object reader: start the object, walk its members, report the required ones missing.
public abstract partial class JsonValueReaders
{
    /// <summary>
    /// Checks that the reader is on the start of an object; otherwise adds the TypeMismatch error (<c>expected
    /// object, got 42</c>), skips the value and returns false.
    /// </summary>
    /// <param name="reader">The JSON, on the value's first token.</param>
    /// <param name="path">The object's path.</param>
    /// <param name="errors">Where the mismatch is reported.</param>
    /// <param name="objectPath">The path the members' paths are made from (see <see cref="NextMember"/>).</param>
    /// <returns>Whether the value is an object.</returns>
    public static bool TryStartObject(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out JsonPath objectPath)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            objectPath = path;
            return Mismatch(ref reader, path, errors, "object");
        }

        objectPath = errors.Enter(path);
        return true;
    }

    /// <summary>
    /// Moves to the value of the object's next member that is one of <paramref name="members"/> (as a model may spell
    /// it: <c>first_name</c> is <c>firstName</c>; see <see cref="MemberNameEquals"/>) and is not <c>null</c>; members
    /// the type does not have, and members written as <c>null</c>, are skipped: <c>null</c> is the same as absent.
    /// </summary>
    /// <param name="reader">The JSON, on the object's start or on the last token of a member's value.</param>
    /// <param name="objectPath">The object's path, from <see cref="TryStartObject"/>.</param>
    /// <param name="members">The object's member names in the schema.</param>
    /// <param name="member">The member's name in the schema (one of <paramref name="members"/>' strings).</param>
    /// <param name="memberPath">The member's path, for the value's reader.</param>
    /// <returns>Whether the reader is on a member's value; false at the object's end.</returns>
    public static bool NextMember(ref Utf8JsonReader reader, JsonPath objectPath, JsonNames members, out string member, out JsonPath memberPath)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int index = members.FindMember(ref reader);
            reader.Read();
            if (index < 0 || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }

            member = members[index];
            memberPath = JsonPath.Member(objectPath, member);
            return true;
        }

        member = "";
        memberPath = objectPath;
        return false;
    }

    /// <summary>
    /// Reports the required member <paramref name="name"/> as missing unless it was <paramref name="found"/> (absent
    /// and <c>null</c> are the same: see <see cref="NextMember"/>).
    /// </summary>
    /// <param name="found">Whether the object had the member with a value.</param>
    /// <param name="errors">Where the MissingMember error is reported.</param>
    /// <param name="objectPath">The object's path, from <see cref="TryStartObject"/>.</param>
    /// <param name="name">The member's name in the schema.</param>
    public static void CheckRequired(bool found, ResultErrorList errors, JsonPath objectPath, string name)
    {
        if (!found)
        {
            errors.Add(JsonPath.Member(objectPath, name), ResultErrorKind.MissingMember, RequiredMessage);
        }
    }

    /// <summary>What a required value that is absent or null is told.</summary>
    internal const string RequiredMessage = "is required";
}
