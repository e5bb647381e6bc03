using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PromptGen.Playground.Tests;

/// <summary>
/// A method returning <c>ResultStream&lt;T, TPartial&gt;</c> in the playground: its partial values stream as the
/// model writes the JSON, then the typed result with its attempts and usage.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundPartialResultTests
{
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    private readonly PlaygroundHost _host;

    public PlaygroundPartialResultTests(PlaygroundHost host) => _host = host;

    [Fact]
    public async Task The_api_streams_partial_values_as_members_complete_then_the_typed_result()
    {
        _host.Emulator.Script.When(model: Haiku, promptContains: "Plan the launch of Kettle One")
            .Stream(chunkSize: 5)
            .ReplyJson("""{"name":"Kettle One launch","steps":[{"title":"Teaser","days":3},{"title":"Beta","days":10}]}""");
        using JsonDocument methods = JsonDocument.Parse(await _host.Client.GetStringAsync("/lab/api/methods"));
        JsonElement plan = methods.RootElement.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "PlanLaunchAsync");
        Assert.True(plan.GetProperty("streams").GetBoolean());
        Assert.True(plan.GetProperty("streamsPartials").GetBoolean());
        Assert.Equal("PromptGen.Playground.Tests.LaunchPlan", plan.GetProperty("resultType").GetString());

        using var body = new StringContent($$$"""{"method":"{{{plan.GetProperty("id").GetString()}}}","arguments":{"product":"Kettle One"}}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _host.Client.PostAsync("/lab/api/stream", body);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        List<(string Name, string Data)> events = ReadEvents(await response.Content.ReadAsStringAsync());

        List<string> partials = events.Where(e => e.Name == "partial").Select(e => e.Data).ToList();
        Assert.Equal("done", events[^1].Name);
        Assert.Equal(events.Count - 1, partials.Count);
        // The values grow in the order the model writes them: the name first (the steps not yet there), then whole
        // steps one by one; each value is the partial type written as JSON, a member null until complete.
        int named = partials.FindIndex(p => Value(p) == """{"name":"Kettle One launch","steps":null}""");
        int oneStep = partials.FindIndex(p => Value(p) == """{"name":"Kettle One launch","steps":[{"title":"Teaser","days":3}]}""");
        int twoSteps = partials.FindIndex(p => Value(p) == """{"name":"Kettle One launch","steps":[{"title":"Teaser","days":3},{"title":"Beta","days":10}]}""");
        Assert.True(named >= 0 && named < oneStep && oneStep < twoSteps, "partials: " + string.Join("\n", partials));
        Assert.All(partials, p => Assert.Equal(1, JsonDocument.Parse(p).RootElement.GetProperty("attempt").GetInt32()));

        using JsonDocument done = JsonDocument.Parse(events[^1].Data);
        JsonElement result = done.RootElement.GetProperty("result");
        Assert.Equal("Kettle One launch", result.GetProperty("name").GetString());
        Assert.Equal(new[] { "Teaser", "Beta" }, result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(Haiku, done.RootElement.GetProperty("model").GetString());
        Assert.Single(done.RootElement.GetProperty("attempts").EnumerateArray());
        Assert.True(done.RootElement.GetProperty("usage").GetProperty("outputTokens").GetInt32() > 0);
        Assert.Contains("Kettle One launch", done.RootElement.GetProperty("rawText").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_arguments_to_a_partial_stream_are_a_400_naming_the_path()
    {
        using JsonDocument methods = JsonDocument.Parse(await _host.Client.GetStringAsync("/lab/api/methods"));
        string id = methods.RootElement.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "PlanLaunchAsync").GetProperty("id").GetString()!;

        using var body = new StringContent($$$"""{"method":"{{{id}}}","arguments":{"product":[1]}}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _host.Client.PostAsync("/lab/api/stream", body);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(error.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == "$.product");
    }

    [Fact]
    public async Task The_page_shows_the_partial_values_growing_then_the_typed_result()
    {
        _host.Emulator.Script.When(model: Haiku, promptContains: "Plan the launch of Solar Lamp")
            .Stream(chunkSize: 4, eventDelay: System.TimeSpan.FromMilliseconds(10))
            .ReplyJson("""{"name":"Solar Lamp launch","steps":[{"title":"Press kit","days":5},{"title":"Preorders","days":14}]}""");
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "PlanLaunchAsync" }).ClickAsync();
        await Expect(page.Locator("#method-meta")).ToContainTextAsync("(streamed) as partial values");
        await page.Locator("[data-path='product']").FillAsync("Solar Lamp");
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("Plan the launch of Solar Lamp");

        await page.Locator("#run").ClickAsync();
        ILocator run = page.Locator("#runs .run");
        await Expect(run.Locator(".status")).ToHaveTextAsync("Done.");

        // Every partial value the page received, in order: the name alone, then the steps as each completes.
        ILocator partials = run.Locator(".partials li");
        Assert.True(await partials.CountAsync() >= 3, "partial values shown: " + await partials.CountAsync());
        IReadOnlyList<string> shown = await partials.AllTextContentsAsync();
        int named = shown.ToList().IndexOf("""{"name":"Solar Lamp launch","steps":null}""");
        int oneStep = shown.ToList().IndexOf("""{"name":"Solar Lamp launch","steps":[{"title":"Press kit","days":5}]}""");
        Assert.True(named >= 0 && named < oneStep, "partial values shown: " + string.Join("\n", shown));
        await Expect(run.Locator(".partial-count")).ToHaveTextAsync(shown.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Then the validated, typed result, with its attempt and usage.
        await Expect(run.Locator(".result")).ToContainTextAsync("\"title\": \"Preorders\"");
        await Expect(run.Locator(".result")).ToContainTextAsync("\"name\": \"Solar Lamp launch\"");
        await Expect(run.Locator(".stream-output")).ToContainTextAsync("\"days\": 14");
        await Expect(run.Locator(".attempts li")).ToHaveCountAsync(1);
        await Expect(run.Locator(".usage")).ToContainTextAsync("tokens");
        await Expect(page.Locator("#history li")).ToContainTextAsync("PlanLaunchAsync");

        byte[] screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await System.IO.File.WriteAllBytesAsync(System.IO.Path.Combine(PlaygroundHost.ArtifactsFolder, "playground-partials.png"), screenshot);
        await page.Context.CloseAsync();
    }

    private static string Value(string data)
    {
        using JsonDocument partial = JsonDocument.Parse(data);
        return partial.RootElement.GetProperty("value").GetRawText();
    }

    private static List<(string Name, string Data)> ReadEvents(string stream) =>
        stream.Split("\n\n", System.StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (lines.Single(l => l.StartsWith("event: ", System.StringComparison.Ordinal))[7..], lines.Single(l => l.StartsWith("data: ", System.StringComparison.Ordinal))[6..]))
            .ToList();
}
