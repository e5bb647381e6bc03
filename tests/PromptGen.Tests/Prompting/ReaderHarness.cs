using System.Text;
using System.Text.Json;
using PromptGen.CompilerServices;

namespace PromptGen.Tests.Prompting;

/// <summary>Positions a Utf8JsonReader on the single value of <c>{"v": …}</c>, as a generated parser would be.</summary>
internal delegate bool ValueReader<T>(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out T value);

internal static class ReaderHarness
{
    public static (bool Ok, T Value, ResultErrorList Errors, JsonTokenType TokenAfter) Read<T>(string jsonValue, ValueReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"v\":" + jsonValue + "}"));
        reader.Read();
        reader.Read();
        reader.Read();
        JsonTokenType before = reader.TokenType;
        int depth = reader.CurrentDepth;
        var errors = new ResultErrorList();
        bool ok = read(ref reader, "$.v", errors, out T value);
        // Every reader must leave the reader on the value's last token, read or not, or the generated parser would
        // lose its place: a container is skipped to its end.
        JsonTokenType last = before switch
        {
            JsonTokenType.StartObject => JsonTokenType.EndObject,
            JsonTokenType.StartArray => JsonTokenType.EndArray,
            _ => before,
        };
        Xunit.Assert.Equal(last, reader.TokenType);
        Xunit.Assert.Equal(depth, reader.CurrentDepth);
        Xunit.Assert.Equal(ok ? 0 : 1, errors.Count);
        return (ok, value, errors, reader.TokenType);
    }

    public static Utf8JsonReader On(string jsonValue)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("[" + jsonValue + "]"));
        reader.Read();
        reader.Read();
        return reader;
    }

    public static Utf8JsonReader OnPropertyName(string jsonName)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{" + jsonName + ":1}"));
        reader.Read();
        reader.Read();
        return reader;
    }
}
