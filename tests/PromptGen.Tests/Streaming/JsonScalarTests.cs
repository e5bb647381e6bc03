using System.Text.Json;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Streaming;

public sealed class JsonScalarTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("with \"quotes\" and \\ backslash")]
    [InlineData("tab\tand\nnewline")]
    [InlineData("ümlaut, € and 😀")]
    [InlineData("lone \uD800 surrogate")]
    public void A_string_becomes_strict_json_that_reads_back_the_same(string text)
    {
        var reader = new Utf8JsonReader(new JsonScalar(JsonScalarKind.String, text).ToStrictJson());

        Assert.True(reader.Read());
        Assert.Equal(text.Replace('\uD800', '\uFFFD'), reader.GetString());
    }

    [Theory]
    [InlineData("12", JsonTokenType.Number)]
    [InlineData("-0.5e3", JsonTokenType.Number)]
    [InlineData("+1", JsonTokenType.String)]
    [InlineData(".5", JsonTokenType.String)]
    [InlineData("01", JsonTokenType.String)]
    [InlineData("NaN", JsonTokenType.String)]
    public void A_number_models_write_outside_strict_json_is_passed_on_as_a_string(string text, JsonTokenType expected)
    {
        var reader = new Utf8JsonReader(new JsonScalar(JsonScalarKind.Number, text).ToStrictJson());

        Assert.True(reader.Read());
        Assert.Equal(expected, reader.TokenType);
        Assert.Equal(text, expected == JsonTokenType.String ? reader.GetString() : System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
    }

    [Theory]
    [InlineData(JsonScalarKind.True, JsonTokenType.True)]
    [InlineData(JsonScalarKind.False, JsonTokenType.False)]
    [InlineData(JsonScalarKind.Null, JsonTokenType.Null)]
    public void Literals_are_literals(JsonScalarKind kind, JsonTokenType expected)
    {
        var reader = new Utf8JsonReader(new JsonScalar(kind, "").ToStrictJson());

        Assert.True(reader.Read());
        Assert.Equal(expected, reader.TokenType);
    }
}
