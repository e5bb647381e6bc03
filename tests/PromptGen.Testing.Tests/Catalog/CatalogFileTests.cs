using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>The catalog data file: valid against its schema, read whole, and faults in it reported with their place.</summary>
public sealed class CatalogFileTests
{
    private static string CatalogPath => Path.Combine(Repository.Root, "src", "PromptGen.Generators", "Catalog", "models.json");

    // JsonSchema.Net registers a schema by its $id once per process, so the tests share one instance.
    internal static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static string SchemaPath => Path.Combine(Repository.Root, "src", "PromptGen.Generators", "Catalog", "models.schema.json");

    [Fact]
    public void Data_file_validates_against_its_schema()
    {
        JsonSchema schema = Schema.Value;
        JsonElement catalog = JsonDocument.Parse(File.ReadAllText(CatalogPath)).RootElement;

        EvaluationResults results = schema.Evaluate(catalog, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(
            results.IsValid,
            string.Join("\n", (results.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(detail => detail.Errors is not null).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"))));
    }

    [Fact]
    public void Schema_refuses_a_row_missing_a_fact()
    {
        JsonSchema schema = Schema.Value;
        JsonNode catalog = JsonNode.Parse(File.ReadAllText(CatalogPath))!;
        ((JsonObject)catalog["models"]![0]!).Remove("limits");

        Assert.False(schema.Evaluate(JsonDocument.Parse(catalog.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Embedded_catalog_is_the_file_in_the_repository()
    {
        Assert.Equal(File.ReadAllText(CatalogPath), ModelCatalog.ReadEmbeddedText());
    }

    [Fact]
    public void Data_file_reads_without_a_fault_and_keeps_every_row()
    {
        CatalogFileContent content = CatalogFile.Read(File.ReadAllText(CatalogPath));

        Assert.Empty(content.Errors);
        Assert.Equal(JsonNode.Parse(File.ReadAllText(CatalogPath))!["models"]!.AsArray().Count, content.Models.Count);
        Assert.Equal(content.AsOf, ModelCatalog.AsOf);
    }

    [Fact]
    public void Row_facts_survive_the_file()
    {
        ModelInfo haiku = ModelCatalog.Find("us.anthropic.claude-haiku-4-5-20251001-v1:0").Model!;

        Assert.Equal(("Anthropic", ModelModality.Chat, true), (haiku.Provider, haiku.Modality, haiku.RequiresInferenceProfile));
        Assert.Contains("us", haiku.ProfilePrefixes);
        Assert.True(haiku.Supports(ModelCapabilities.Converse | ModelCapabilities.ToolUse));
        Assert.True(haiku.ContextTokens > 0 && haiku.MaxOutputTokens > 0);
    }

    [Theory]
    [InlineData("{\"asOf\":\"2026-01-01\",\"models\":[", 1, 32, "not valid JSON")]
    [InlineData("[]", 1, 1, "must be a JSON object")]
    [InlineData("{\"asOf\":\"2026-13-01\",\"models\":[]}", 1, 9, "'asOf' must be a date")]
    [InlineData("{\"asOf\":\"2026-01-01\"}", 1, 1, "needs a 'models' array")]
    [InlineData("{\"asOf\":\"2026-01-01\",\"models\":[{\"id\":\"us.acme.model-v1:0\"}]}", 1, 38, "is not a base model id")]
    [InlineData("{\"asOf\":\"2026-01-01\",\"models\":[{\"id\":\"acme.model-v1:0\"}]}", 1, 32, "'provider' is required")]
    [InlineData("{\"asOf\":\"2026-01-01\",\"models\":[{\"id\":\"acme.model-v1:0\",\"limits\":{\"contextTokens\":-5}}]}", 1, 82, "'contextTokens' must be a whole number")]
    [InlineData("{\"asOf\":\"2026-01-01\",\"models\":[{\"id\":\"acme.model-v1:0\",\"colour\":1}]}", 1, 65, "'colour' is not a model field")]
    public void Faults_are_reported_where_they_are(string text, int line, int column, string message)
    {
        CatalogFileContent content = CatalogFile.Read(text);

        CatalogFileError error = Assert.Single(content.Errors, error => error.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void An_override_gives_only_the_facts_it_changes()
    {
        const string Override = """
            {
              "asOf": "2026-12-01",
              "models": [
                { "id": "amazon.nova-lite-v1:0", "limits": { "maxOutputTokens": 1000 } }
              ]
            }
            """;
        ModelInfo original = ModelCatalog.Find("amazon.nova-lite-v1:0").Model!;

        CatalogFileContent content = CatalogFile.Read(Override, ModelCatalog.BuiltIn.Row);

        Assert.Empty(content.Errors);
        ModelInfo changed = Assert.Single(content.Models);
        Assert.Equal(original with { MaxOutputTokens = 1000 }, changed);
    }

    [Fact]
    public void A_new_model_needs_every_required_fact()
    {
        CatalogFileContent content = CatalogFile.Read("""{ "asOf": "2026-12-01", "models": [ { "id": "acme.brand-new-v1:0", "provider": "Acme" } ] }""", ModelCatalog.BuiltIn.Row);

        Assert.Empty(content.Models);
        Assert.Equal(
            new[] { "'family' is required here", "'name' is required here", "'limits' is required here", "'lifecycle' is required here", "'capabilities' is required here", "'source' is required here" },
            content.Errors.Select(error => error.Message));
    }
}
