using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Signed requests over real HTTP: what passes, and each way a signature goes wrong.</summary>
public sealed class SigV4VerificationTests
{
    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static readonly DateTimeOffset Noon = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Correctly_signed_request_is_accepted()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal(AuthSchemes.SigV4, recorded.AuthScheme);
        Assert.True(recorded.SignatureValid);
        Assert.True(recorded.Accepted);
    }

    [Fact]
    public async Task Request_signed_with_the_real_clock_is_accepted_by_a_default_emulator()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        Assert.EndsWith(" to: hi", await Converse.AskAsync(emulator, "hi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_signature_is_refused()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, tamper: request =>
        {
            string authorization = Header(request, "Authorization");
            char last = authorization[^1];
            Replace(request, "Authorization", authorization[..^1] + (last == '0' ? '1' : '0'));
        });

        await AssertRefusedAsync(response, "InvalidSignatureException", SignatureMismatch);
        Assert.False(Assert.Single(emulator.Requests).SignatureValid);
    }

    [Fact]
    public async Task Tampered_body_is_caught_by_its_content_hash()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, tamper: request => SwapBody(request, Converse.Body("tampered")));

        await AssertRefusedAsync(response, "InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    [Fact]
    public async Task Tampered_body_without_a_content_hash_header_breaks_the_signature()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(
            emulator,
            new SigningOptions { SendContentSha256 = false },
            tamper: request => SwapBody(request, Converse.Body("tampered")));

        await AssertRefusedAsync(response, "InvalidSignatureException", SignatureMismatch);
    }

    [Fact]
    public async Task Tampered_date_breaks_the_signature()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, tamper: request => Replace(request, "X-Amz-Date", "20250115T115900Z"));

        await AssertRefusedAsync(response, "InvalidSignatureException", SignatureMismatch);
    }

    [Fact]
    public async Task Date_outside_the_allowed_skew_is_expired_even_when_correctly_signed()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, signAt: Noon.AddMinutes(-16));

        await AssertRefusedAsync(response, "InvalidSignatureException", "Signature expired: 20250115T114400Z is now earlier than 20250115T114500Z (20250115T120000Z - 15 min.)");
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.True(recorded.SignatureValid);
        Assert.False(recorded.Accepted);
    }

    [Fact]
    public async Task Date_too_far_in_the_future_is_refused()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, signAt: Noon.AddMinutes(16));

        await AssertRefusedAsync(response, "InvalidSignatureException", "Signature not yet current");
    }

    [Fact]
    public async Task Date_within_a_custom_skew_is_accepted()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions
        {
            TimeProvider = new FixedTimeProvider(Noon),
            MaxClockSkew = TimeSpan.FromHours(2),
        });

        using HttpResponseMessage response = await SendAsync(emulator, signAt: Noon.AddMinutes(-90));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_region_is_refused()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { Region = "us-west-2" });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Credential should be scoped to a valid region, not 'us-west-2'.");
    }

    [Fact]
    public async Task Configured_region_is_the_one_accepted()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions
        {
            TimeProvider = new FixedTimeProvider(Noon),
            Region = "eu-west-1",
        });

        using HttpResponseMessage accepted = await SendAsync(emulator, new SigningOptions { Region = "eu-west-1" });
        using HttpResponseMessage refused = await SendAsync(emulator, new SigningOptions { Region = "us-east-1" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertRefusedAsync(refused, "InvalidSignatureException", "valid region");
    }

    [Fact]
    public async Task Service_name_bedrock_runtime_is_refused_because_the_signing_name_is_bedrock()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { Service = "bedrock-runtime" });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Credential should be scoped to correct service: 'bedrock'.");
    }

    [Fact]
    public async Task Unknown_access_key_is_refused_as_an_unrecognized_client()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { AccessKeyId = "AKIDUNKNOWN" });

        await AssertRefusedAsync(response, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    [Fact]
    public async Task Wrong_secret_breaks_the_signature()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { SecretAccessKey = "not-the-secret" });

        await AssertRefusedAsync(response, "InvalidSignatureException", SignatureMismatch);
    }

    [Fact]
    public async Task Configured_credentials_are_accepted()
    {
        var options = new BedrockEmulatorOptions { TimeProvider = new FixedTimeProvider(Noon) };
        options.Credentials["AKIDTEAM"] = "team-secret";
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(options);

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { AccessKeyId = "AKIDTEAM", SecretAccessKey = "team-secret" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Path_signed_without_the_second_encoding_is_refused()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { DoubleEncodePath = false });

        await AssertRefusedAsync(response, "InvalidSignatureException", SignatureMismatch);
    }

    [Theory]
    [InlineData("host", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")]
    [InlineData("x-amz-date", "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.")]
    public async Task Required_headers_must_be_signed(string unsignedHeader, string expectedMessage)
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage response = await SendAsync(emulator, new SigningOptions { UnsignedHeaders = new[] { unsignedHeader } });

        await AssertRefusedAsync(response, "InvalidSignatureException", expectedMessage);
    }

    [Fact]
    public async Task Security_token_must_be_signed_when_present()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();

        using HttpResponseMessage unsigned = await SendAsync(emulator, new SigningOptions { SessionToken = "any-session-token", SignSessionToken = false });
        using HttpResponseMessage signed = await SendAsync(emulator, new SigningOptions { SessionToken = "any-session-token" });

        await AssertRefusedAsync(unsigned, "InvalidSignatureException", "'X-Amz-Security-Token' must be a 'SignedHeader'");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task Missing_authorization_is_refused()
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"));

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        await AssertRefusedAsync(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
        Assert.Equal(AuthSchemes.None, Assert.Single(emulator.Requests).AuthScheme);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date", "Authorization header requires 'Signature' parameter.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1, SignedHeaders=host;x-amz-date, Signature=00", "Credential should be of the form")]
    [InlineData("Basic dXNlcjpwYXNz", "Authorization header must use AWS4-HMAC-SHA256 or Bearer.")]
    public async Task Malformed_authorization_is_refused_as_an_incomplete_signature(string authorization, string expectedMessage)
    {
        await using BedrockEmulator emulator = await StartAtNoonAsync();
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"));
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250115T120000Z");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        await AssertRefusedAsync(response, "IncompleteSignatureException", expectedMessage);
    }

    [Fact]
    public async Task Configured_bearer_token_is_accepted_and_others_are_denied()
    {
        var options = new BedrockEmulatorOptions();
        options.BearerTokens.Add("bedrock-api-key-1");
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(options);

        using HttpResponseMessage accepted = await SendBearerAsync(emulator, "bedrock-api-key-1");
        using HttpResponseMessage denied = await SendBearerAsync(emulator, "bedrock-api-key-2");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertRefusedAsync(denied, "AccessDeniedException", "API Key");
        Assert.All(emulator.Requests, r => Assert.Equal(AuthSchemes.Bearer, r.AuthScheme));
        Assert.Equal(new[] { true, false }, new[] { emulator.Requests[0].Accepted, emulator.Requests[1].Accepted });
    }

    [Fact]
    public async Task Bearer_tokens_are_denied_when_none_are_configured()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await SendBearerAsync(emulator, "anything");

        await AssertRefusedAsync(response, "AccessDeniedException", "API Key");
    }

    private static Task<BedrockEmulator> StartAtNoonAsync() =>
        BedrockEmulator.StartAsync(new BedrockEmulatorOptions { TimeProvider = new FixedTimeProvider(Noon) });

    private static async Task<HttpResponseMessage> SendAsync(
        BedrockEmulator emulator, SigningOptions? options = null, Action<HttpRequestMessage>? tamper = null, DateTimeOffset? signAt = null)
    {
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("Where is my refund?"));
        await TestSigV4Signer.SignAsync(request, signAt ?? Noon, options);
        tamper?.Invoke(request);
        return await Converse.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendBearerAsync(BedrockEmulator emulator, string token)
    {
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await Converse.Http.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string expectedCode, string expectedMessageFragment)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(expectedCode, Converse.ErrorType(response));
        Assert.Contains(expectedMessageFragment, await Converse.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    private static void SwapBody(HttpRequestMessage request, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = request.Content!.Headers.ContentType;
        request.Content = content;
    }

    private static string Header(HttpRequestMessage request, string name) => string.Join(",", request.Headers.GetValues(name));

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
