using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// Our SigV4 signature against the official signer (@smithy/signature-v4): the request our client sent, as the
/// emulator received it, is signed again by the official signer with the same headers, time and credentials, and
/// the Authorization headers must be identical.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class SignatureConformanceTests(NodeProject node)
{
    private static readonly DateTimeOffset SigningTime = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", null, false)]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0", null, false)]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", "IQoJb3JpZ2luX2VjEXAMPLE/session+token==", false)]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", null, true)]
    public async Task Our_signature_equals_the_official_signers(string modelId, string? sessionToken, bool stream)
    {
        var options = new BedrockEmulatorOptions { MaxClockSkew = Timeout.InfiniteTimeSpan, EnforceModelCapabilities = false };
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(options);
        AWSCredentials credentials = sessionToken is null
            ? new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey)
            : new SessionAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey, sessionToken);
        using (var client = new BedrockRuntimeClient(new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = credentials,
            TimeProvider = new FixedTime(SigningTime),
            Timeout = TimeSpan.FromSeconds(30),
        }))
        {
            ConverseRequest request = ConformanceRequests.RichRequest("Sign me ✓");
            if (stream)
            {
                await foreach (ConverseStreamEvent _ in client.ConverseStreamAsync(modelId, request))
                {
                }
            }
            else
            {
                await client.ConverseAsync(modelId, request);
            }
        }

        RecordedRequest sent = Assert.Single(emulator.Requests);
        Assert.True(sent.SignatureValid);
        var headers = new JsonObject();
        foreach (string name in sent.SignedHeaders)
        {
            headers[name] = sent.Headers[name];
        }

        var signRequest = new JsonObject
        {
            ["method"] = sent.Method,
            ["hostname"] = "127.0.0.1",
            ["port"] = emulator.Endpoint.Port,
            ["path"] = sent.RawPath,
            ["headers"] = headers,
            ["body"] = sent.Body,
            ["accessKeyId"] = EmulatorCredentials.AccessKeyId,
            ["secretAccessKey"] = EmulatorCredentials.SecretAccessKey,
            ["sessionToken"] = sessionToken,
            ["region"] = "us-east-1",
            ["service"] = "bedrock",
            ["time"] = SigningTime.ToString("O"),
        };

        JsonElement official = await node.RunScriptJsonAsync("sign.mjs", "", signRequest.ToJsonString());

        string officialAuthorization = official.EnumerateObject().Single(h => h.NameEquals("authorization")).Value.GetString()!;
        Assert.Equal(officialAuthorization, sent.Headers["Authorization"]);
        Assert.Equal("20250115T120000Z", sent.Headers["X-Amz-Date"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date" + (sessionToken is null ? "," : ";x-amz-security-token,"), officialAuthorization);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
