using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>Bedrock API keys: options.BearerToken → AWS_BEARER_TOKEN_BEDROCK → SigV4 (wire spec §2).</summary>
public sealed class BearerAuthenticationTests
{
    private const string ModelId = "amazon.nova-lite-v1:0";

    [Fact]
    public async Task Bearer_token_sends_authorization_bearer_and_no_sigv4_headers()
    {
        var handler = new CapturingHandler();
        var options = new BedrockOptions { Region = "us-east-1", BearerToken = "ABSKbedrockapikey0123456789" };
        using BedrockRuntimeClient client = TestClients.Create(options, handler, new Dictionary<string, string>());

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        CapturedRequest sent = handler.Single;
        Assert.Equal("Bearer ABSKbedrockapikey0123456789", sent.Header("Authorization"));
        Assert.False(sent.HasHeader("X-Amz-Date"));
        Assert.False(sent.HasHeader("X-Amz-Content-SHA256"));
        Assert.False(sent.HasHeader("X-Amz-Security-Token"));
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Equal("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse", sent.Message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Environment_variable_supplies_the_bearer_token()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1" }, handler,
            new Dictionary<string, string> { ["AWS_BEARER_TOKEN_BEDROCK"] = "ABSKfromtheenvironment\n" });

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal("Bearer ABSKfromtheenvironment", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Options_token_wins_over_the_environment()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", BearerToken = "ABSKfromoptions" }, handler,
            new Dictionary<string, string> { ["AWS_BEARER_TOKEN_BEDROCK"] = "ABSKfromtheenvironment" });

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal("Bearer ABSKfromoptions", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Credentials_set_in_options_win_over_the_environment_bearer_token()
    {
        var handler = new CapturingHandler();
        BedrockOptions options = TestClients.SigV4Options();
        using BedrockRuntimeClient client = TestClients.Create(
            options, handler, new Dictionary<string, string> { ["AWS_BEARER_TOKEN_BEDROCK"] = "ABSKfromtheenvironment" });

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.StartsWith("AWS4-HMAC-SHA256 ", handler.Single.Header("Authorization"), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_token_in_options_wins_over_sigv4_credentials()
    {
        var handler = new CapturingHandler();
        BedrockOptions options = TestClients.SigV4Options();
        options.BearerToken = "ABSKfromoptions";
        using BedrockRuntimeClient client = TestClients.Create(options, handler, new Dictionary<string, string>());

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal("Bearer ABSKfromoptions", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Without_a_bearer_token_requests_are_signed()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler, new Dictionary<string, string>());

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", handler.Single.Header("Authorization"));
    }

    [Theory]
    [InlineData("ABSK with space")]
    [InlineData("ABSK\r\nX-Injected: 1")]
    [InlineData("ABSKnon-ascii-é")]
    public void Token_that_cannot_be_a_header_is_rejected_without_printing_it(string token)
    {
        var error = Assert.Throws<BedrockConfigurationException>(() => TestClients.Create(
            new BedrockOptions { Region = "us-east-1", BearerToken = token }, new CapturingHandler(), new Dictionary<string, string>()));

        Assert.Contains("BedrockOptions.BearerToken", error.Message);
        Assert.DoesNotContain("ABSK", error.ToString());
    }

    [Fact]
    public void Blank_token_means_sigv4()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", BearerToken = "  ", Credentials = new BasicAWSCredentials("AKID", "secret") },
            new CapturingHandler(), new Dictionary<string, string> { ["AWS_BEARER_TOKEN_BEDROCK"] = "" });

        Assert.Equal("us-east-1", client.Region);
    }
}
