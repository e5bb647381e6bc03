using PromptGen;
using PromptGen.Testing;
using PromptGenApp;

// Without arguments the local Bedrock emulator answers, with the reply scripted below (not a model's).
// With --live the same prompt goes to Amazon Bedrock: region and credentials from the usual AWS chain
// (AWS_REGION, AWS_PROFILE, `aws sso login`, ...), see the PromptGen README ("From the emulator to Amazon Bedrock").
if (args.Contains("--live"))
{
    using var live = new BedrockRuntimeClient();
    Console.WriteLine(await IAssistantPrompts.Create(live).ExplainAsync("vector databases"));
    return;
}

await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
emulator.Script.When(promptContains: "vector databases")
    .ReplyText("A vector database stores embeddings and finds the ones closest to a query. (scripted by the emulator)");

using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});
IAssistantPrompts prompts = IAssistantPrompts.Create(bedrock);
Console.WriteLine(await prompts.ExplainAsync("vector databases"));
