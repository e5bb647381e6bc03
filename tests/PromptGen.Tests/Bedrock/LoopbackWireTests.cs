using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>Through the real socket handler: what reaches the server byte for byte, and whether its signature holds.</summary>
public sealed class LoopbackWireTests
{
    private const string ArnModelId = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Fact]
    public void Independent_verifier_agrees_with_the_spec_vector()
    {
        const string body = """{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"inferenceConfig":{"maxTokens":64}}""";
        const string expected = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=d5e2864fd946371227bde58decea5926006289afd556e9b383f74fd283a49529";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = expected,
            ["Content-Type"] = "application/json",
            ["Host"] = "bedrock-runtime.us-east-1.amazonaws.com",
            ["X-Amz-Content-Sha256"] = "9fe85f2d1d832f88fa910da82e4380943a72b2d8f884106428ba8c4588a20b85",
            ["X-Amz-Date"] = "20250115T120000Z",
        };

        string computed = IndependentSigV4Verifier.ExpectedAuthorization(
            "POST", "/model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse", headers, Encoding.UTF8.GetBytes(body),
            TestClients.AccessKey, TestClients.SecretKey, "us-east-1", "bedrock");

        Assert.Equal(expected, computed);
    }

    [Fact]
    public async Task Socket_request_keeps_the_escapes_and_its_signature_verifies()
    {
        using var server = new LoopbackHttpServer(CapturingHandler.MinimalConverseResponse);
        var options = new BedrockOptions
        {
            Region = "us-east-1",
            Endpoint = server.Endpoint,
            Credentials = new SessionAWSCredentials(TestClients.AccessKey, TestClients.SecretKey, "loopback-session-token"),
            Timeout = TimeSpan.FromSeconds(20),
        };
        using var client = new BedrockRuntimeClient(options, httpClient: null, TestClients.Environment(new Dictionary<string, string>()));

        ConverseResponse response = await client.ConverseAsync(ArnModelId, TestClients.HiRequest());
        RawRequest received = await server.Received;

        Assert.Equal("Hello", response.GetOutputText());
        Assert.Equal("POST", received.Method);
        Assert.Equal(
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
            received.Target);
        Assert.Equal($"127.0.0.1:{server.Endpoint.Port}", received.Headers["Host"]);
        Assert.Equal("loopback-session-token", received.Headers["X-Amz-Security-Token"]);
        Assert.Equal("attempt=1; max=3", received.Headers["amz-sdk-request"]);
        Assert.StartsWith("promptgen/", received.Headers["User-Agent"]);
        Assert.Equal(
            IndependentSigV4Verifier.ExpectedAuthorization(
                received.Method, received.Target, received.Headers, received.Body,
                TestClients.AccessKey, TestClients.SecretKey, "us-east-1", "bedrock"),
            received.Headers["Authorization"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,", received.Headers["Authorization"]);
    }
}
