using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>
/// Strict first: a candidate is read as strict JSON straight from the answer's bytes, and only rewritten by the lenient
/// parser when that fails. Either way it must read exactly as the lenient parser's rewrite of it would.
/// </summary>
public sealed class StrictFirstTests
{
    [Theory]
    [InlineData("{\"summary\": \"ok\", \"n\": 1.5e3}")]
    [InlineData("  \n{ \"a\" : [ 1, 2, {\"b\": null} ] }\r\n ")]
    [InlineData("{\"caf\\u00e9\": \"Ren\\u00e9e \\\"q\\\" \\\\ \\n\", \"emoji\": \"\\ud83d\\ude00x\"}")]
    [InlineData("Sure: {\"a\" :  1}\nHope this helps!")]
    [InlineData("{\"path\": \"C:\\\\ud800\"}")] // an escaped backslash before u is not an escape
    public void A_strict_value_is_handed_over_as_written(string answer)
    {
        Assert.True(ModelJson.TryNormalize(answer, wasTruncated: false, out byte[] json, out _));

        // Byte for byte the value as it stands in the answer: nothing was re-written.
        string trimmed = answer.Trim();
        int start = trimmed.IndexOf('{');
        Assert.Equal(Encoding.UTF8.GetBytes(trimmed[start..(trimmed.LastIndexOf('}') + 1)]), json);
    }

    [Theory]
    [InlineData("{\"a\": 1,}")] // trailing comma
    [InlineData("{'a': 1}")] // single quotes
    [InlineData("{\"a\": 1 // done\n}")] // comment
    [InlineData("```json\n{\"a\": True}\n```")] // Python literal in a fence
    [InlineData("{\"a\": \"\\ud800\"}")] // lone surrogate escape: the lenient parser writes U+FFFD
    [InlineData("{\"a\": \"\\uDE00x\"}")] // a low half alone
    [InlineData("{\"a\": \"\\ud83d\\u0041\"}")] // a high half followed by something else
    [InlineData("{\"a\": \"\\ud83d\"}")] // a high half at the end
    [InlineData("\uFEFF{\"a\": 1}")] // byte order mark (the value itself is strict)
    public void Anything_not_strict_reads_as_the_lenient_rewrite(string answer)
    {
        int start = answer.IndexOf('{');
        Assert.True(LenientJsonParser.TryParse(answer, start, answer.Length, out byte[] lenient, out _));

        Assert.True(ModelJson.TryNormalize(answer, wasTruncated: false, out byte[] json, out _));

        AssertSameJson(lenient, json, answer);
    }

    [Fact]
    public void A_strict_answer_is_read_once_and_a_sloppy_one_twice()
    {
        int reads = 0;
        var reader = new ResultReader<int>(ResultRoot.Number, (ref Utf8JsonReader json, JsonPath path, ResultErrorList errors, out int value) =>
        {
            reads++;
            return JsonValueReaders.TryReadInt32(ref json, path, errors, out value);
        });

        Assert.Equal(42, reader.ReadText("{\"value\": 42}", outOfTokens: false).Value);
        Assert.Equal(1, reads);

        reads = 0;
        Assert.Equal(42, reader.ReadText("{\"value\": 42,}", outOfTokens: false).Value);
        Assert.Equal(2, reads); // the strict read stopped at the trailing comma, after reading 42; then the rewrite
    }

    [Fact]
    public void The_strict_read_reads_as_the_lenient_rewrite_on_random_strict_json()
    {
        var random = new Random(20261125);
        for (int i = 0; i < 2_000; i++)
        {
            string answer = RandomDocument(random);

            Assert.True(ModelJson.TryNormalize(answer, wasTruncated: false, out byte[] strict, out _), answer);
            Assert.True(LenientJsonParser.TryParse(answer, 0, answer.Length, out byte[] lenient, out _), answer);
            AssertSameJson(lenient, strict, answer);
        }
    }

    [Fact]
    public void The_nesting_limit_is_the_lenient_parsers()
    {
        string deepest = new string('[', ModelJson.MaxDepth) + new string(']', ModelJson.MaxDepth);
        string tooDeep = "[" + deepest + "]";

        Assert.True(ModelJson.TryNormalize(deepest, wasTruncated: false, out _, out _));
        Assert.True(LenientJsonParser.TryParse(deepest, 0, deepest.Length, out _, out _));
        Assert.False(ModelJson.TryNormalize(tooDeep, wasTruncated: false, out _, out _));
        Assert.False(LenientJsonParser.TryParse(tooDeep, 0, tooDeep.Length, out _, out _));
    }

    private static void AssertSameJson(byte[] expected, byte[] actual, string answer)
    {
        using JsonDocument left = JsonDocument.Parse(expected);
        using JsonDocument right = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(left.RootElement, right.RootElement), $"differs for {answer}");
    }

    /// <summary>Strict JSON written by Utf8JsonWriter, with escapes, non-ASCII text, exponents and deep nesting.</summary>
    private static string RandomDocument(Random random)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = random.Next(2) == 0 }))
        {
            WriteValue(writer, random, depth: 0, container: true);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, Random random, int depth, bool container = false)
    {
        int kind = container ? random.Next(2) : random.Next(depth > 6 ? 2 : 0, 8);
        switch (kind)
        {
            case 0:
                writer.WriteStartObject();
                for (int i = random.Next(5); i > 0; i--)
                {
                    writer.WritePropertyName(RandomText(random));
                    WriteValue(writer, random, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case 1:
                writer.WriteStartArray();
                for (int i = random.Next(5); i > 0; i--)
                {
                    WriteValue(writer, random, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case 2:
            case 3:
                writer.WriteStringValue(RandomText(random));
                break;
            case 4:
                writer.WriteNumberValue(random.Next(-1_000_000, 1_000_000));
                break;
            case 5:
                writer.WriteRawValue((random.NextDouble() * 1e6).ToString("E3", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case 6:
                writer.WriteBooleanValue(random.Next(2) == 0);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static readonly string[] Pieces = { "a", "Zé", "naïve", "\"", "\\", "\n", "\t", "€", "😀", "日本", "/", " ", "<>&'", "\u0001" };

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (int i = random.Next(4); i > 0; i--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
