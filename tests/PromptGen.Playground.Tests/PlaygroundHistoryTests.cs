using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PromptGen.Playground.Tests;

/// <summary>A method with a conversation history in the playground: the turns typed as JSON, sent before the prompt.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundHistoryTests
{
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    private readonly PlaygroundHost _host;

    public PlaygroundHistoryTests(PlaygroundHost host) => _host = host;

    [Fact]
    public async Task The_history_is_typed_as_turns_previewed_before_the_prompt_and_run()
    {
        _host.Emulator.Script.When(model: Haiku, promptContains: "Does it come in blue?")
            .ReplyText("Yes, the Kettle One comes in blue.");
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "ChatAsync" }).ClickAsync();
        // The history's box comes prefilled with one user turn, already rendered before the prompt.
        await Expect(page.Locator("[data-path='history']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"role\": \"user\""));
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"role\": \"user\"");

        await page.Locator("[data-path='history']").FillAsync("""[{"role":"user","text":"I want the Kettle One."},{"role":"assistant","text":"Good choice! Anything else?"}]""");
        await page.Locator("[data-path='question']").FillAsync("Does it come in blue?");
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("Does it come in blue?");
        await Expect(page.Locator("#preview-system")).ToHaveTextAsync("You help shoppers.");
        // The exact body: the two turns, then the rendered prompt as the next user turn.
        string body = (await page.Locator("#preview-body").TextContentAsync())!;
        int first = body.IndexOf("I want the Kettle One.", System.StringComparison.Ordinal);
        int second = body.IndexOf("Good choice! Anything else?", System.StringComparison.Ordinal);
        int prompt = body.IndexOf("Does it come in blue?", System.StringComparison.Ordinal);
        Assert.True(first >= 0 && first < second && second < prompt, body);
        Assert.Equal(2, body.Split("\"role\": \"user\"").Length - 1);
        Assert.Equal(1, body.Split("\"role\": \"assistant\"").Length - 1);

        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#runs .run .status")).ToHaveTextAsync("Done.");
        await Expect(page.Locator("#runs .run .result")).ToHaveTextAsync("\"Yes, the Kettle One comes in blue.\"");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_history_that_starts_with_the_assistant_is_refused_at_its_path()
    {
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "ChatAsync" }).ClickAsync();
        await Expect(page.Locator("#preview-user")).Not.ToBeEmptyAsync();

        await page.Locator("[data-path='history']").FillAsync("""[{"role":"assistant","text":"Hello!"}]""");
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.history[0].role");
        await Expect(page.Locator("#validation")).ToContainTextAsync("starts with a user turn");

        await page.Locator("[data-path='history']").FillAsync("""[{"role":"user","text":"Hi"},{"role":"robot","text":"?"}]""");
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.history[1].role");
        await page.Context.CloseAsync();
    }
}
