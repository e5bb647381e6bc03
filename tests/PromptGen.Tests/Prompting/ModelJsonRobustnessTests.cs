using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.Prompting;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>ModelJson on hostile input: huge, deep, random. It must answer quickly, never throw, never overflow.</summary>
public sealed class ModelJsonRobustnessTests
{
    private const int OneMegabyte = 1 << 20;

    /// <summary>Generous for a 2-core CI machine; a quadratic scan of 1 MB would take minutes.</summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(2);

    public static TheoryData<string, ResultErrorKind?> HugeInputs()
    {
        var items = new StringBuilder("Here you go:\n```json\n{\"items\": [");
        for (int i = 0; items.Length < OneMegabyte; i++)
        {
            items.Append(i == 0 ? "" : ",").Append("{\"id\": ").Append(i).Append(", 'name': 'item ").Append(i).Append("',}");
        }

        items.Append("]}\n```");
        return new TheoryData<string, ResultErrorKind?>
        {
            { items.ToString(), null },
            { new string('[', OneMegabyte), ResultErrorKind.MalformedJson },
            { new string('{', OneMegabyte), ResultErrorKind.MalformedJson },
            { string.Concat(Enumerable.Repeat("see [note] and {this} ", OneMegabyte / 20)), ResultErrorKind.MalformedJson },
            { string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", OneMegabyte / 27)), ResultErrorKind.NoJson },
            { "{\"text\": \"" + new string('x', OneMegabyte), ResultErrorKind.MalformedJson }, // ends inside a string, but the model ended by itself
            { string.Concat(Enumerable.Repeat("```\n", OneMegabyte / 4)), ResultErrorKind.NoJson },
            { "{\"a\": \"" + string.Concat(Enumerable.Repeat("\" x ", OneMegabyte / 4)), ResultErrorKind.MalformedJson },
            { string.Concat(Enumerable.Repeat("/*", OneMegabyte / 2)), ResultErrorKind.NoJson },
        };
    }

    [Theory]
    [MemberData(nameof(HugeInputs))]
    public void One_megabyte_inputs_finish_fast(string input, ResultErrorKind? expectedError)
    {
        var clock = Stopwatch.StartNew();
        bool ok = ModelJson.TryNormalize(input, wasTruncated: false, out byte[] json, out ResultError error);
        clock.Stop();

        Assert.True(clock.Elapsed < Fast, $"took {clock.Elapsed}");
        if (expectedError is null)
        {
            Assert.True(ok, error.Message);
            using JsonDocument document = JsonDocument.Parse(json);
            Assert.True(document.RootElement.GetProperty("items").GetArrayLength() > 10_000);
        }
        else
        {
            Assert.False(ok);
            Assert.Equal(expectedError, error.Kind);
        }
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        string input = new string('[', 200_000) + new string(']', 200_000);

        Assert.False(ModelJson.TryNormalize(input, false, out _, out ResultError error));

        Assert.Equal(ResultErrorKind.MalformedJson, error.Kind);
        Assert.Contains("nested more than 64 levels", error.Message);
    }

    [Fact]
    public void Random_json_like_text_never_throws_and_success_is_always_strict_json()
    {
        string[] pieces =
        {
            "{", "}", "[", "]", ",", ":", "\"", "'", "\u201C", "\u201D", "\\", "\\u", "\\ud800", "00", "-", "+", ".", "e",
            "1", "true", "None", "NaN", "key", " ", "\n", "//", "/*", "*/", "```", "```json\n", "\uFEFF", "😀", "\ud83d",
        };
        var random = new Random(20260914);
        int successes = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 40);
            for (int j = 0; j < length; j++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            bool ok = ModelJson.TryNormalize(text.ToString(), random.Next(4) == 0, out byte[] json, out ResultError error);

            if (ok)
            {
                successes++;
                using JsonDocument document = JsonDocument.Parse(json); // throws if the output is not strict JSON
                Assert.Contains(document.RootElement.ValueKind, new[] { JsonValueKind.Object, JsonValueKind.Array });
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error.Message));
                Assert.Equal("$", error.Path);
            }
        }

        Assert.True(successes > 100, $"only {successes} random inputs parsed: the generator is not exercising the success path");
    }

    [Fact]
    public void Output_is_compact_utf8_without_escaping_non_ascii_text()
    {
        Assert.True(ModelJson.TryNormalize("{ 'name' : 'Renée',\n 'n': 1.50 }", false, out byte[] json, out _));

        Assert.Equal("{\"name\":\"Renée\",\"n\":1.50}", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void Null_text_is_no_json()
    {
        Assert.False(ModelJson.TryNormalize(null!, false, out byte[] json, out ResultError error));

        Assert.Equal(ResultErrorKind.NoJson, error.Kind);
        Assert.Empty(json);
    }

    [Fact]
    public void Object_root_skips_a_leading_citation()
    {
        Assert.True(ModelJson.TryNormalize("According to [1], the answer is {\"a\": 1}", false, JsonRoot.Object, out byte[] json, out _));

        Assert.Equal("{\"a\": 1}", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void Errors_say_where_in_the_answer()
    {
        Assert.False(ModelJson.TryNormalize("Here:\n{\"a\": 1,\n \"b\": oops}", false, out _, out ResultError error));

        Assert.Equal(ResultErrorKind.MalformedJson, error.Kind);
        Assert.Contains("line 3, column 7", error.Message);
    }
}
