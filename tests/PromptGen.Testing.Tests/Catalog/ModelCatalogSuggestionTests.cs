using PromptGen.Generators.Catalog;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>"Did you mean" suggestions for ids the catalog does not know.</summary>
public sealed class ModelCatalogSuggestionTests
{
    [Fact]
    public void Typo_suggests_the_intended_id_first()
    {
        var suggestions = ModelCatalog.Suggest("amazon.nova-lte-v1:0");

        Assert.Equal("amazon.nova-lite-v1:0", suggestions[0]);
    }

    [Fact]
    public void Typed_profile_prefix_is_kept_when_the_model_has_that_profile()
    {
        var suggestions = ModelCatalog.Suggest("eu.anthropic.claude-sonet-4-5-20250929-v1:0");

        Assert.Equal("eu.anthropic.claude-sonnet-4-5-20250929-v1:0", suggestions[0]);
    }

    [Fact]
    public void Profile_only_model_is_suggested_as_a_profile()
    {
        var suggestions = ModelCatalog.Suggest("anthropic.claude-haiku-4-5-20251001-v1");

        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", suggestions[0]);
    }

    [Fact]
    public void Fragment_of_a_real_id_finds_it()
    {
        Assert.Contains("us.anthropic.claude-sonnet-4-5-20250929-v1:0", ModelCatalog.Suggest("claude-sonnet-4-5"));
    }

    [Fact]
    public void Wrong_date_suggests_the_real_release()
    {
        var suggestions = ModelCatalog.Suggest("us.anthropic.claude-opus-4-5-20251120-v1:0");

        Assert.Equal("us.anthropic.claude-opus-4-5-20251101-v1:0", suggestions[0]);
    }

    [Fact]
    public void At_most_max_suggestions_are_returned()
    {
        Assert.Equal(2, ModelCatalog.Suggest("meta.llama3-1-8b-instruct-v1", max: 2).Count);
        Assert.Empty(ModelCatalog.Suggest("meta.llama3-1-8b-instruct-v1", max: 0));
    }

    [Theory]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6")]
    public void Nothing_plausible_suggests_nothing(string id)
    {
        Assert.Empty(ModelCatalog.Suggest(id));
    }
}
