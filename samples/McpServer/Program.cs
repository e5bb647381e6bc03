using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using PromptGen;
using PromptGen.Testing;
using SupportMcp;

// An MCP server over stdio serving ISupportPrompts: each prompt method is a tool and a prompt. Point an MCP client at
// `dotnet run --project samples/McpServer` (e.g. npx @modelcontextprotocol/inspector --cli dotnet run --project
// samples/McpServer --method tools/list). By default the answers come from the local Bedrock emulator, scripted in
// SupportServer.ScriptDemoAnswers; with --live the prompts go to Amazon Bedrock with your AWS configuration.
// stdout carries the protocol: this program writes nothing else there.
bool live = args.Contains("--live");
if (args.Any(arg => arg is not "--live"))
{
    Console.Error.WriteLine("usage: McpServer [--live]");
    return 2;
}

BedrockEmulator? emulator = null;
var services = new ServiceCollection();
if (live)
{
    // Region and credentials from the AWS default chain, as AddPromptGen() reads them.
    services.AddPromptGen();
}
else
{
    emulator = await BedrockEmulator.StartAsync();
    SupportServer.ScriptDemoAnswers(emulator);
    services.AddPromptGen(options =>
    {
        options.Region = "us-east-1";
        options.Endpoint = emulator.Endpoint;
        options.Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
    });
}

services.AddMcpServer(options => options.ServerInfo = new() { Name = "promptgen-support", Version = "1.0.0" })
    .WithStdioServerTransport()
    .WithSupportPrompts();

await using (ServiceProvider provider = services.BuildServiceProvider())
{
    // Runs until the client closes stdin.
    await provider.GetRequiredService<McpServer>().RunAsync();
}

if (emulator is not null)
{
    await emulator.DisposeAsync();
}

return 0;
