using System;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;

namespace PromptGen.EndToEnd.Tests.Reliability;

internal static class FaultClients
{
    public const string ModelId = "us.amazon.nova-lite-v1:0";

    /// <summary>A signed client on the emulator with quick back-off, so fault tests take milliseconds.</summary>
    public static BedrockRuntimeClient Create(BedrockEmulator emulator, Action<BedrockRetryOptions>? retry = null)
    {
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
            Timeout = TimeSpan.FromSeconds(30),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        retry?.Invoke(options.Retry);
        return new BedrockRuntimeClient(options);
    }

    public static ConverseRequest Ask(string prompt) => new()
    {
        Messages = { Message.User(prompt) },
        InferenceConfig = new InferenceConfiguration { MaxTokens = 64 },
    };
}
