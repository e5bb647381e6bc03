using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock.Serialization;

/// <summary>
/// Writes an enum as its wire string and reads it back; a string the enum does not know is a
/// <see cref="JsonException"/>, so a request built from a typo never reaches Bedrock.
/// </summary>
internal abstract class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly WireNames<TEnum> _names;

    protected WireEnumConverter(WireNames<TEnum> names) => _names = names;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return _names.TryParse(text, out TEnum value)
            ? value
            : throw new JsonException($"'{text}' is not a {typeof(TEnum).Name} this version of PromptGen knows.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(_names.NameOf(value));
}

/// <summary>
/// For members Bedrock echoes back in a response (the service tier, the latency mode, a cache's time-to-live): a
/// value added to Bedrock after this version is read as null instead of failing the whole response.
/// </summary>
internal abstract class EchoedWireEnumConverter<TEnum> : JsonConverter<TEnum?>
    where TEnum : struct, Enum
{
    private readonly WireNames<TEnum> _names;

    protected EchoedWireEnumConverter(WireNames<TEnum> names) => _names = names;

    public override bool HandleNull => true;

    public override TEnum? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return _names.TryParse(reader.GetString(), out TEnum value) ? value : null;
    }

    public override void Write(Utf8JsonWriter writer, TEnum? value, JsonSerializerOptions options)
    {
        if (value is { } known)
        {
            writer.WriteStringValue(_names.NameOf(known));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
