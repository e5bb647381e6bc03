using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace BedrockFeatures;

/// <summary>A help-desk assistant over a product manual, using the Bedrock-specific options as attributes.</summary>
[PromptClient(Model = "us.amazon.nova-pro-v1:0")]
[Guardrail("gr1helpdesk", "2", Trace = GuardrailTrace.Enabled)]        // screens prompts and answers
[RequestMetadata("app", "helpdesk")]                                   // tags every call in the invocation logs
[SystemPrompt(Manual.Text)]
public partial interface IHelpDeskPrompts
{
    /// <summary>The manual is long and the same on every call: cache it after the system prompt.</summary>
    [CachePoint(CacheAfter.System)]
    [Prompt("Answer from the manual: {{ question }}")]
    PromptStream AnswerAsync(string question, [RequestMetadata] IReadOnlyDictionary<string, string> tenant, CancellationToken cancellationToken = default);

    /// <summary>A quick classification where latency matters more than anything.</summary>
    [LatencyOptimized]
    [ServiceTier(ServiceTier.Priority)]
    [ModelRequestFields("""{"inferenceConfig": {"topK": 20}}""")]
    [Prompt("Classify this message as 'question', 'complaint' or 'praise'; answer with the word only: {{ message }}")]
    Task<string> ClassifyAsync(string message, CancellationToken cancellationToken = default);

    /// <summary>A harder case: Claude thinks first (extended thinking), and the reasoning is shown.</summary>
    [Model("us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [Reasoning(BudgetTokens = 2048)]
    [Inference(MaxTokens = 4096)]
    [Prompt("The device shows: {{ symptoms }}. Which steps of the manual fix it, in order?")]
    PromptStream TroubleshootAsync(string symptoms, CancellationToken cancellationToken = default);
}

internal static class Manual
{
    public const string Text = """
        You are the help desk of the Acme Lamp 3000. Answer only from this manual; say so when it has no answer.
        1. Power: hold the top button for 2 seconds. The ring light turns white.
        2. Brightness: turn the ring clockwise to brighten, anticlockwise to dim.
        3. Pairing: hold top and side buttons for 5 seconds until the ring blinks blue, then pick "Acme Lamp" in the app.
        4. Reset: unplug, hold the side button, plug back in, release when the ring blinks red three times.
        5. Error amber blinking: the lamp is overheating; switch it off for 10 minutes.
        """;
}
