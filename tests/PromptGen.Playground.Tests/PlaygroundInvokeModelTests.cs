using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PromptGen.Playground.Tests;

/// <summary>InvokeModel methods in the playground: an embedding's body previewed and its vectors summarized, an image shown.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundInvokeModelTests
{
    private readonly PlaygroundHost _host;

    public PlaygroundInvokeModelTests(PlaygroundHost host) => _host = host;

    [Fact]
    public async Task The_api_previews_the_invoke_model_body_and_runs_it_to_a_vector_summary()
    {
        using JsonDocument methods = JsonDocument.Parse(await _host.Client.GetStringAsync("/lab/api/methods"));
        JsonElement embed = methods.RootElement.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "EmbedAsync");
        Assert.Equal("InvokeModel", embed.GetProperty("operation").GetString());
        string id = embed.GetProperty("id").GetString()!;

        using JsonDocument preview = await PostAsync("/lab/api/preview", id, """{"text":"A kettle that boils fast."}""");
        Assert.Equal("A kettle that boils fast.", preview.RootElement.GetProperty("requestBody").GetProperty("inputText").GetString());
        Assert.Equal(256, preview.RootElement.GetProperty("requestBody").GetProperty("dimensions").GetInt32());

        using JsonDocument run = await PostAsync("/lab/api/run", id, """{"text":"A kettle that boils fast."}""");
        JsonElement result = run.RootElement.GetProperty("result");
        Assert.Equal(1, result.GetProperty("count").GetInt32());
        JsonElement vector = Assert.Single(result.GetProperty("vectors").EnumerateArray());
        Assert.Equal(256, vector.GetProperty("dimensions").GetInt32());
        Assert.Equal(8, vector.GetProperty("head").GetArrayLength());
        Assert.True(vector.GetProperty("norm").GetDouble() > 0);
        Assert.Equal("amazon.titan-embed-text-v2:0", run.RootElement.GetProperty("model").GetString());
        Assert.True(run.RootElement.GetProperty("usage").GetProperty("inputTokens").GetInt32() > 0);
    }

    [Fact]
    public async Task The_page_shows_the_invoke_model_body_and_the_summary()
    {
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "EmbedAsync" }).ClickAsync();
        await page.Locator("[data-path='text']").FillAsync("Blue kettle");
        await Expect(page.Locator("#preview-target")).ToHaveTextAsync("InvokeModel, amazon.titan-embed-text-v2:0");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"inputText\": \"Blue kettle\"");
        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#runs .run .status")).ToHaveTextAsync("Done.");
        await Expect(page.Locator("#runs .run .result")).ToContainTextAsync("\"dimensions\": 256");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_image_method_shows_its_invoke_model_body_and_the_generated_image()
    {
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "LogoAsync" }).ClickAsync();
        await page.Locator("[data-path='brand']").FillAsync("Acme");
        await Expect(page.Locator("#preview-target")).ToHaveTextAsync("InvokeModel, stability.stable-image-core-v1:1");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"prompt\": \"A logo for Acme\"");
        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#runs .run .status")).ToHaveTextAsync("Done.");
        ILocator image = page.Locator("#runs .run .images img");
        await Expect(image).ToHaveCountAsync(1);
        // The emulator's answer decodes as a real image in the browser.
        Assert.True(await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(done => img.onload = () => done(img.naturalWidth))") > 0);
        await Expect(page.Locator("#runs .run .result")).ToContainTextAsync("base64 characters)");
        await page.Context.CloseAsync();
    }

    private async Task<JsonDocument> PostAsync(string path, string id, string arguments)
    {
        using var body = new StringContent($$"""{"method":"{{id}}","arguments":{{arguments}}}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _host.Client.PostAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
