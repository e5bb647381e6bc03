using System.Collections.Generic;
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

/// <summary>
/// Suggestions judge each part of an id (vendor, name, version) and the model's display name, so what a user types in
/// <c>promptgen models show</c> finds the model they mean and nothing far from it.
/// </summary>
public sealed class ModelCatalogSuggestionPartsTests
{
    [Theory]
    [InlineData("nova-lte", "amazon.nova-lite-v1:0")]
    [InlineData("amazon.nova-lite", "amazon.nova-lite-v1:0")]
    [InlineData("Claude Haiku 4.5", "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [InlineData("claude-haiku-4-5", "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [InlineData("amazon.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    public void What_a_user_types_finds_the_model_first(string typed, string expected)
    {
        IReadOnlyList<string> suggestions = ModelCatalog.Suggest(typed, modality: null);

        Assert.NotEmpty(suggestions);
        Assert.Equal(expected, suggestions[0]);
    }

    [Fact]
    public void Every_modality_is_suggested_when_asked_and_only_chat_by_default()
    {
        Assert.Equal("amazon.titan-embed-text-v2:0", ModelCatalog.Suggest("amazon.titan-embed-txt-v2:0", modality: null)[0]);
        Assert.DoesNotContain("amazon.titan-embed-text-v2:0", ModelCatalog.Suggest("amazon.titan-embed-txt-v2:0"));
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("zebra-9")]
    [InlineData("amazon.xyz-v1:0")]
    public void A_far_id_suggests_nothing(string typed)
    {
        Assert.Empty(ModelCatalog.Suggest(typed, modality: null));
    }
}
