using System;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Prompting;

public sealed class ResultBasicsTests
{
    [Theory]
    [InlineData("$", "items", "$.items")]
    [InlineData("$.order", "firstName", "$.order.firstName")]
    [InlineData("$", "_id", "$._id")]
    [InlineData("$", "odd key", "$['odd key']")]
    [InlineData("$", "it's", "$['it\\'s']")]
    [InlineData("$", "back\\slash", "$['back\\\\slash']")]
    [InlineData("$", "1st", "$['1st']")]
    [InlineData("$", "", "$['']")]
    [InlineData("$", "日本", "$['日本']")]
    public void Member_paths(string parent, string name, string expected)
    {
        Assert.Equal(expected, JsonPaths.Member(parent, name));
    }

    [Fact]
    public void Index_paths()
    {
        Assert.Equal("$.items[2]", JsonPaths.Index("$.items", 2));
        Assert.Equal("$.items[2].tags[0]", JsonPaths.Index(JsonPaths.Member(JsonPaths.Index("$.items", 2), "tags"), 0));
    }

    [Fact]
    public void Success_outcome()
    {
        ParseOutcome<int> outcome = ParseOutcome<int>.Success(42);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(42, outcome.Value);
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void Failure_outcome_keeps_a_copy_of_the_errors_and_value_throws_listing_them()
    {
        var errors = new ResultErrorList();
        errors.Add("$.a", ResultErrorKind.MissingMember, "required member is missing");
        ParseOutcome<string> outcome = ParseOutcome<string>.Failure(errors.Items);
        errors.Add("$.b", ResultErrorKind.TypeMismatch, "later");

        Assert.False(outcome.IsSuccess);
        Assert.Single(outcome.Errors);
        var thrown = Assert.Throws<InvalidOperationException>(() => outcome.Value);
        Assert.Contains("$.a: required member is missing", thrown.Message);
    }

    [Fact]
    public void A_failure_needs_an_error()
    {
        Assert.Throws<ArgumentException>(() => ParseOutcome<int>.Failure(Array.Empty<ResultError>()));
    }

    [Fact]
    public void Default_outcome_is_a_failure_without_errors()
    {
        ParseOutcome<int> outcome = default;

        Assert.False(outcome.IsSuccess);
        Assert.Empty(outcome.Errors);
        Assert.Throws<InvalidOperationException>(() => outcome.Value);
    }
}
