using System;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PromptGen.Playground.Tests;

/// <summary>A media parameter in the page: a file picker whose file is sent as {"format","base64"} and shown in the request body.</summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundMediaTests
{
    private const string Haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    // The smallest PNG: a 1x1 transparent pixel.
    private const string PixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private readonly PlaygroundHost _host;

    public PlaygroundMediaTests(PlaygroundHost host) => _host = host;

    [Fact]
    public async Task A_picked_image_is_sent_as_its_image_block_and_the_method_runs()
    {
        _host.Emulator.Script.When(model: Haiku, promptContains: "Describe the photo for kids").ReplyText("A tiny transparent pixel.");
        IPage page = await _host.NewPageAsync();
        await page.GotoAsync("/lab/");
        await page.GetByRole(AriaRole.Button, new() { Name = "DescribeAsync" }).ClickAsync();
        ILocator photo = page.Locator("[data-path='photo']");
        await Expect(photo).ToHaveAttributeAsync("type", "file");
        // No file yet: the page asks for one before anything is sent.
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.photo: choose a file");

        await page.Locator("[data-path='audience']").FillAsync("kids");
        await photo.SetInputFilesAsync(new FilePayload { Name = "pixel.png", MimeType = "image/png", Buffer = Convert.FromBase64String(PixelPng) });
        await Expect(page.Locator("#validation")).ToBeHiddenAsync();
        await Expect(page.Locator("#preview-user")).ToHaveTextAsync("Describe the photo for kids");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("\"format\": \"png\"");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync(PixelPng);

        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#runs .run .status")).ToHaveTextAsync("Done.");
        await Expect(page.Locator("#runs .run .result")).ToHaveTextAsync("\"A tiny transparent pixel.\"");

        // A file that is no image Bedrock takes: the server's message, by path.
        await photo.SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Expect(page.Locator("#validation")).ToContainTextAsync("$.photo.format");
        await page.Context.CloseAsync();
    }
}
