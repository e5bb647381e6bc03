using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Testing;

namespace PromptGen.Tests.Bedrock.KnowledgeBases;

/// <summary>
/// What the knowledge-base tests share: an emulator serving a folder of documents as a knowledge base, and the options
/// of a real client pointed at it (signed with the emulator's credentials, one attempt, a bounded wait).
/// </summary>
internal static class KnowledgeBaseEmulation
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>An emulator of <paramref name="region"/> (it checks the signature's scope) serving <paramref name="folder"/>.</summary>
    public static Task<BedrockEmulator> StartAsync(string knowledgeBaseId, string folder, string region = DefaultRegion) =>
        BedrockEmulator.StartAsync(new BedrockEmulatorOptions { Region = region, KnowledgeBases = { [knowledgeBaseId] = folder } });

    public static BedrockOptions ClientOptions(BedrockEmulator emulator, string region = DefaultRegion) => new()
    {
        Region = region,
        Endpoint = emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        Timeout = TimeSpan.FromSeconds(30),
        Retry = new BedrockRetryOptions { MaxAttempts = 1 },
    };
}
