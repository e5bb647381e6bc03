using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock.Authentication;
using PromptGen.Bedrock.Configuration;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>No secret key, session token or API key may reach an exception message, ToString or inner exception.</summary>
public sealed class SecretLeakTests
{
    private const string ModelId = "amazon.nova-lite-v1:0";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENvalue0123456789abcdefghijklmnopqrstuvwxyz";
    private const string ApiKey = "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLWtleS12YWx1ZQ";

    [Fact]
    public async Task Invalid_signature_message_echoing_the_canonical_request_is_masked()
    {
        // AWS quotes the canonical request, which contains the signed x-amz-security-token header.
        string body = $$"""{"message":"The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST\n/model/x/converse\n\ncontent-type:application/json\nhost:bedrock-runtime.us-east-1.amazonaws.com\nx-amz-security-token:{{SessionToken}}\n'"}""";
        var handler = CapturingHandler.Responding(HttpStatusCode.Forbidden, body, ("x-amzn-ErrorType", "InvalidSignatureException"));
        using BedrockRuntimeClient client = TestClients.Create(SessionOptions(), handler);

        var error = await Assert.ThrowsAsync<BedrockAuthenticationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("x-amz-security-token:***", error.ServiceMessage);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Proxy_page_echoing_the_api_key_is_masked()
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent($"<html>upstream rejected Authorization: Bearer {ApiKey}</html>"),
        }));
        using BedrockRuntimeClient client = TestClients.Create(ApiKeyOptions(), handler, new Dictionary<string, string>());

        var error = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("Authorization: ***", error.ServiceMessage);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Model_stream_error_original_message_is_masked()
    {
        string body = $$"""{"message":"failed","originalMessage":"upstream saw token {{SessionToken}}"}""";
        var handler = CapturingHandler.Responding(HttpStatusCode.FailedDependency, body, ("x-amzn-ErrorType", "ModelStreamErrorException"));
        using BedrockRuntimeClient client = TestClients.Create(SessionOptions(), handler);

        var error = await Assert.ThrowsAsync<BedrockModelStreamErrorException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal("upstream saw token ***", error.OriginalMessage);
    }

    [Fact]
    public async Task Connection_failure_carries_no_secret()
    {
        var handler = new CapturingHandler((_, _) => throw new HttpRequestException("Connection refused (bedrock-runtime.us-east-1.amazonaws.com:443)"));
        using BedrockRuntimeClient client = TestClients.Create(SessionOptions(), handler);

        AssertNoSecrets(await Assert.ThrowsAsync<BedrockConnectionException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest())));
    }

    [Fact]
    public async Task Timeout_carries_no_secret()
    {
        var handler = new CapturingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        BedrockOptions options = ApiKeyOptions();
        options.Timeout = TimeSpan.FromMilliseconds(50);
        using BedrockRuntimeClient client = TestClients.Create(options, handler, new Dictionary<string, string>());

        AssertNoSecrets(await Assert.ThrowsAsync<BedrockTimeoutException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest())));
    }

    [Fact]
    public async Task Credential_provider_error_quoting_the_secret_is_masked()
    {
        // credential_process errors can quote the process output, keys included.
        var credentials = new ThrowingCredentials(new AmazonClientException(
            $"Process returned invalid JSON: {{\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"{SecretKey}\",\"SessionToken\":\"{SessionToken}\"}}"));
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", Credentials = credentials }, new CapturingHandler(), new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("Process returned invalid JSON", error.Message);
        Assert.Null(error.InnerException);
        AssertNoSecrets(error);
    }

    [Fact]
    public async Task Default_chain_error_quoting_the_secret_is_masked()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1" }, new CapturingHandler(), new Dictionary<string, string>(),
            defaultChain: _ => throw new InvalidDataException($"Line 3:<{SecretKey}> in file /root/.aws/credentials does not contain a section, property or comment."));

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("Line 3:<***> in file /root/.aws/credentials", error.Message);
        AssertNoSecrets(error);
    }

    [Fact]
    public void Malformed_credentials_file_line_is_not_quoted()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, $"[leaky]\naws_access_key_id = AKIDEXAMPLE\n{SecretKey}\n");
            var profiles = new SharedConfigProfileSource(path);

            var error = Assert.Throws<BedrockConfigurationException>(() => profiles.GetCredentials("leaky"));

            Assert.Contains("profile 'leaky'", error.Message);
            Assert.Contains("Line 3:<***>", error.Message);
            AssertNoSecrets(error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Options_and_client_ToString_carry_no_secret()
    {
        BedrockOptions options = ApiKeyOptions();
        using BedrockRuntimeClient client = TestClients.Create(options, new CapturingHandler(), new Dictionary<string, string>());

        Assert.DoesNotContain(ApiKey, options.ToString());
        Assert.DoesNotContain(ApiKey, client.ToString());
    }

    [Fact]
    public void Masking_leaves_ordinary_text_alone()
    {
        Assert.Equal("Unable to find the \"default\" profile.", SafeErrorText.MaskLikelySecrets("Unable to find the \"default\" profile."));
        Assert.Equal("key *** end", SafeErrorText.MaskLikelySecrets($"key {SecretKey} end"));
    }

    [Theory]
    [InlineData("The environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were not set with AWS credentials.")]
    [InlineData("Either AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI environment variables must be set.")]
    [InlineData("To disable permission enforcement, set the environment variable AWS_RESTRICT_FILE_PERMISSIONS=UNRESTRICTED.")]
    [InlineData("The profile sets aws_secret_access_key/aws_session_token/credential_process in a file it cannot read.")]
    public void Masking_keeps_the_names_of_variables_and_settings(string message)
    {
        Assert.Equal(message, SafeErrorText.MaskLikelySecrets(message));
    }

    [Theory]
    [InlineData(SecretKey)]
    [InlineData(SessionToken)]
    [InlineData(ApiKey)]
    [InlineData("AKIAIOSFODNN7EXAMPLEAKIAIOSFODNN7EXAMPLE")] // upper case and digits, one long segment
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN")] // upper case only, but no name has a 40-letter word
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")] // a name followed by its value
    [InlineData("aws_session_token=IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENvalue0123456789")]
    [InlineData("c2VjcmV0LWtleS1pbi1iYXNlNjQtZm9ybS0xMjM0NTY3ODkw")] // base64 of a secret, lower case and digits
    public void Masking_removes_real_looking_secrets_beside_names(string secret)
    {
        string masked = SafeErrorText.MaskLikelySecrets($"AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were read: {secret} end");

        Assert.Equal("AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN were read: *** end", masked);
    }

    private static BedrockOptions SessionOptions() => new()
    {
        Region = "us-east-1",
        Credentials = new SessionAWSCredentials("ASIAEXAMPLE", SecretKey, SessionToken),
    };

    private static BedrockOptions ApiKeyOptions() => new() { Region = "us-east-1", BearerToken = ApiKey };

    private static void AssertNoSecrets(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            foreach (string text in new[] { current.Message, current.ToString() })
            {
                Assert.DoesNotContain(SecretKey, text);
                Assert.DoesNotContain(SessionToken, text);
                Assert.DoesNotContain(ApiKey, text);
            }
        }
    }

    private sealed class ThrowingCredentials(Exception error) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw error;
    }
}
