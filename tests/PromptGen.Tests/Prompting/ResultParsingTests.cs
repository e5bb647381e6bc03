using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>
/// What generated parsers call: the entry points (<see cref="ResultParsing"/>), the steps of an object reader and the
/// generic readers of lists, dictionaries and nullable values. A small reader written the way the generator writes
/// them stands in for generated code.
/// </summary>
public sealed class ResultParsingTests
{
    [Fact]
    public void An_object_result_is_read_from_the_root()
    {
        ParseOutcome<Point> outcome = ResultParsing.Parse<Point>(Utf8("""{"x": 1, "y": 2}"""), PointReader.Read);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(new Point(1, 2), outcome.Value);
    }

    [Theory]
    [InlineData("42", ResultErrorKind.TypeMismatch, "$", "expected object, got 42")]
    [InlineData("""{"x": 1}""", ResultErrorKind.MissingMember, "$.y", "is required")]
    [InlineData("""{"x": 1, "y": null}""", ResultErrorKind.MissingMember, "$.y", "is required")]
    public void An_object_result_that_fails_says_why(string json, ResultErrorKind kind, string path, string message)
    {
        ParseOutcome<Point> outcome = ResultParsing.Parse<Point>(Utf8(json), PointReader.Read);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(new ResultError(path, kind, message), Assert.Single(outcome.Errors));
    }

    [Fact]
    public void An_empty_answer_is_malformed_json()
    {
        ParseOutcome<Point> outcome = ResultParsing.Parse<Point>(Utf8(""), PointReader.Read);

        ResultError error = Assert.Single(outcome.Errors);
        Assert.Equal(("$", ResultErrorKind.MalformedJson), (error.Path, error.Kind));
    }

    [Fact]
    public void Malformed_json_is_one_error_at_the_root_after_the_errors_found_before_it()
    {
        ParseOutcome<Point> outcome = ResultParsing.Parse<Point>(Utf8("""{"x": "one", "y": 2"""), PointReader.Read);

        Assert.Equal(new[] { ResultErrorKind.TypeMismatch, ResultErrorKind.MalformedJson }, outcome.Errors.Select(error => error.Kind));
        Assert.Equal(new[] { "$.x", "$" }, outcome.Errors.Select(error => error.Path));
    }

    [Theory]
    [InlineData("""{"value": 42}""")]
    [InlineData("""{"note": "ignored", "value": "42"}""")]
    [InlineData("42")]
    public void A_wrapped_scalar_is_read_from_its_wrapper_or_bare(string json)
    {
        ParseOutcome<int> outcome = new ResultReader<int>(ResultRoot.Number, JsonValueReaders.TryReadInt32).ReadJson(Utf8(json));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(42, outcome.Value);
    }

    [Theory]
    [InlineData("""{"answer": 42}""", ResultErrorKind.TypeMismatch, "$", "expected number, got an object")]
    [InlineData("""{"value": "many"}""", ResultErrorKind.TypeMismatch, "$", "expected integer, got \"many\"")]
    [InlineData("""{"value": {"n": 1}}""", ResultErrorKind.TypeMismatch, "$", "expected integer, got an object")]
    [InlineData("""{"value": null}""", ResultErrorKind.MissingMember, "$", "is required, got null")]
    [InlineData("null", ResultErrorKind.MissingMember, "$", "is required, got null")]
    public void A_wrapped_scalar_that_fails_says_why_at_the_root(string json, ResultErrorKind kind, string path, string message)
    {
        ParseOutcome<int> outcome = new ResultReader<int>(ResultRoot.Number, JsonValueReaders.TryReadInt32).ReadJson(Utf8(json));

        Assert.Equal(new ResultError(path, kind, message), Assert.Single(outcome.Errors));
    }

