using System.Linq;
using PromptGen.Generators.Catalog;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>Every id form of wire spec §2 is understood, and nothing makes <see cref="ModelCatalog.Find"/> throw.</summary>
public sealed class ModelCatalogLookupTests
{
    private const string HaikuBase = "anthropic.claude-haiku-4-5-20251001-v1:0";

    [Fact]
    public void Base_id_is_known_without_a_prefix()
    {
        ModelLookup lookup = ModelCatalog.Find(HaikuBase);

        Assert.Equal(ModelLookupKind.Known, lookup.Kind);
        Assert.Equal(HaikuBase, lookup.BaseId);
        Assert.Null(lookup.ProfilePrefix);
        Assert.Equal("Claude Haiku 4.5", lookup.Model!.DisplayName);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("eu")]
    [InlineData("apac")]
    [InlineData("jp")]
    [InlineData("au")]
    [InlineData("ca")]
    [InlineData("us-gov")]
    [InlineData("global")]
    public void Inference_profile_prefix_is_split_off(string prefix)
    {
        ModelLookup lookup = ModelCatalog.Find($"{prefix}.{HaikuBase}");

        Assert.Equal((ModelLookupKind.Known, prefix, HaikuBase), (lookup.Kind, lookup.ProfilePrefix, lookup.BaseId));
        Assert.True(lookup.IsInferenceProfile);
    }

    [Fact]
    public void Foundation_model_arn_names_its_base_model()
    {
        ModelLookup lookup = ModelCatalog.Find($"arn:aws:bedrock:us-east-1::foundation-model/{HaikuBase}");

        Assert.Equal((ModelLookupKind.Known, null, HaikuBase), (lookup.Kind, lookup.ProfilePrefix, lookup.BaseId));
    }

    [Fact]
    public void Inference_profile_arn_names_its_model_and_prefix()
    {
        ModelLookup lookup = ModelCatalog.Find($"arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.{HaikuBase}");

        Assert.Equal((ModelLookupKind.Known, "eu", HaikuBase), (lookup.Kind, lookup.ProfilePrefix, lookup.BaseId));
    }

    [Fact]
    public void Arn_in_another_partition_is_understood()
    {
        ModelLookup lookup = ModelCatalog.Find("arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/amazon.nova-lite-v1:0");

        Assert.Equal(ModelLookupKind.Known, lookup.Kind);
        Assert.Equal("amazon.nova-lite-v1:0", lookup.BaseId);
    }

    [Theory]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghij12")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1")]
    [InlineData("arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-endpoint")]
    public void Arn_that_hides_its_model_is_opaque(string arn)
    {
        ModelLookup lookup = ModelCatalog.Find(arn);

        Assert.Equal((ModelLookupKind.Opaque, null, arn), (lookup.Kind, lookup.Model, lookup.BaseId));
    }

    [Theory]
    [InlineData("amazon.nova-ultra-v9:0", "amazon.nova-ultra-v9:0", null)]
    [InlineData("us.acme.brand-new-model-v1:0", "acme.brand-new-model-v1:0", "us")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/acme.future-v1:0", "acme.future-v1:0", null)]
    public void Well_formed_id_the_catalog_lacks_is_unknown(string id, string baseId, string? prefix)
    {
        ModelLookup lookup = ModelCatalog.Find(id);

        Assert.Equal((ModelLookupKind.Unknown, baseId, prefix), (lookup.Kind, lookup.BaseId, lookup.ProfilePrefix));
        Assert.Null(lookup.Model);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("bad model!")]
    [InlineData("anthropic/claude")]
    [InlineData("arn:aws:s3:::bucket/key")]
    public void Id_failing_the_pattern_is_malformed(string? id)
    {
        ModelLookup lookup = ModelCatalog.Find(id!);

        Assert.Equal(ModelLookupKind.Malformed, lookup.Kind);
        Assert.Equal(id ?? string.Empty, lookup.BaseId);
    }

    [Fact]
    public void Overlong_id_is_malformed()
    {
        Assert.Equal(ModelLookupKind.Malformed, ModelCatalog.Find("a." + new string('b', 2047)).Kind);
    }

    [Fact]
    public void Prefix_like_provider_segment_is_not_a_profile_prefix()
    {
        // "usx." is not a geo prefix, and a lone "us." with nothing after it is no profile.
        Assert.Null(ModelCatalog.Find("usx.anthropic.claude-v2").ProfilePrefix);
        Assert.Equal(ModelLookupKind.Unknown, ModelCatalog.Find("us.").Kind);
    }

    [Fact]
    public void Ids_are_case_sensitive_like_the_service()
    {
        Assert.Equal(ModelLookupKind.Unknown, ModelCatalog.Find(HaikuBase.ToUpperInvariant()).Kind);
    }

    [Fact]
    public void Every_catalog_id_finds_itself()
    {
        Assert.All(ModelCatalog.All, model => Assert.Same(model, ModelCatalog.Find(model.BaseId).Model));
        Assert.All(
            ModelCatalog.All.SelectMany(model => model.ProfilePrefixes.Select(prefix => (model, id: $"{prefix}.{model.BaseId}"))),
            pair => Assert.Same(pair.model, ModelCatalog.Find(pair.id).Model));
    }
}
