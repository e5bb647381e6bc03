using System.Linq;
using System.Text.RegularExpressions;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Prompting;

public sealed class ResultValidationTests
{
    private static string? Single(System.Action<ResultErrorList> check)
    {
        var errors = new ResultErrorList();
        check(errors);
        if (errors.Count == 0)
        {
            return null;
        }

        ResultError error = Assert.Single(errors.Items);
        Assert.Equal(ResultErrorKind.ConstraintViolation, error.Kind);
        Assert.Equal("$.x", error.Path);
        return error.Message;
    }

    [Theory]
    [InlineData(5, 1, 10, null)]
    [InlineData(1, 1, 10, null)]
    [InlineData(10, 1, 10, null)]
    [InlineData(0, 1, 10, "must be between 1 and 10, got 0")]
    [InlineData(10.5, 1, 10, "must be between 1 and 10, got 10.5")]
    [InlineData(-3, 0, double.PositiveInfinity, "must be at least 0, got -3")]
    [InlineData(7, double.NegativeInfinity, 5, "must be at most 5, got 7")]
    [InlineData(double.NaN, 0, 1, "must be between 0 and 1, got NaN")]
    public void Range(double value, double min, double max, string? message)
    {
        Assert.Equal(message, Single(e => ResultValidation.Range(e, "$.x", value, min, max)));
    }

    [Theory]
    [InlineData("abc", 1, 5, null)]
    [InlineData("", 1, -1, "must have at least 1 character, got 0")]
    [InlineData("abcdef", -1, 5, "must have at most 5 characters, got 6")]
    [InlineData("ab", 3, 5, "must have between 3 and 5 characters, got 2")]
    [InlineData("ab", 3, 3, "must have exactly 3 characters, got 2")]
    [InlineData("😀😀😀", 1, 3, null)]
    [InlineData(null, 3, 5, null)]
    public void Length_counts_unicode_characters(string? value, int min, int max, string? message)
    {
        Assert.Equal(message, Single(e => ResultValidation.Length(e, "$.x", value, min, max)));
    }

    [Theory]
    [InlineData(2, 1, 3, null)]
    [InlineData(0, 1, -1, "must have at least 1 item, got 0")]
    [InlineData(4, -1, 3, "must have at most 3 items, got 4")]
    [InlineData(4, -1, -1, null)]
    public void Count(int count, int min, int max, string? message)
    {
        Assert.Equal(message, Single(e => ResultValidation.Count(e, "$.x", count, min, max)));
    }

    [Theory]
    [InlineData("ABC-123", "^[A-Z]{3}-\\d+$", null)]
    [InlineData("abc-123", "^[A-Z]{3}-\\d+$", "must match the pattern ^[A-Z]{3}-\\d+$, got \"abc-123\"")]
    [InlineData("order 42 shipped", "\\d+", null)]
    [InlineData(null, "^x$", null)]
    public void Pattern_is_an_unanchored_search_unless_anchored(string? value, string pattern, string? message)
    {
        Assert.Equal(message, Single(e => ResultValidation.Pattern(e, "$.x", value, pattern)));
    }

    [Fact]
    public void Catastrophic_backtracking_times_out_as_a_violation()
    {
        string message = Single(e => ResultValidation.Pattern(e, "$.x", new string('a', 40) + "!", "^(a+)+$"))!;

        Assert.StartsWith("could not be checked against the pattern", message);
    }

    [Fact]
    public void An_invalid_pattern_is_a_programming_error()
    {
        Assert.Throws<RegexParseException>(() => ResultValidation.Pattern(new ResultErrorList(), "$.x", "a", "(unclosed"));
    }

    [Fact]
    public void Errors_accumulate_in_order()
    {
        var errors = new ResultErrorList();
        ResultValidation.Range(errors, "$.a", 5, 0, 1);
        ResultValidation.Count(errors, "$.b", 0, 1, -1);

        Assert.Equal(new[] { "$.a", "$.b" }, errors.Items.Select(e => e.Path));
        Assert.Equal(2, errors.Count);
    }
}
