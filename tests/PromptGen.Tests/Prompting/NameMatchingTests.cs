using System.Text.Json;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Prompting;

public sealed class NameMatchingTests
{
    private static readonly string[] Status = { "Open", "InProgress", "Done" };

    private static (bool Ok, int Index, ResultErrorList Errors) Match(string json, string[] names, string[]? wireNames = null)
    {
        Utf8JsonReader reader = ReaderHarness.On(json);
        var errors = new ResultErrorList();
        bool ok = wireNames is null
            ? JsonValueReaders.TryMatchEnum(ref reader, "$.status", errors, names, out int index)
            : JsonValueReaders.TryMatchEnum(ref reader, "$.status", errors, names, wireNames, out index);
        return (ok, index, errors);
    }

    [Theory]
    [InlineData("\"InProgress\"", 1)]
    [InlineData("\"inprogress\"", 1)]
    [InlineData("\"in progress\"", 1)]
    [InlineData("\"IN_PROGRESS\"", 1)]
    [InlineData("\"in-progress\"", 1)]
    [InlineData("\" In Progress. \"", 1)]
    [InlineData("\"'done'\"", 2)]
    [InlineData("\"`Open`\"", 0)]
    [InlineData("\"\\u201COpen\\u201D\"", 0)]
    [InlineData("\"done!\"", 2)]
    public void Enum_names_as_models_write_them(string json, int expected)
    {
        var (ok, index, errors) = Match(json, Status);

        Assert.True(ok, errors.Count > 0 ? errors.Items[0].Message : "");
        Assert.Equal(expected, index);
    }

    [Theory]
    [InlineData("\"urgent\"", "expected one of Open, InProgress, Done, got \"urgent\"")]
    [InlineData("\"\"", "expected one of Open, InProgress, Done, got \"\"")]
    [InlineData("1", "expected one of Open, InProgress, Done, got 1")]
    [InlineData("null", "expected one of Open, InProgress, Done, got null")]
    [InlineData("\"Opened\"", "expected one of Open, InProgress, Done, got \"Opened\"")]
    public void Unknown_enum_values(string json, string message)
    {
        var (ok, index, errors) = Match(json, Status);

        Assert.False(ok);
        Assert.Equal(-1, index);
        Assert.Equal(new ResultError("$.status", ResultErrorKind.UnknownEnumValue, message), Assert.Single(errors.Items));
    }

    [Fact]
    public void An_exact_match_wins_over_a_loose_one()
    {
        string[] names = { "A_B", "AB" };

        Assert.Equal(1, Match("\"ab\"", names).Index);
        Assert.Equal(0, Match("\"a_b\"", names).Index);
    }

    [Fact]
    public void Two_loose_matches_are_an_error_not_a_guess()
    {
        var (ok, _, errors) = Match("\"a b\"", new[] { "A_B", "AB" });

        Assert.False(ok);
        Assert.Contains("ambiguous", Assert.Single(errors.Items).Message);
    }

    [Fact]
    public void Wire_names_match_too_and_are_what_the_message_lists()
    {
        string[] names = { "Open", "InProgress", "Done" };
        string[] wire = { "", "in_progress", "" };

        Assert.Equal(1, Match("\"in_progress\"", names, wire).Index);
        Assert.Equal(1, Match("\"InProgress\"", names, wire).Index);
        Assert.Equal("expected one of Open, in_progress, Done, got \"x\"", Match("\"x\"", names, wire).Errors.Items[0].Message);
    }

    [Fact]
    public void A_long_enum_is_listed_with_an_ellipsis()
    {
        string[] names = new string[40];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "Value" + i;
        }

        string message = Match("\"nope\"", names).Errors.Items[0].Message;

        Assert.Contains("Value29, …, got", message);
        Assert.DoesNotContain("Value30", message);
    }

    [Theory]
    [InlineData("\"firstName\"")]
    [InlineData("\"first_name\"")]
    [InlineData("\"FirstName\"")]
    [InlineData("\"first-name\"")]
    [InlineData("\"FIRST_NAME\"")]
    [InlineData("\"first name\"")]
    [InlineData("\"first\\u005fname\"")]
    public void Member_names_in_any_casing(string jsonName)
    {
        Utf8JsonReader reader = ReaderHarness.OnPropertyName(jsonName);

        Assert.True(JsonValueReaders.MemberNameEquals(ref reader, "firstName"));
    }

    [Theory]
    [InlineData("\"firstNames\"")]
    [InlineData("\"name\"")]
    [InlineData("\"lastName\"")]
    [InlineData("\"\"")]
    public void Other_member_names_do_not_match(string jsonName)
    {
        Utf8JsonReader reader = ReaderHarness.OnPropertyName(jsonName);

        Assert.False(JsonValueReaders.MemberNameEquals(ref reader, "firstName"));
    }

    [Fact]
    public void Non_ascii_member_names_compare_ignoring_case()
    {
        Utf8JsonReader reader = ReaderHarness.OnPropertyName("\"Straße_Nr\"");

        Assert.True(JsonValueReaders.MemberNameEquals(ref reader, "straßeNr"));
    }
}
