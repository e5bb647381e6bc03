using PromptGen;
using PromptGen.Testing;

namespace PromptGenTests;

// The prompt under test. In a real solution it lives in your app and this project references it.
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface ISummaryPrompts
{
    [Prompt("Summarize in one sentence: {{ text }}")]
    Task<string> SummarizeAsync(string text, CancellationToken cancellationToken = default);
}

public sealed class SummaryPromptsTests : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;
    private BedrockRuntimeClient _bedrock = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _bedrock = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = _emulator.Endpoint,
            Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        });
    }

    public async ValueTask DisposeAsync()
    {
        _bedrock.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Summarize_sends_the_rendered_prompt_and_returns_the_reply()
    {
        _emulator.Script.When(promptContains: "Summarize").ReplyText("A short summary.");

        string summary = await ISummaryPrompts.Create(_bedrock).SummarizeAsync(
            "A long text about refunds.", TestContext.Current.CancellationToken);

        Assert.Equal("A short summary.", summary);
        RecordedRequest request = Assert.Single(_emulator.Requests);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", request.ModelId);
        Assert.Equal("Summarize in one sentence: A long text about refunds.", request.UserText);
        Assert.True(request.SignatureValid);
    }

    [Fact]
    public async Task A_rejected_call_surfaces_as_a_typed_exception()
    {
        _emulator.Script.When(promptContains: "Summarize").ReplyError("ValidationException", 400, "Input is too long");

        var error = await Assert.ThrowsAsync<BedrockValidationException>(
            () => ISummaryPrompts.Create(_bedrock).SummarizeAsync("text", TestContext.Current.CancellationToken));
        Assert.Equal("ValidationException", error.ErrorCode);
    }
}
