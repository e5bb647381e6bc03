using PromptGen;

// A package user's app with nothing emulator-specific in it: endpoint, region and credentials come from the
// environment that 'promptgen emulator' tells the user to set (ToolPackageTests), as they would for real Bedrock.
using var bedrock = new BedrockRuntimeClient();
IGreeter greeter = IGreeter.Create(bedrock);
Console.WriteLine("reply: " + await greeter.GreetAsync("Ada"));

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IGreeter
{
    [Prompt("Say hello to {{ name }}.")]
    Task<string> GreetAsync(string name, CancellationToken cancellationToken = default);
}
