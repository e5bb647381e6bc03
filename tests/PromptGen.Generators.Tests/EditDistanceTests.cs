using PromptGen.Generators.Analyzers;
using PromptGen.Generators.Catalog;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>The distance behind every "did you mean": a swap of two adjacent letters is one slip, not two.</summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("name", "name", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("nmae", "name", 1)]
    [InlineData("concpet", "concept", 1)]
    [InlineData("nane", "name", 1)]
    [InlineData("nam", "name", 1)]
    [InlineData("names", "name", 1)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: a swapped pair is not edited again
    [InlineData("kitten", "sitting", 3)]
    public void Counts_insertions_deletions_substitutions_and_swaps_as_one_edit_each(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(a, b));
        Assert.Equal(distance, EditDistance.Between(b, a));
    }

    [Fact]
    public void A_swapped_pair_suggests_the_name_and_an_unrelated_word_does_not()
    {
        Assert.Equal("name", NameSuggestion.Closest("nmae", new[] { "name", "count" }));
        Assert.Null(NameSuggestion.Closest("weather", new[] { "name", "count" }));
    }
}
