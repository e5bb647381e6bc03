using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests.Invoke;

/// <summary>A scripted content filter answers as each model answers one: a ValidationException, Stability's finish reasons, Converse's stop reason.</summary>
public sealed class ContentFilterTests
{
    [Theory]
    [InlineData(ContentFilterStage.Prompt, "This request has been blocked by our content filters. Please adjust your prompt and try again.")]
    [InlineData(ContentFilterStage.Output, "The generated image has been blocked by our content filters. Please adjust your prompt and try again.")]
    public async Task Nova_canvas_and_titan_refuse_with_a_validation_exception(ContentFilterStage stage, string message)
    {
        await using BedrockEmulator emulator = await Invoke.StartLenientAsync();
        emulator.Script.When(promptContains: "forbidden").ReplyContentFiltered(stage);

        foreach (string modelId in new[] { Invoke.NovaCanvas, Invoke.TitanImage })
        {
            using HttpResponseMessage response = await Invoke.SendAsync(emulator, modelId, """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"something forbidden"}}""");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("ValidationException", Converse.ErrorType(response));
            Assert.Equal(message, await Converse.ErrorMessageAsync(response));
        }
    }

    [Theory]
    [InlineData("prompt", "Filter reason: prompt")]
    [InlineData("output", "Filter reason: output image")]
    public async Task Stability_answers_200_with_a_finish_reason_and_no_image_from_a_json_script(string stage, string reason)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.LoadJson($$"""{ "rules": [ { "model": "{{Invoke.Sd35}}", "promptContains": "forbidden", "reply": { "contentFiltered": "{{stage}}" } } ] }""");

        JsonElement answer = await Invoke.OkAsync(emulator, Invoke.Sd35, """{"prompt":"something forbidden"}""");

        Assert.Equal(reason, answer.GetProperty("finish_reasons")[0].GetString());
        Assert.False(answer.TryGetProperty("images", out _));
    }

    [Fact]
    public async Task Converse_gets_an_empty_answer_stopped_by_the_filter()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.Always().ReplyContentFiltered();

        using HttpResponseMessage response = await Converse.SendPromptAsync(emulator, "anything");
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("content_filtered", answer.RootElement.GetProperty("stopReason").GetString());
    }

    [Fact]
    public void A_json_script_with_an_unknown_stage_is_refused()
    {
        var script = new EmulatorScript();

        EmulatorScriptException error = Assert.Throws<EmulatorScriptException>(() => script.LoadJson("""{ "rules": [ { "reply": { "contentFiltered": "maybe" } } ] }"""));

        Assert.Contains("contentFiltered must be \"prompt\" or \"output\"", error.Message, System.StringComparison.Ordinal);
    }
}
