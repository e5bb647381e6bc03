using System;
using System.Globalization;
using System.Linq;
using PromptGen.Generators.Catalog;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>The catalog's rows are consistent with each other and with the id syntax.</summary>
public sealed class ModelCatalogDataTests
{
    public static TheoryData<string> BaseIds => new(ModelCatalog.All.Select(model => model.BaseId));

    [Fact]
    public void Catalog_covers_every_family_of_the_brief()
    {
        string[] families =
        {
            "Claude 3", "Claude 3.5", "Claude 3.7", "Claude 4", "Claude 4.5", "Llama 3", "Llama 3.1", "Llama 3.2", "Llama 3.3",
            "Llama 4", "Mistral", "Mistral Large", "Mistral Small", "Pixtral", "Command R", "Titan Text", "Nova", "Nova 2",
            "Jamba 1.5", "Jamba", "DeepSeek", "Qwen3", "gpt-oss", "Gemma 3",
        };

        Assert.Empty(families.Except(ModelCatalog.All.Select(model => model.Family)));
    }

    [Fact]
    public void Base_ids_are_unique()
    {
        Assert.Equal(ModelCatalog.All.Count, ModelCatalog.All.Select(model => model.BaseId).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(BaseIds))]
    public void Row_is_well_formed(string baseId)
    {
        ModelInfo model = ModelCatalog.Find(baseId).Model!;

        Assert.True(ModelIdSyntax.IsWellFormed(model.BaseId));
        Assert.Null(ModelIdSyntax.SplitProfilePrefix(model.BaseId).ProfilePrefix);
        Assert.False(string.IsNullOrWhiteSpace(model.Source));
        Assert.False(string.IsNullOrWhiteSpace(model.Provider));
        Assert.False(string.IsNullOrWhiteSpace(model.DisplayName));
        Assert.True(model.ContextTokens >= 0 && model.MaxOutputTokens >= 0);
        Assert.True(model.ContextTokens == 0 || model.MaxOutputTokens <= model.ContextTokens);
        Assert.InRange(model.TemperatureMax, 0.0, 1.0);
        Assert.InRange(model.MaxStopSequences, 1, 2500);
        Assert.Equal(model.Modality == ModelModality.Chat, model.Supports(ModelCapabilities.Converse));
        if (model.Modality != ModelModality.Chat)
        {
            // Invoke-only models: no Converse capability, and that much is confirmed.
            Assert.Equal(ModelCapabilities.None, model.Capabilities);
            Assert.True(model.IsConfirmed(ModelCapabilities.Converse | ModelCapabilities.ConverseStream));
            Assert.Equal(0, model.MaxOutputTokens);
        }
        Assert.All(model.ProfilePrefixes, prefix => Assert.Contains(prefix, ModelIdSyntax.ProfilePrefixes));
        Assert.Equal(model.ProfilePrefixes.Count, model.ProfilePrefixes.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(BaseIds))]
    public void Dates_parse_and_agree_with_the_lifecycle(string baseId)
    {
        ModelInfo model = ModelCatalog.Find(baseId).Model!;
        DateTime asOf = Date(ModelCatalog.AsOf);

        if (model.LegacySince is { } legacy)
        {
            Date(legacy);
        }

        if (model.EndOfLife is { } endOfLife)
        {
            Assert.Equal(Date(endOfLife) <= asOf ? ModelLifecycle.EndOfLife : ModelLifecycle.Legacy, model.Lifecycle);
        }
        else if (model.Lifecycle == ModelLifecycle.EndOfLife)
        {
            // A retired model whose date no source read gives: allowed only when the row says so.
            Assert.Contains("EOL date not found", model.Source, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BaseIds))]
    public void Successor_is_a_catalog_model_that_is_not_itself_retired(string baseId)
    {
        ModelInfo model = ModelCatalog.Find(baseId).Model!;
        if (model.Successor is null)
        {
            return;
        }

        ModelInfo successor = ModelCatalog.Find(model.Successor).Model ?? throw new InvalidOperationException($"{model.Successor} is not in the catalog");
        Assert.NotEqual(ModelLifecycle.EndOfLife, successor.Lifecycle);
        Assert.NotEqual(model.BaseId, successor.BaseId);
    }

    [Theory]
    [MemberData(nameof(BaseIds))]
    public void Profile_only_models_name_their_profiles(string baseId)
    {
        ModelInfo model = ModelCatalog.Find(baseId).Model!;

        Assert.True(!model.RequiresInferenceProfile || model.ProfilePrefixes.Count > 0);
    }