    [Fact]
    public void A_wrapped_object_is_read_from_its_wrapper_or_bare()
    {
        var reader = new ResultReader<Point>(ResultRoot.WrappedObject, PointReader.Read, isNullable: true);

        ParseOutcome<Point> wrapped = reader.ReadJson(Utf8("""{"value": {"x": 1, "y": 2}}"""));
        ParseOutcome<Point> bare = reader.ReadJson(Utf8("""{"x": 1, "y": 2}"""));
        ParseOutcome<Point> none = reader.ReadJson(Utf8("""{"value": null}"""));
        ParseOutcome<Point> scalar = reader.ReadJson(Utf8("7"));

        Assert.Equal(new Point(1, 2), wrapped.Value);
        Assert.Equal(new Point(1, 2), bare.Value);
        Assert.Null(none.Value);
        Assert.Equal(new ResultError("$", ResultErrorKind.TypeMismatch, "expected object, got 7"), Assert.Single(scalar.Errors));
    }

    [Fact]
    public void An_object_reader_skips_unknown_members_and_values_it_could_not_read()
    {
        ParseOutcome<Point> outcome = ResultParsing.Parse<Point>(
            Utf8("""{"note": {"x": 5, "deep": [1, {"y": 6}]}, "x": {"y": 7}, "y": 2, "x": [8], "z": 3}"""), PointReader.Read);

        // The nested {"y": 7} and [8] are skipped whole: their members are not taken for the point's.
        Assert.Equal(
            new[] { new ResultError("$.x", ResultErrorKind.TypeMismatch, "expected integer, got an object"), new ResultError("$.x", ResultErrorKind.TypeMismatch, "expected integer, got an array") },
            outcome.Errors);
    }

    [Fact]
    public void A_list_keeps_the_place_of_an_element_that_fails()
    {
        (bool ok, List<int> items, ResultErrorList errors) = Read<List<int>>("""[1, "two", [3], 4]""", (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out List<int> value) =>
            JsonValueReaders.TryReadList(ref reader, path, e, JsonValueReaders.TryReadInt32, out value));

        Assert.False(ok);
        Assert.Equal(new[] { 1, 0, 0, 4 }, items);
        Assert.Equal(new[] { "$.v[1]", "$.v[2]" }, errors.Items.Select(error => error.Path));
    }

    [Fact]
    public void A_list_of_objects_and_an_array_read_each_element_with_its_reader()
    {
        (bool listRead, List<Point> points, _) = Read<List<Point>>("""[{"x": 1, "y": 2}, {"x": 3, "y": 4}]""", (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out List<Point> value) =>
            JsonValueReaders.TryReadList(ref reader, path, e, PointReader.Read, out value));
        (bool arrayRead, string[] words, _) = Read<string[]>("""["a", "b"]""", (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out string[] value) =>
            JsonValueReaders.TryReadArray(ref reader, path, e, JsonValueReaders.TryReadString, out value));

        Assert.True(listRead && arrayRead);
        Assert.Equal(new[] { new Point(1, 2), new Point(3, 4) }, points);
        Assert.Equal(new[] { "a", "b" }, words);
    }

    [Theory]
    [InlineData("{\"a\": 1}", "expected array, got an object")]
    [InlineData("\"a, b\"", "expected array, got \"a, b\"")]
    public void A_list_refuses_what_is_not_an_array(string json, string message)
    {
        (bool ok, List<string> items, ResultErrorList errors) = Read<List<string>>(json, (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out List<string> value) =>
            JsonValueReaders.TryReadList(ref reader, path, e, JsonValueReaders.TryReadString, out value));
        (_, string[] array, _) = Read<string[]>(json, (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out string[] value) =>
            JsonValueReaders.TryReadArray(ref reader, path, e, JsonValueReaders.TryReadString, out value));

        Assert.False(ok);
        Assert.Empty(items);
        Assert.Empty(array);
        Assert.Equal(new ResultError("$.v", ResultErrorKind.TypeMismatch, message), Assert.Single(errors.Items));
    }

