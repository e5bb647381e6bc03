using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Configuration;

namespace PromptGen.Tests.Bedrock.TestDoubles;

/// <summary>Builds clients against a fake environment, so no test depends on the machine's variables or ~/.aws.</summary>
internal static class TestClients
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static readonly DateTimeOffset VectorTime = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static BedrockOptions SigV4Options(string region = "us-east-1") => new()
    {
        Region = region,
        Credentials = new BasicAWSCredentials(AccessKey, SecretKey),
        TimeProvider = new FixedTimeProvider(VectorTime),
    };

    public static BedrockRuntimeClient Create(
        BedrockOptions options,
        HttpMessageHandler handler,
        IReadOnlyDictionary<string, string>? environment = null,
        IAwsProfileSource? profiles = null,
        Func<CancellationToken, Task<AWSCredentials?>>? defaultChain = null) =>
        new(options, new HttpClient(handler), Environment(environment, profiles, defaultChain));

    public static AwsEnvironment Environment(
        IReadOnlyDictionary<string, string>? variables = null,
        IAwsProfileSource? profiles = null,
        Func<CancellationToken, Task<AWSCredentials?>>? defaultChain = null) =>
        new(
            name => variables is not null && variables.TryGetValue(name, out string? value) ? value : null,
            profiles ?? new FakeProfileSource(),
            defaultChain ?? (_ => throw new InvalidOperationException("This test must not reach the AWS SDK's default credential chain.")));

    public static ConverseRequest HiRequest() => new()
    {
        Messages = { Message.User("Hi") },
        InferenceConfig = new InferenceConfiguration { MaxTokens = 64 },
    };
}
