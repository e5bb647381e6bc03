using System;
using System.Collections.Generic;
using System.Text.Json;
using BedrockFeatures;
using PromptGen;
using PromptGen.Bedrock;
using PromptGen.Testing;

// Runs offline against the local Bedrock emulator, which checks every request member the way Bedrock does and
// answers with guardrail interventions, prompt-cache usage and reasoning as scripted below.
await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
emulator.Script.When(promptContains: "pair").ReplyText("Hold the top and side buttons for 5 seconds until the ring blinks blue, then pick \"Acme Lamp\" in the app.");
emulator.Script.When(promptContains: "stock").ReplyGuardrailIntervention("Sorry, I can only help with the Acme Lamp 3000.", topic: "Investment advice");
emulator.Script.When(promptContains: "Classify").ReplyText("complaint");
emulator.Script.When(promptContains: "amber").Reasoning("Amber blinking is listed under errors: overheating. The fix is to switch it off and wait; a reset is not needed.")
    .ReplyText("1. Switch the lamp off. 2. Wait 10 minutes. 3. Switch it on again (hold the top button for 2 seconds).");

using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});
IHelpDeskPrompts helpDesk = IHelpDeskPrompts.Create(bedrock);
var tenant = new Dictionary<string, string> { ["tenant"] = "contoso-eu" };

// 1. Prompt caching: the first call writes the manual to the cache, the second reads it.
for (int call = 1; call <= 2; call++)
{
    PromptStream answer = helpDesk.AnswerAsync("How do I pair the lamp?", tenant);
    string text = await answer.ReadToEndAsync();
    Console.WriteLine($"== AnswerAsync, call {call}");
    Console.WriteLine($"   answer:  {text}");
    Console.WriteLine($"   tokens:  {answer.Usage!.InputTokens} input, {answer.Usage.CacheWriteInputTokens} written to the cache, {answer.Usage.CacheReadInputTokens} read from it");
    Show(emulator.Requests[^1], "guardrailConfig", "requestMetadata");
}

// 2. A guardrail intervention is an exception with the guardrail's assessment, never a normal-looking answer.
try
{
    await helpDesk.AnswerAsync("Which stock should I buy?", tenant).ReadToEndAsync();
}
catch (GuardrailInterventionException blocked)
{
    Console.WriteLine("== AnswerAsync, off topic");
    Console.WriteLine($"   blocked: {blocked.OutputText}");
    foreach ((string guardrail, GuardrailAssessment assessment) in blocked.Assessment!.InputAssessment!)
    {
        foreach (GuardrailTopic topic in assessment.TopicPolicy!.Topics)
        {
            Console.WriteLine($"   why:     guardrail {guardrail} denied topic '{topic.Name}' ({topic.Action})");
        }
    }

    Console.WriteLine();
}

// 3. Latency-optimized inference, the priority tier and a model-native field.
Console.WriteLine("== ClassifyAsync");
Console.WriteLine($"   answer:  {await helpDesk.ClassifyAsync("The lamp broke after two days!")}");
Show(emulator.Requests[^1], "performanceConfig", "serviceTier", "additionalModelRequestFields");

// 4. Extended thinking: the reasoning arrives before the answer, with the signature Claude needs in later turns.
PromptStream troubleshooting = helpDesk.TroubleshootAsync("the ring blinks amber");
string steps = await troubleshooting.ReadToEndAsync();
Console.WriteLine("== TroubleshootAsync");
Console.WriteLine($"   thought: {troubleshooting.ReasoningText}");
Console.WriteLine($"   answer:  {steps}");
Show(emulator.Requests[^1], "additionalModelRequestFields");
return 0;

static void Show(RecordedRequest request, params string[] members)
{
    using JsonDocument body = JsonDocument.Parse(request.Body);
    foreach (string member in members)
    {
        Console.WriteLine($"   sent:    \"{member}\": {body.RootElement.GetProperty(member).GetRawText()}");
    }

    Console.WriteLine();
}