    [Fact]
    public void A_dictionary_leaves_out_a_value_that_fails()
    {
        (bool ok, Dictionary<string, int> scores, ResultErrorList errors) = Read<Dictionary<string, int>>("""{"a": 1, "b": "x", "c": {"d": 2}, "e": 3}""", (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out Dictionary<string, int> value) =>
            JsonValueReaders.TryReadDictionary(ref reader, path, e, JsonValueReaders.TryReadInt32, out value));

        Assert.False(ok);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["e"] = 3 }, scores);
        Assert.Equal(new[] { "$.v.b", "$.v.c" }, errors.Items.Select(error => error.Path));
    }

    [Theory]
    [InlineData("null", true, null)]
    [InlineData("5", true, 5)]
    [InlineData("\"five\"", false, 0)]
    public void A_nullable_value_reads_null_or_the_value(string json, bool expectedOk, int? expected)
    {
        (bool ok, int? number, _) = Read<int?>(json, (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out int? value) =>
            JsonValueReaders.TryReadNullable(ref reader, path, e, JsonValueReaders.TryReadInt32, out value));

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("null", true, null)]
    [InlineData("\"five\"", true, "five")]
    [InlineData("[\"five\"]", false, "")]
    public void A_nullable_reference_reads_null_or_the_value(string json, bool expectedOk, string? expected)
    {
        (bool ok, string? text, _) = Read<string?>(json, (ref Utf8JsonReader reader, JsonPath path, ResultErrorList e, out string? value) =>
            JsonValueReaders.TryReadNullableReference(ref reader, path, e, JsonValueReaders.TryReadString, out value));

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Json_text_loses_the_whitespace_between_tokens_and_keeps_strings_as_written()
    {
        const string Pretty = """
            {
              "type": "object",
              "description": "A \"quoted\"  title,\tand spaces",
              "required": ["a", "b"]
            }
            """;

        Assert.Equal("""{"type":"object","description":"A \"quoted\"  title,\tand spaces","required":["a","b"]}""", JsonText.Minify(Pretty));
    }

    [Fact]
    public void Compact_json_text_is_returned_as_it_is()
    {
        string compact = """{"a":"b c","d":[1,2]}""";

        Assert.Same(compact, JsonText.Minify(compact));
    }

    [Fact]
    public void Specs_and_tool_schemas_keep_a_pretty_schema_compact()
    {
        const string Pretty = "{\n  \"type\": \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } }\n}";
        var spec = new StructuredOutputSpec<Point>
        {
            ResultName = "Point",
            SchemaJson = Pretty,
            Strategy = StructuredOutputStrategy.NativeSchema,
            Reader = new ResultReader<Point>(ResultRoot.Object, PointReader.Read),
        };

        Assert.Equal("""{"type":"object","properties":{"a":{"type":"string"}}}""", spec.SchemaJson);
        Assert.Equal(spec.SchemaJson, new ToolSchema("point", null, Pretty).InputSchemaJson);
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Reads the value of <c>{"v": …}</c> and checks the reader ends on its last token.</summary>
    private static (bool Ok, T Value, ResultErrorList Errors) Read<T>(string json, JsonValueReader<T> read)
    {
        var reader = new Utf8JsonReader(Utf8("{\"v\":" + json + ", \"after\": true}"));
        reader.Read();
        reader.Read();
        reader.Read();
        var errors = new ResultErrorList();
        bool ok = read(ref reader, "$.v", errors, out T value);
        reader.Skip();
        Assert.True(reader.Read());
        Assert.Equal("after", reader.GetString());
        return (ok, value, errors);
    }

    private sealed record Point(int X, int Y);

    /// <summary>A reader of <see cref="Point"/> as the generator writes one.</summary>
    private abstract class PointReader : JsonValueReaders
    {
        private static readonly JsonNames PointMembers = new("x", "y");

        public static bool Read(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Point value)
        {
            value = default!;
            if (!TryStartObject(ref reader, path, errors, out JsonPath objectPath))
            {
                return false;
            }

            int errorCount = errors.Count;
            int x = default;
            bool hasX = false;
            int y = default;
            bool hasY = false;
            JsonPath memberPath;
            while (NextMember(ref reader, objectPath, PointMembers, out string member, out memberPath))
            {
                switch (member)
                {
                    case "x":
                        hasX = true;
                        TryReadInt32(ref reader, memberPath, errors, out x);
                        break;
                    case "y":
                        hasY = true;
                        TryReadInt32(ref reader, memberPath, errors, out y);
                        break;
                }
            }

            CheckRequired(hasX, errors, objectPath, "x");
            CheckRequired(hasY, errors, objectPath, "y");
            if (errors.Count != errorCount)
            {
                return false;
            }

            value = new Point(x, y);
            return true;
        }
    }
}
