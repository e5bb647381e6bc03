using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PromptGen.Playground.Tests;

/// <summary>The playground in a real browser: Debian's Chromium driven by Playwright, against the in-process emulator.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundBrowserTests
{
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string NovaLite = "us.amazon.nova-lite-v1:0";

    private readonly PlaygroundHost _host;

    public PlaygroundBrowserTests(PlaygroundHost host) => _host = host;

    [Fact]
    public async Task A_method_is_filled_in_previewed_as_it_changes_run_and_its_typed_result_and_usage_shown()
    {
        _host.Emulator.Script.When(model: Haiku, promptContains: "Triage this ticket: Charged twice: Order 1042")
            .ReplyJson("""{"team":"Billing","urgency":"High","confidence":0.92,"nextSteps":["Refund the duplicate charge"]}""");
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/playground");

        await page.GetByRole(AriaRole.Button, new() { Name = "TriageAsync" }).ClickAsync();
        await Expect(page.Locator("#method-title")).ToHaveTextAsync("AspNetApi.ITicketPrompts.TriageAsync");
        await Expect(page.Locator("#method-meta")).ToContainTextAsync("NativeSchema");
        // The form comes prefilled with example values, already rendered.
        await Expect(page.Locator("#preview-user")).ToContainTextAsync("Triage this ticket: Example title");

        await page.Locator("[data-path='ticket.title']").FillAsync("Charged twice");
        await page.Locator("[data-path='ticket.body']").FillAsync("Order 1042");
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("Triage this ticket: Charged twice: Order 1042");
        await Expect(page.Locator("#preview-system")).ToHaveTextAsync("You triage support tickets for a cloud hosting company.");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"text\": \"Triage this ticket: Charged twice: Order 1042\"");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"maxTokens\": 300");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("outputConfig");

        await page.Locator("#run").ClickAsync();
        ILocator run = page.Locator("#runs .run");
        await Expect(run.Locator(".status")).ToHaveTextAsync("Done.");
        await Expect(run.Locator(".result")).ToContainTextAsync("\"team\": \"Billing\"");
        await Expect(run.Locator(".result")).ToContainTextAsync("\"urgency\": \"High\"");
        await Expect(run.Locator(".raw")).ToContainTextAsync("Refund the duplicate charge");
        await Expect(run.Locator(".attempts li")).ToHaveCountAsync(1);
        await Expect(run.Locator(".usage")).ToContainTextAsync("tokens");
        await Expect(run.Locator(".latency")).ToContainTextAsync("ms");
        Assert.Matches(@"^\d+ in / \d+ out / \d+ total tokens$", await run.Locator(".usage").TextContentAsync());

        byte[] screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(PlaygroundHost.ArtifactsFolder, "playground.png"), screenshot);
        // The README's picture is this one: refreshed on purpose with PROMPTGEN_UPDATE_DOCS_SCREENSHOT=1.
        if (Environment.GetEnvironmentVariable("PROMPTGEN_UPDATE_DOCS_SCREENSHOT") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot(), "docs", "playground.png"), screenshot);
        }

        string html = await page.ContentAsync();
        Assert.DoesNotContain(_host.AccessKeyId, html, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.SecretAccessKey, html, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_streaming_method_shows_its_output_growing_then_the_whole_answer()
    {
        const string answer = "Hello Dana, we are sorry the login page keeps timing out. A fix ships tonight; until then, please use the mobile app.";
        _host.Emulator.Script.When(model: Haiku, promptContains: "Draft a reply to the customer who wrote: Login times out")
            .Stream(chunkSize: 6, eventDelay: TimeSpan.FromMilliseconds(40))
            .ReplyText(answer);
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/playground/");
        await page.GetByRole(AriaRole.Button, new() { Name = "DraftReplyAsync" }).ClickAsync();
        await Expect(page.Locator("#method-meta")).ToContainTextAsync("(streamed)");
        await page.Locator("[data-path='ticket.title']").FillAsync("Login times out");
        await page.Locator("[data-path='ticket.body']").FillAsync("Since the update");
        await Expect(page.Locator("#preview-user")).ToContainTextAsync("Login times out: Since the update");

        await page.Locator("#run").ClickAsync();
        ILocator output = page.Locator("#runs .run .stream-output");
        var seen = new List<int>();
        for (int i = 0; i < 400 && (seen.Count == 0 || seen[^1] < answer.Length); i++)
        {
            int length = ((await output.TextContentAsync()) ?? string.Empty).Length;
            if (seen.Count == 0 || seen[^1] != length)
            {
                seen.Add(length);
            }

            await Task.Delay(15);
        }

        // Partial texts were on the page before the whole answer: it grew as the deltas arrived.
        Assert.Contains(seen, length => length > 0 && length < answer.Length);
        Assert.True(seen.Count(length => length > 0 && length < answer.Length) >= 2, "lengths seen: " + string.Join(",", seen));
        await Expect(output).ToHaveTextAsync(answer);
        await Expect(page.Locator("#runs .run .status")).ToHaveTextAsync("Done.");
        await Expect(page.Locator("#runs .run .usage")).ToContainTextAsync("tokens");
        // Haiku has a price in the host's catalog file, and a stream's cost arrives with its last event.
        await Expect(page.Locator("#runs .run .cost")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\$0\.\d{6}$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Invalid_input_shows_a_validation_message_and_runs_nothing()
    {
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "NamesAsync" }).ClickAsync();
        await Expect(page.Locator("#preview-user")).ToContainTextAsync("List 1 Playful names");

        // Valid JSON of the wrong type: the generated argument parser refuses it, with the path.
        await page.Locator("[data-path='tags']").FillAsync("\"not a list\"");
        await Expect(page.Locator("#validation")).ToBeVisibleAsync();
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.tags");

        // Not JSON at all: the page says so before asking the server.
        await page.Locator("[data-path='tags']").FillAsync("[\"a\",");
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.tags: not valid JSON");

        // A required number left empty.
        await page.Locator("[data-path='tags']").FillAsync("[\"eco\"]");
        await page.Locator("[data-path='count']").FillAsync(string.Empty);
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.count: a number is required");
        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#runs .run")).ToHaveCountAsync(0);

        await page.Locator("[data-path='count']").FillAsync("3");
        await Expect(page.Locator("#validation")).ToBeHiddenAsync();
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("List 3 Playful names for a product tagged eco ");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_models_run_side_by_side_with_their_costs_and_the_run_is_kept_in_the_session_history()
    {
        // Haiku is priced by the host's catalog file ($2 in, $10 out per million): 1,000 in and 200 out cost
        // 0.002 + 0.002 = $0.004. Nova Lite has no price there, so its cost is unknown rather than zero.
        _host.Emulator.Script.When(model: Haiku, promptContains: "Say hello to Ada").Usage(input: 1_000, output: 200).ReplyText("Hello from Haiku, Ada!");
        _host.Emulator.Script.When(model: NovaLite, promptContains: "Say hello to Ada").ReplyText("Nova says hi to Ada.");
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "HelloAsync" }).ClickAsync();
        await page.Locator("[data-path='name']").FillAsync("Ada");
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("Say hello to Ada");
        await page.Locator("#compare-model").FillAsync(NovaLite);
        await page.Locator("#run-compare").ClickAsync();

        ILocator runs = page.Locator("#runs .run");
        await Expect(runs).ToHaveCountAsync(2);
        await Expect(runs.Nth(0).Locator(".result")).ToHaveTextAsync("\"Hello from Haiku, Ada!\"");
        await Expect(runs.Nth(0).Locator(".run-title")).ToHaveTextAsync(Haiku);
        await Expect(runs.Nth(1).Locator(".result")).ToHaveTextAsync("\"Nova says hi to Ada.\"");
        await Expect(runs.Nth(1).Locator(".run-title")).ToHaveTextAsync(NovaLite);
        await Expect(runs.Nth(0).Locator(".cost")).ToHaveTextAsync("$0.004000");
        await Expect(runs.Nth(1).Locator(".cost")).ToHaveTextAsync("unknown");

        // The history survives a reload of the tab, and brings the inputs back.
        await Expect(page.Locator("#history li")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Expect(page.Locator("#history li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#history li")).ToContainTextAsync("HelloAsync");
        await Expect(page.Locator("#history li .cost")).ToHaveTextAsync("cost $0.004000 | unknown");
        await page.Locator("#history li button").ClickAsync();
        await Expect(page.Locator("[data-path='name']")).ToHaveValueAsync("Ada");
        await Expect(page.Locator("#compare-model")).ToHaveValueAsync(NovaLite);
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("Say hello to Ada");
        await page.Context.CloseAsync();
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PromptGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PromptGen.sln not found above " + AppContext.BaseDirectory);
    }
}
