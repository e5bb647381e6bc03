using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock.Authentication;
using PromptGen.Bedrock.Http;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>The test vectors of wire spec §2, checked on the signer alone and end to end through the client.</summary>
public sealed class SigV4SigningTests
{
    private const string VectorBody = """{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"inferenceConfig":{"maxTokens":64}}""";
    private const string VectorBodySha256 = "9fe85f2d1d832f88fa910da82e4380943a72b2d8f884106428ba8c4588a20b85";
    private const string HaikuModelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
    private const string HaikuProfileArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0";
    private const string ExpectedScope = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=";

    private static readonly Uri Endpoint = new("https://bedrock-runtime.us-east-1.amazonaws.com");

    [Theory]
    [InlineData(HaikuModelId, "d5e2864fd946371227bde58decea5926006289afd556e9b383f74fd283a49529")]
    [InlineData(HaikuProfileArn, "681ade2787cdd2c84844b0684ff594d417802f843d9b06b48d7e57be458f7883")]
    public void Signer_reproduces_the_spec_vector(string modelId, string signature)
    {
        HttpRequestMessage request = VectorRequest(modelId);

        Sign(request, new ImmutableCredentials(TestClients.AccessKey, TestClients.SecretKey, null));

        Assert.Equal(ExpectedScope + signature, Single(request, "Authorization"));
        Assert.Equal("20250115T120000Z", Single(request, "X-Amz-Date"));
        Assert.Equal(VectorBodySha256, Single(request, "X-Amz-Content-SHA256"));
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
    }

    [Theory]
    [InlineData(HaikuModelId, "d5e2864fd946371227bde58decea5926006289afd556e9b383f74fd283a49529")]
    [InlineData(HaikuProfileArn, "681ade2787cdd2c84844b0684ff594d417802f843d9b06b48d7e57be458f7883")]
    public async Task Client_sends_the_spec_vector_signature(string modelId, string signature)
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        await client.ConverseAsync(modelId, TestClients.HiRequest());

        CapturedRequest sent = handler.Single;
        Assert.Equal(VectorBody, sent.Body);
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Equal(ExpectedScope + signature, sent.Header("Authorization"));
        Assert.Equal("20250115T120000Z", sent.Header("X-Amz-Date"));
        Assert.Equal(VectorBodySha256, sent.Header("X-Amz-Content-SHA256"));
    }

    [Fact]
    public void Session_credentials_send_and_sign_the_security_token()
    {
        HttpRequestMessage request = VectorRequest(HaikuModelId);

        Sign(request, new ImmutableCredentials(TestClients.AccessKey, TestClients.SecretKey, "session-token-value-123"));

        Assert.Equal("session-token-value-123", Single(request, "X-Amz-Security-Token"));
        string authorization = Single(request, "Authorization");
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,", authorization);
        Assert.DoesNotContain("d5e2864fd946371227bde58decea5926006289afd556e9b383f74fd283a49529", authorization);
    }

    [Fact]
    public void Signing_time_comes_from_the_time_provider()
    {
        HttpRequestMessage request = VectorRequest(HaikuModelId);
        var signer = new RequestSigner("us-east-1", new FixedTimeProvider(new DateTimeOffset(2030, 6, 1, 8, 30, 5, TimeSpan.Zero)));

        signer.Sign(request, Encoding.UTF8.GetBytes(VectorBody), new ImmutableCredentials(TestClients.AccessKey, TestClients.SecretKey, null));

        Assert.Equal("20300601T083005Z", Single(request, "X-Amz-Date"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300601/us-east-1/bedrock/aws4_request,", Single(request, "Authorization"));
    }

    [Fact]
    public void Region_in_the_scope_is_the_resolved_region()
    {
        HttpRequestMessage request = VectorRequest(HaikuModelId);
        var signer = new RequestSigner("eu-central-1", new FixedTimeProvider(TestClients.VectorTime));

        signer.Sign(request, Encoding.UTF8.GetBytes(VectorBody), new ImmutableCredentials(TestClients.AccessKey, TestClients.SecretKey, null));

        Assert.Contains("/20250115/eu-central-1/bedrock/aws4_request,", Single(request, "Authorization"));
    }

    private static HttpRequestMessage VectorRequest(string modelId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, BedrockOperationUri.Converse(Endpoint, modelId))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(VectorBody)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    private static void Sign(HttpRequestMessage request, ImmutableCredentials credentials) =>
        new RequestSigner("us-east-1", new FixedTimeProvider(TestClients.VectorTime))
            .Sign(request, Encoding.UTF8.GetBytes(VectorBody), credentials);

    private static string Single(HttpRequestMessage request, string header) =>
        Assert.Single(request.Headers.GetValues(header));
}
