using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>SigV4 credentials: options.Credentials → explicit profile → AWSSDK.Core's default chain; found lazily, fetched per request.</summary>
public sealed class CredentialResolutionTests
{
    private const string ModelId = "amazon.nova-lite-v1:0";

    [Fact]
    public async Task Default_chain_is_consulted_at_the_first_call_not_in_the_constructor()
    {
        int chainCalls = 0;
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1" }, handler, new Dictionary<string, string>(),
            defaultChain: _ =>
            {
                chainCalls++;
                return Task.FromResult<AWSCredentials?>(new BasicAWSCredentials("AKIDFROMCHAIN", "chain-secret"));
            });

        Assert.Equal(0, chainCalls);

        await client.ConverseAsync(ModelId, TestClients.HiRequest());
        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal(1, chainCalls);
        Assert.All(handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDFROMCHAIN/", r.Header("Authorization")));
    }

    [Fact]
    public async Task Explicit_credentials_win_over_profile_and_chain()
    {
        var profiles = new FakeProfileSource();
        profiles.Credentials["work"] = new BasicAWSCredentials("AKIDPROFILE", "profile-secret");
        var handler = new CapturingHandler();
        BedrockOptions options = TestClients.SigV4Options();
        options.Profile = "work";
        using BedrockRuntimeClient client = TestClients.Create(options, handler, new Dictionary<string, string>(), profiles);

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Explicit_profile_supplies_region_and_credentials()
    {
        var profiles = new FakeProfileSource();
        profiles.Regions["work"] = "eu-west-1";
        profiles.Credentials["work"] = new BasicAWSCredentials("AKIDPROFILE", "profile-secret");
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(new BedrockOptions { Profile = "work" }, handler, new Dictionary<string, string>(), profiles);

        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal("https://bedrock-runtime.eu-west-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse", handler.Single.Message.RequestUri!.AbsoluteUri);
        Assert.Matches("^AWS4-HMAC-SHA256 Credential=AKIDPROFILE/\\d{8}/eu-west-1/bedrock/aws4_request, ", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Missing_explicit_profile_is_a_configuration_error()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", Profile = "nope" }, new CapturingHandler(), new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("'nope'", error.Message);
        Assert.Contains("was not found", error.Message);
    }

    [Fact]
    public async Task Nothing_found_explains_every_option_and_sends_nothing()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1" }, handler, new Dictionary<string, string>(),
            defaultChain: _ => throw new AmazonClientException("Failed to resolve AWS credentials. Unable to find the \"default\" profile."));

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.StartsWith("No credentials for Bedrock were found.", error.Message);
        foreach (string option in new[] { "BedrockOptions.BearerToken", "AWS_BEARER_TOKEN_BEDROCK", "BedrockOptions.Credentials", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "aws sso login", "Unable to find the \"default\" profile" })
        {
            Assert.Contains(option, error.Message);
        }

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Failed_resolution_is_retried_on_the_next_call()
    {
        int chainCalls = 0;
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1" }, handler, new Dictionary<string, string>(),
            defaultChain: _ => ++chainCalls == 1
                ? throw new AmazonClientException("not yet")
                : Task.FromResult<AWSCredentials?>(new BasicAWSCredentials("AKIDLATER", "later-secret")));

        await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));
        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal(2, chainCalls);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDLATER/", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Credentials_are_fetched_for_every_request_so_refreshes_apply()
    {
        var rotating = new RotatingCredentials();
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", Credentials = rotating }, handler, new Dictionary<string, string>());

        await client.ConverseAsync(ModelId, TestClients.HiRequest());
        await client.ConverseAsync(ModelId, TestClients.HiRequest());

        Assert.Equal(2, rotating.Fetches);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAROTATED1/", handler.Requests[0].Header("Authorization"));
        Assert.Equal("token-1-abcdefgh", handler.Requests[0].Header("X-Amz-Security-Token"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAROTATED2/", handler.Requests[1].Header("Authorization"));
        Assert.Equal("token-2-abcdefgh", handler.Requests[1].Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Failing_credential_fetch_is_a_configuration_error()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", Credentials = new FailingCredentials() }, new CapturingHandler(), new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("BedrockOptions.Credentials", error.Message);
        Assert.Contains("SSO session expired", error.Message);
    }

    [Fact]
    public async Task Anonymous_credentials_cannot_sign()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1", Credentials = new AnonymousAWSCredentials() }, new CapturingHandler(), new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Contains("anonymous", error.Message);
    }

    [Fact]
    public async Task Cancellation_during_credential_resolution_is_the_callers()
    {
        using var cancellation = new CancellationTokenSource();
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { Region = "us-east-1" }, new CapturingHandler(), new Dictionary<string, string>(),
            defaultChain: async token =>
            {
                cancellation.Cancel();
                await Task.Delay(Timeout.Infinite, token);
                return null;
            });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest(), cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    private sealed class RotatingCredentials : AWSCredentials
    {
        public int Fetches { get; private set; }

        public override ImmutableCredentials GetCredentials()
        {
            Fetches++;
            return new ImmutableCredentials("ASIAROTATED" + Fetches, "secret-" + Fetches, $"token-{Fetches}-abcdefgh");
        }
    }

    private sealed class FailingCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("SSO session expired; run aws sso login");
    }
}
