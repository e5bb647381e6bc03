using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing.Auth;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>
/// The wire spec's SigV4 test vector (§2), produced by AWSSDK.Core, @smithy/signature-v4 and Python alike. It pins both
/// the emulator's verifier and the tests' own signer, so the two cannot agree on a shared mistake.
/// </summary>
public sealed class SigV4TestVectorTests
{
    private const string VectorHost = "bedrock-runtime.us-east-1.amazonaws.com";
    private const string VectorBody = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}],\"inferenceConfig\":{\"maxTokens\":64}}";
    private const string VectorBodySha256 = "9fe85f2d1d832f88fa910da82e4380943a72b2d8f884106428ba8c4588a20b85";
    private const string VectorAmzDate = "20250115T120000Z";
    private const string HaikuVectorSignature = "d5e2864fd946371227bde58decea5926006289afd556e9b383f74fd283a49529";
    private const string ArnModel = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0";
    private static readonly DateTimeOffset VectorTime = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Vectors => new()
    {
        { Converse.VectorModel, HaikuVectorSignature },
        { ArnModel, "681ade2787cdd2c84844b0684ff594d417802f843d9b06b48d7e57be458f7883" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Test_signer_reproduces_the_vector(string modelId, string expectedSignature)
    {
        using HttpRequestMessage request = Converse.Request(new Uri($"https://{VectorHost}"), modelId, VectorBody);

        await TestSigV4Signer.SignAsync(request, VectorTime);

        Assert.Equal(VectorBodySha256, Single(request, "X-Amz-Content-Sha256"));
        Assert.Equal(VectorAmzDate, Single(request, "X-Amz-Date"));
        Assert.Equal(VectorAuthorization(expectedSignature), Single(request, "Authorization"));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verifier_accepts_the_vector(string modelId, string expectedSignature)
    {
        IncomingRequest request = VectorRequest(modelId, VectorAuthorization(expectedSignature), VectorBody);
        SigV4Verifier verifier = VerifierAt(VectorTime);

        SigV4Verification result = verifier.Verify(request, ParseAuthorization(request));

        Assert.True(result.SignatureValid);
        Assert.Null(result.Error);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verifier_computes_the_vector_signature(string modelId, string expectedSignature)
    {
        IncomingRequest request = VectorRequest(modelId, VectorAuthorization(expectedSignature), VectorBody);

        string signature = SigV4Verifier.ComputeSignature(
            EmulatorCredentials.SecretAccessKey, ParseAuthorization(request), request, VectorAmzDate, VectorBodySha256);

        Assert.Equal(expectedSignature, signature);
    }

    [Fact]
    public void Verifier_rejects_the_vector_signature_on_a_changed_body()
    {
        string changedBody = VectorBody.Replace("Hi", "Ho", StringComparison.Ordinal);
        var headers = new Dictionary<string, IReadOnlyList<string>>(VectorRequest(Converse.VectorModel, VectorAuthorization(HaikuVectorSignature), VectorBody).Headers, StringComparer.OrdinalIgnoreCase);
        headers.Remove("X-Amz-Content-Sha256");
        var request = new IncomingRequest("POST", WirePath(Converse.VectorModel), string.Empty, headers, Encoding.UTF8.GetBytes(changedBody));

        SigV4Verification result = VerifierAt(VectorTime).Verify(request, ParseAuthorization(request));

        Assert.False(result.SignatureValid);
        Assert.Equal("InvalidSignatureException", result.Error?.Code);
    }

    [Fact]
    public void Verifier_skips_the_clock_check_when_skew_is_infinite()
    {
        IncomingRequest request = VectorRequest(Converse.VectorModel, VectorAuthorization(HaikuVectorSignature), VectorBody);
        var verifier = new SigV4Verifier(DefaultSecrets, "us-east-1", Timeout.InfiniteTimeSpan, TimeProvider.System);

        SigV4Verification result = verifier.Verify(request, ParseAuthorization(request));

        Assert.Null(result.Error);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Emulator_accepts_the_vector_sent_over_http(string modelId, string expectedSignature)
    {
        // The vector's model is retired: only the signature is under test here, so per-model rules are off.
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(
            new BedrockEmulatorOptions { TimeProvider = new FixedTimeProvider(VectorTime), EnforceModelCapabilities = false });
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, modelId, VectorBody);
        request.Headers.Host = VectorHost;
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", VectorBodySha256);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", VectorAmzDate);
        request.Headers.TryAddWithoutValidation("Authorization", VectorAuthorization(expectedSignature));

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.True(recorded.SignatureValid);
        Assert.Equal(modelId, recorded.ModelId);
        Assert.Equal(new[] { "content-type", "host", "x-amz-content-sha256", "x-amz-date" }, recorded.SignedHeaders);
    }

    private static readonly IReadOnlyDictionary<string, string> DefaultSecrets =
        new Dictionary<string, string> { [EmulatorCredentials.AccessKeyId] = EmulatorCredentials.SecretAccessKey };

    private static SigV4Verifier VerifierAt(DateTimeOffset now) =>
        new(DefaultSecrets, "us-east-1", TimeSpan.FromMinutes(15), new FixedTimeProvider(now));

    private static string VectorAuthorization(string signature) =>
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/bedrock/aws4_request, "
        + $"SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature={signature}";

    private static string WirePath(string modelId) => $"/model/{Uri.EscapeDataString(modelId)}/converse";

    private static IncomingRequest VectorRequest(string modelId, string authorization, string body) =>
        new(
            "POST",
            WirePath(modelId),
            string.Empty,
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = new[] { VectorHost },
                ["Content-Type"] = new[] { "application/json" },
                ["X-Amz-Content-Sha256"] = new[] { VectorBodySha256 },
                ["X-Amz-Date"] = new[] { VectorAmzDate },
                ["Authorization"] = new[] { authorization },
            },
            Encoding.UTF8.GetBytes(body));

    private static SigV4AuthorizationHeader ParseAuthorization(IncomingRequest request) =>
        SigV4AuthorizationHeader.TryParse(request.SingleHeader("Authorization")!, out _)!;

    private static string Single(HttpRequestMessage request, string header) =>
        string.Join(",", request.Headers.GetValues(header));
}
