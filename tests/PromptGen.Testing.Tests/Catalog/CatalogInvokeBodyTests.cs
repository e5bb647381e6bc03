using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>
/// Every row's InvokeModel body follows one rule, built-in or a project's (<see cref="InvokeModelFamilies.For"/>): the
/// body its file states as <c>invokeBody</c>, else the one its id's prefix names, for an image or embedding row. The
/// emulator serves a model a project's file adds with that body.
/// </summary>
public sealed class CatalogInvokeBodyTests : IDisposable
{
    private const string TitanV3 = """
        {
          "asOf": "2026-12-01",
          "models": [
            {
              "id": "amazon.titan-embed-text-v3:0", "provider": "Amazon", "family": "Titan Text Embeddings", "name": "Titan Text Embeddings V3",
              "modality": "embedding", "invokeBody": "titanTextEmbeddingsV2",
              "limits": { "contextTokens": 8192, "maxOutputTokens": 0 },
              "lifecycle": { "status": "active" },
              "capabilities": [],
              "source": "a test's override"
            }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("promptgen-body-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_built_in_image_and_embedding_row_has_the_body_its_prefix_names_and_chat_rows_none()
    {
        foreach (ModelInfo row in ModelCatalog.All)
        {
            if (row.Modality == ModelModality.Chat)
            {
                Assert.True(row.Body is null, $"{row.BaseId} is a chat model with a body");
                continue;
            }

            Assert.True(row.Body is { } body && body.Modality() == row.Modality, $"{row.BaseId} has no {row.Modality} body");
            Assert.Equal(InvokeModelFamilies.ByBaseId(row.BaseId), row.Body);
        }
    }

    [Fact]
    public void A_file_states_the_body_of_an_id_no_prefix_names_and_an_id_a_prefix_names_takes_that_one()
    {
        CatalogFileContent stated = CatalogFile.Read(TitanV3, ModelCatalog.BuiltIn.Row);
        CatalogFileContent byPrefix = CatalogFile.Read(
            TitanV3.Replace("amazon.titan-embed-text-v3:0", "amazon.titan-embed-text-v2:9", StringComparison.Ordinal).Replace("\"invokeBody\": \"titanTextEmbeddingsV2\",", string.Empty, StringComparison.Ordinal),
            ModelCatalog.BuiltIn.Row);
        CatalogFileContent unstated = CatalogFile.Read(TitanV3.Replace("\"invokeBody\": \"titanTextEmbeddingsV2\",", string.Empty, StringComparison.Ordinal), ModelCatalog.BuiltIn.Row);

        Assert.Equal(InvokeModelFamily.TitanTextEmbeddingsV2, Assert.Single(stated.Models).Body);
        Assert.Equal(InvokeModelFamily.TitanTextEmbeddingsV2, Assert.Single(byPrefix.Models).Body);
        Assert.Null(Assert.Single(unstated.Models).Body);
        ModelTable merged = ModelCatalog.BuiltIn.With(stated.Models);
        Assert.Equal(InvokeModelFamily.TitanTextEmbeddingsV2, InvokeModelFamilies.For("amazon.titan-embed-text-v3:0", merged));
        Assert.Null(InvokeModelFamilies.For("amazon.titan-embed-text-v3:0", ModelCatalog.BuiltIn));
        Assert.Equal(InvokeModelFamily.StableImage, InvokeModelFamilies.For("stability.stable-image-ultra-v9:0", ModelCatalog.BuiltIn)); // no row: its prefix
        Assert.Null(InvokeModelFamilies.For("us.amazon.nova-lite-v1:0", ModelCatalog.BuiltIn));
    }

    [Theory]
    [InlineData("amazon.titan-embed-text-v3:0", "embedding", "\"titanEmbeddings\"", "'invokeBody' must be one of: titanTextEmbeddingsV2, cohereEmbedV3")]
    [InlineData("cohere.embed-v4:1", "embedding", "\"cohereEmbedV3\"", "'cohere.embed-v4:1' is a Cohere Embed v4 id, whose body is 'cohereEmbedV4'")]
    [InlineData("amazon.titan-embed-text-v3:0", "image", "\"titanTextEmbeddingsV2\"", "is the body of an embedding model, but the model's modality is image")]
    [InlineData("cohere.embed-v4:1", "chat", "null", "'cohere.embed-v4:1' is a Cohere Embed v4 id, an embedding model; write \"modality\": \"embedding\"")]
    public void A_body_that_contradicts_the_id_or_the_modality_is_a_fault(string id, string modality, string body, string message)
    {
        string text = TitanV3
            .Replace("amazon.titan-embed-text-v3:0", id, StringComparison.Ordinal)
            .Replace("\"modality\": \"embedding\"", $"\"modality\": \"{modality}\"", StringComparison.Ordinal)
            .Replace("\"invokeBody\": \"titanTextEmbeddingsV2\",", body == "null" ? string.Empty : $"\"invokeBody\": {body},", StringComparison.Ordinal);

        CatalogFileContent content = CatalogFile.Read(text, ModelCatalog.BuiltIn.Row);

        Assert.Empty(content.Models);
        Assert.Contains(content.Errors, error => error.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_emulator_serves_a_model_the_file_adds_with_the_body_its_row_states()
    {
        const string Body = """{"inputText":"hello","dimensions":256,"normalize":true}""";
        await using (BedrockEmulator builtIn = await BedrockEmulator.StartAsync())
        {
            using HttpResponseMessage refused = await Invoke.Invoke.SendAsync(builtIn, "amazon.titan-embed-text-v3:0", Body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        string path = Path.Combine(_directory, "promptgen.models.json");
        File.WriteAllText(path, TitanV3);
        var options = new BedrockEmulatorOptions();
        options.ModelCatalogFiles.Add(path);
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(options);

        JsonElement answer = await Invoke.Invoke.OkAsync(emulator, "amazon.titan-embed-text-v3:0", Body);

        Assert.Equal(256, answer.GetProperty("embedding").GetArrayLength());
    }
}