    [Theory]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0", "2026-09-10")]
    [InlineData("anthropic.claude-3-5-haiku-20241022-v1:0", "2026-06-19")]
    [InlineData("cohere.command-r-plus-v1:0", "2026-08-19")]
    public void End_of_life_dates_of_the_spec_are_recorded(string baseId, string endOfLife)
    {
        ModelInfo model = ModelCatalog.Find(baseId).Model!;

        Assert.Equal((ModelLifecycle.EndOfLife, endOfLife), (model.Lifecycle, model.EndOfLife));
    }

    [Fact]
    public void Facts_the_spec_states_are_recorded()
    {
        ModelInfo haiku35 = ModelCatalog.Find("anthropic.claude-3-5-haiku-20241022-v1:0").Model!;
        Assert.False(haiku35.Supports(ModelCapabilities.Images));
        Assert.True(haiku35.IsConfirmed(ModelCapabilities.Images));

        ModelInfo titan = ModelCatalog.Find("amazon.titan-text-express-v1").Model!;
        Assert.False(titan.Supports(ModelCapabilities.SystemPrompt));
        Assert.True(titan.IsConfirmed(ModelCapabilities.SystemPrompt | ModelCapabilities.ToolUse));

        Assert.All(
            ModelCatalog.All.Where(model => model.Family is "Claude 4" or "Claude 4.5"),
            model => Assert.True(model.RequiresInferenceProfile, model.BaseId));
        Assert.All(
            ModelCatalog.All.Where(model => model.Family == "Claude 4.5"),
            model => Assert.True(model.Supports(ModelCapabilities.NativeStructuredOutput) && model.IsConfirmed(ModelCapabilities.NativeStructuredOutput)));

        ModelInfo micro = ModelCatalog.Find("amazon.nova-micro-v1:0").Model!;
        Assert.False(micro.Supports(ModelCapabilities.Images | ModelCapabilities.Documents | ModelCapabilities.Video));
        Assert.True(micro.IsConfirmed(ModelCapabilities.Images | ModelCapabilities.Documents | ModelCapabilities.Video)); // text only
    }

    [Theory]
    [InlineData("stability.sd3-5-large-v1:0", "Image")]
    [InlineData("stability.stable-image-core-v1:1", "Image")]
    [InlineData("stability.stable-image-ultra-v1:1", "Image")]
    [InlineData("amazon.nova-canvas-v1:0", "Image")]
    [InlineData("amazon.titan-image-generator-v2:0", "Image")]
    [InlineData("amazon.titan-embed-text-v2:0", "Embedding")]
    [InlineData("cohere.embed-english-v3", "Embedding")]
    [InlineData("cohere.embed-multilingual-v3", "Embedding")]
    [InlineData("cohere.embed-v4:0", "Embedding")]
    [InlineData("amazon.nova-2-multimodal-embeddings-v1:0", "Embedding")]
    public void Image_and_embedding_models_of_issue_17_are_catalogued_with_their_modality(string baseId, string modality)
    {
        ModelInfo model = ModelCatalog.Find(baseId).Model!;

        Assert.Equal(modality, model.Modality.ToString());
        Assert.Contains("docs.aws.amazon.com", model.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Retired_image_models_are_end_of_life()
    {
        // The Titan Image Generator G1 v2 model card: EOL June 30, 2026. Nova Canvas: EOL 2026-09-30 (quoted, unconfirmed).
        ModelInfo titan = ModelCatalog.Find("amazon.titan-image-generator-v2:0").Model!;
        ModelInfo canvas = ModelCatalog.Find("amazon.nova-canvas-v1:0").Model!;

        Assert.Equal((ModelLifecycle.EndOfLife, "2026-06-30"), (titan.Lifecycle, titan.EndOfLife));
        Assert.Equal((ModelLifecycle.EndOfLife, "2026-09-30"), (canvas.Lifecycle, canvas.EndOfLife));
    }

    [Theory]
    [InlineData("meta.llama3-1-70b-instruct-v1:0")]
    [InlineData("mistral.mistral-large-2407-v1:0")]
    [InlineData("cohere.command-r-v1:0")]
    public void Rows_the_spec_marks_with_a_dagger_confirm_nothing(string baseId)
    {
        Assert.Equal(ModelCapabilities.All, ModelCatalog.Find(baseId).Model!.Unconfirmed);
    }

    private static DateTime Date(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
