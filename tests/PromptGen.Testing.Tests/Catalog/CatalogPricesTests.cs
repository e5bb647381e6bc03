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

/// <summary>
/// Prices in the catalog's data: the schema and the generator's reader agree on what a price is (a region,
/// endpoints, a day, a source and at least one rate, every rate a USD amount of 0 or more), an override's prices replace
/// a model's, and docs/models.md shows them. Test figures, not AWS's.
/// </summary>
public sealed class CatalogPricesTests
{
    private const string Priced = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.nova-lite-v1:0",
              "prices": [
                { "region": "us-east-1", "endpoints": ["inRegion", "geo"], "inputPerMillion": 0.25, "outputPerMillion": 1.5, "cacheReadPerMillion": 0.025, "batchInputPerMillion": 0.125, "batchOutputPerMillion": 0.75, "asOf": "2026-12-01", "source": "https://example.test/prices" }
              ]
            },
            {
              "id": "amazon.nova-canvas-v1:0",
              "prices": [ { "region": "us-east-1", "endpoints": ["inRegion"], "perImage": 0.07, "asOf": "2026-12-01", "source": "https://example.test/prices" } ]
            }
          ]
        }
        """;

    private static Lazy<JsonSchema> Schema => CatalogFileTests.Schema;

    // The schema describes whole rows (an override's partial rows are the reader's to judge), so the schema checks run
    // on the built-in rows with the prices added.
    private static JsonElement WholeRows(string file)
    {
        JsonNode catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "PromptGen.Generators", "Catalog", "models.json")))!;
        JsonArray rows = catalog["models"]!.AsArray();
        var priced = new JsonArray();
        foreach (JsonNode? row in JsonNode.Parse(file)!["models"]!.AsArray())
        {
            JsonNode whole = rows.Single(r => (string?)r!["id"] == (string?)row!["id"])!.DeepClone();
            whole["prices"] = row!["prices"]!.DeepClone();
            priced.Add(whole);
        }

        return JsonDocument.Parse(new JsonObject { ["asOf"] = "2026-12-01", ["models"] = priced }.ToJsonString()).RootElement;
    }

    [Fact]
    public void An_override_with_prices_is_valid_and_reads_to_exact_amounts()
    {
        Assert.True(Schema.Value.Evaluate(WholeRows(Priced)).IsValid);

        CatalogFileContent content = CatalogFile.Read(Priced, ModelCatalog.BuiltIn.Row);

        Assert.Empty(content.Errors);
        ModelPrice lite = Assert.Single(content.Models[0].Prices);
        Assert.Equal(new ModelPrice("us-east-1", lite.Endpoints, 0.25m, 1.5m, 0.025m, null, 0.125m, 0.75m, null, "2026-12-01", "https://example.test/prices"), lite);
        Assert.Equal(new[] { "inRegion", "geo" }, lite.Endpoints);
        Assert.Equal(0.07m, Assert.Single(content.Models[1].Prices).PerImage);
        Assert.Equal(ModelCatalog.Find("amazon.nova-lite-v1:0").Model!.MaxOutputTokens, content.Models[0].MaxOutputTokens); // other facts kept
    }

    [Theory]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 1, "asOf": "2026-12-01" }""", "'source' is required here")]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": -1, "asOf": "2026-12-01", "source": "s" }""", "'inputPerMillion' must be a number of USD, 0 or more")]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": "1", "asOf": "2026-12-01", "source": "s" }""", "'inputPerMillion' must be a number of USD, 0 or more")]
    [InlineData("""{ "region": "us-east-1", "endpoints": [], "inputPerMillion": 1, "asOf": "2026-12-01", "source": "s" }""", "'endpoints' must be a non-empty array")]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo", "geo"], "inputPerMillion": 1, "asOf": "2026-12-01", "source": "s" }""", "each of 'endpoints' must be a distinct one of")]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo"], "asOf": "2026-12-01", "source": "s" }""", "a price needs at least one rate")]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 1, "asOf": "2026-12-01", "source": "s", "currency": "EUR" }""", "'currency' is not a price field")]
    [InlineData("""{ "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": 1, "asOf": "Dec 1", "source": "s" }""", "'asOf' must be a date written yyyy-MM-dd")]
    public void A_price_the_schema_refuses_is_a_located_fault_of_the_reader(string price, string message)
    {
        string file = $$"""{ "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-lite-v1:0", "prices": [ {{price}} ] } ] }""";

        Assert.False(Schema.Value.Evaluate(WholeRows(file)).IsValid);
        CatalogFileContent content = CatalogFile.Read(file, ModelCatalog.BuiltIn.Row);

        Assert.Empty(content.Models);
        CatalogFileError error = Assert.Single(content.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 60, $"column {error.Column}"); // inside the price, not at the file's start
    }

    [Fact]
    public void A_rate_written_minus_zero_is_zero_for_the_generator_and_the_runtime_alike()
    {
        const string File = """{ "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-lite-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["geo"], "inputPerMillion": -0, "outputPerMillion": -0.0, "asOf": "2026-12-01", "source": "s" } ] } ] }""";

        CatalogFileContent content = CatalogFile.Read(File, ModelCatalog.BuiltIn.Row);
        PromptGen.Pricing.ModelPrice runtime = Assert.Single(PromptGen.Pricing.ModelPriceReader.Read(File)["amazon.nova-lite-v1:0"]);

        Assert.Empty(content.Errors);
        ModelPrice generator = Assert.Single(Assert.Single(content.Models).Prices);
        Assert.Equal((0m, 0m), (generator.InputPerMillion, generator.OutputPerMillion));
        Assert.Equal((generator.InputPerMillion, generator.OutputPerMillion), (runtime.InputPerMillion, runtime.OutputPerMillion));
        Assert.Equal("0", generator.InputPerMillion!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_override_without_prices_keeps_the_model_prices_and_one_with_prices_replaces_them()
    {
        ModelTable priced = ModelCatalog.BuiltIn.With(CatalogFile.Read(Priced, ModelCatalog.BuiltIn.Row).Models);

        ModelInfo limited = Assert.Single(CatalogFile.Read("""{ "asOf": "2026-12-02", "models": [ { "id": "amazon.nova-lite-v1:0", "limits": { "maxOutputTokens": 1000 } } ] }""", priced.Row).Models);
        ModelInfo cleared = Assert.Single(CatalogFile.Read("""{ "asOf": "2026-12-02", "models": [ { "id": "amazon.nova-lite-v1:0", "prices": [] } ] }""", priced.Row).Models);

        Assert.Equal(0.25m, Assert.Single(limited.Prices).InputPerMillion);
        Assert.Empty(cleared.Prices);
    }

    [Fact]
    public void The_models_page_shows_every_price_with_its_day_and_source()
    {
        ModelInfo[] models = CatalogFile.Read(Priced, ModelCatalog.BuiltIn.Row).Models.ToArray();

        string table = ModelsDocument.PriceTable(models);

        Assert.Contains("| `amazon.nova-lite-v1:0` | us-east-1 | inRegion, geo | $0.25 | $1.5 | $0.025 | — | $0.125 | $0.75 | — | 2026-12-01 | https://example.test/prices |", table, StringComparison.Ordinal);
        Assert.Contains("| `amazon.nova-canvas-v1:0` | us-east-1 | inRegion | — | — | — | — | — | — | $0.07 | 2026-12-01 | https://example.test/prices |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_prices_name_their_source_and_day()
    {
        // Whatever prices the built-in catalog holds were read from AWS's pages on a day no later than the catalog's.
        foreach ((ModelInfo model, ModelPrice price) in ModelCatalog.All.SelectMany(model => model.Prices.Select(price => (model, price))))
        {
            Assert.StartsWith("https://aws.amazon.com/", price.Source, StringComparison.Ordinal);
            Assert.True(string.CompareOrdinal(price.AsOf, ModelCatalog.AsOf) <= 0, $"{model.BaseId}: price of {price.AsOf} after the catalog's {ModelCatalog.AsOf}");
        }
    }
}
