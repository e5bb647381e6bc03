using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace PromptGen.Tests.DependencyInjection;

/// <summary>
/// <c>PromptGen:ModelCatalogFiles</c> in configuration (a JSON array, so keys <c>:0</c>, <c>:1</c>, …) becomes
/// <see cref="BedrockOptions.ModelCatalogFiles"/> in order, and the client built from the container reads those files.
/// </summary>
public sealed class ModelCatalogFilesConfigurationTests
{
    [Fact]
    public void The_files_are_bound_in_their_configured_order()
    {
        string[] files = Enumerable.Range(0, 12).Select(i => $"catalogs/c{i}.json").ToArray();
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration(
            $$"""{ "PromptGen": { "Region": "us-east-1", "ModelCatalogFiles": [ {{string.Join(", ", files.Select(file => "\"" + file + "\""))}} ] } }"""));
        services.AddPromptGen();
        using ServiceProvider provider = services.BuildServiceProvider();

        // Twelve entries: ":10" and ":11" come after ":9", not after ":1".
        Assert.Equal(files, provider.GetRequiredService<IOptions<BedrockOptions>>().Value.ModelCatalogFiles);
    }

    [Fact]
    public void Without_the_key_the_list_stays_empty_and_code_can_still_add_files()
    {
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration("""{ "PromptGen": { "Region": "us-east-1" } }"""));
        services.AddPromptGen(options => options.ModelCatalogFiles.Add("from-code.json"));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(new[] { "from-code.json" }, provider.GetRequiredService<IOptions<BedrockOptions>>().Value.ModelCatalogFiles);
    }

    [Fact]
    public void The_client_from_the_container_reads_a_configured_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"promptgen-configured-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "models": [ { "id": "amazon.nova-lite-v1:0", "prices": [ { "endpoints": ["geo"] } ] } ] }""");
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(EmulatorHost.Configuration(
                $$"""{ "PromptGen": { "Region": "us-east-1", "BearerToken": "test-token", "ModelCatalogFiles": [ {{System.Text.Json.JsonSerializer.Serialize(path)}} ] } }"""));
            services.AddPromptGen();
            using ServiceProvider provider = services.BuildServiceProvider();

            BedrockConfigurationException fault = Assert.Throws<BedrockConfigurationException>(() => provider.GetRequiredService<BedrockRuntimeClient>());

            Assert.Contains(path, fault.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
