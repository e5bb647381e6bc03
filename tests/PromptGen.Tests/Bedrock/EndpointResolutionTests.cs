using System;
using System.Collections.Generic;
using PromptGen.Bedrock.Configuration;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>
/// options.Endpoint → AWS_ENDPOINT_URL_BEDROCK_RUNTIME → AWS_ENDPOINT_URL → built from the region, FIPS and
/// dual-stack (wire spec §1).
/// </summary>
public sealed class EndpointResolutionTests
{
    private readonly Dictionary<string, string> _environment = new()
    {
        ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = "http://localhost:4000",
        ["AWS_ENDPOINT_URL"] = "http://localhost:5000",
    };

    [Fact]
    public void Options_endpoint_comes_first()
    {
        Assert.Equal(new Uri("http://127.0.0.1:3000/"), Resolve(new BedrockOptions { Endpoint = new Uri("http://127.0.0.1:3000") }, "us-east-1"));
    }

    [Fact]
    public void Service_specific_variable_comes_second()
    {
        Assert.Equal(new Uri("http://localhost:4000/"), Resolve(new BedrockOptions(), "us-east-1"));
    }

    [Fact]
    public void Global_variable_comes_third()
    {
        _environment.Remove("AWS_ENDPOINT_URL_BEDROCK_RUNTIME");

        Assert.Equal(new Uri("http://localhost:5000/"), Resolve(new BedrockOptions(), "us-east-1"));
    }

    [Fact]
    public void Regional_endpoint_comes_last()
    {
        _environment.Clear();

        Assert.Equal("https://bedrock-runtime.us-east-1.amazonaws.com/", Resolve(new BedrockOptions(), "us-east-1").AbsoluteUri);
    }

    [Fact]
    public void Ignore_configured_endpoints_skips_the_variables_but_not_the_options()
    {
        _environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";

        Assert.Equal("https://bedrock-runtime.us-west-2.amazonaws.com/", Resolve(new BedrockOptions(), "us-west-2").AbsoluteUri);
        Assert.Equal(new Uri("http://127.0.0.1:3000/"), Resolve(new BedrockOptions { Endpoint = new Uri("http://127.0.0.1:3000") }, "us-west-2"));
    }

    [Theory]
    [InlineData("us-east-1", false, false, "https://bedrock-runtime.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1", true, false, "https://bedrock-runtime-fips.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1", false, true, "https://bedrock-runtime.us-east-1.api.aws/")]
    [InlineData("us-east-1", true, true, "https://bedrock-runtime-fips.us-east-1.api.aws/")]
    [InlineData("eu-central-1", false, false, "https://bedrock-runtime.eu-central-1.amazonaws.com/")]
    [InlineData("cn-north-1", false, false, "https://bedrock-runtime.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", true, false, "https://bedrock-runtime-fips.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("cn-north-1", false, true, "https://bedrock-runtime.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("us-gov-west-1", false, false, "https://bedrock-runtime.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", true, false, "https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-gov-east-1", false, true, "https://bedrock-runtime.us-gov-east-1.api.aws/")]
    [InlineData("us-iso-east-1", false, false, "https://bedrock-runtime.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("us-isob-east-1", false, false, "https://bedrock-runtime.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("xx-future-9", false, false, "https://bedrock-runtime.xx-future-9.amazonaws.com/")]
    public void Regional_endpoints_follow_the_partition(string region, bool fips, bool dualStack, string expected)
    {
        _environment.Clear();

        Uri endpoint = Resolve(new BedrockOptions { UseFips = fips, UseDualStack = dualStack }, region);

        Assert.Equal(expected, endpoint.AbsoluteUri);
    }

    [Fact]
    public void Dual_stack_in_a_partition_without_it_is_an_error()
    {
        _environment.Clear();

        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(new BedrockOptions { UseDualStack = true }, "us-iso-east-1"));

        Assert.Contains("aws-iso", error.Message);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Custom_endpoint_with_fips_or_dual_stack_is_an_error(bool fips, bool dualStack)
    {
        var options = new BedrockOptions { Endpoint = new Uri("https://vpce-123.bedrock-runtime.us-east-1.vpce.amazonaws.com"), UseFips = fips, UseDualStack = dualStack };

        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(options, "us-east-1"));

        Assert.Contains("cannot be combined with " + (fips ? "UseFips" : "UseDualStack"), error.Message);
        Assert.Contains("BedrockOptions.Endpoint", error.Message);
    }

    [Fact]
    public void Endpoint_variable_with_fips_is_an_error_naming_the_variable()
    {
        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(new BedrockOptions { UseFips = true }, "us-east-1"));

        Assert.Contains("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", error.Message);
    }

    [Fact]
    public void Custom_endpoint_needs_no_region_to_be_resolved()
    {
        Assert.Equal(new Uri("http://localhost:4000/"), Resolve(new BedrockOptions(), region: null));
    }

    [Fact]
    public void No_endpoint_and_no_region_is_missing_region()
    {
        _environment.Clear();

        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(new BedrockOptions(), region: null));

        Assert.StartsWith("Missing Region", error.Message);
        Assert.Contains("endpoint", error.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com")]
    [InlineData("https://example.com/?x=1")]
    public void Invalid_endpoint_variable_is_an_error(string value)
    {
        _environment["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = value;

        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(new BedrockOptions(), "us-east-1"));

        Assert.Contains("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", error.Message);
    }

    [Fact]
    public void Endpoint_with_a_password_is_rejected_without_printing_it()
    {
        var options = new BedrockOptions { Endpoint = new Uri("https://user:hunter2secret@proxy.example.com") };

        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(options, "us-east-1"));

        Assert.Contains("user information", error.Message);
        Assert.DoesNotContain("hunter2secret", error.ToString());
    }

    [Fact]
    public void Client_with_bearer_token_and_custom_endpoint_needs_no_region()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { BearerToken = "bedrock-api-key-abc", Endpoint = new Uri("http://localhost:8080") },
            new CapturingHandler(), new Dictionary<string, string>());

        Assert.Null(client.Region);
        Assert.Equal(new Uri("http://localhost:8080/"), client.Endpoint);
    }

    [Fact]
    public void Client_signing_with_sigv4_and_a_custom_endpoint_still_needs_a_region()
    {
        var options = new BedrockOptions { Endpoint = new Uri("http://localhost:8080"), Credentials = new Amazon.Runtime.BasicAWSCredentials("AKID", "secret") };

        var error = Assert.Throws<BedrockConfigurationException>(() =>
            TestClients.Create(options, new CapturingHandler(), new Dictionary<string, string>()));

        Assert.StartsWith("Missing Region", error.Message);
        Assert.Contains("SigV4", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Client_refuses_a_timeout_that_is_not_positive(int seconds)
    {
        var options = new BedrockOptions { Region = "us-east-1", BearerToken = "bedrock-api-key-abc", Timeout = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<BedrockConfigurationException>(() =>
            TestClients.Create(options, new CapturingHandler(), new Dictionary<string, string>()));

        Assert.Contains("BedrockOptions.Timeout must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_reports_the_resolved_endpoint_and_region()
    {
        using BedrockRuntimeClient client = TestClients.Create(
            new BedrockOptions { UseFips = true }, new CapturingHandler(),
            new Dictionary<string, string> { ["AWS_REGION"] = "us-west-2" });

        Assert.Equal("us-west-2", client.Region);
        Assert.Equal("https://bedrock-runtime-fips.us-west-2.amazonaws.com/", client.Endpoint.AbsoluteUri);
    }

    private Uri Resolve(BedrockOptions options, string? region) =>
        new BedrockSettingsResolver(name => _environment.TryGetValue(name, out string? value) ? value : null, new FakeProfileSource())
            .ResolveEndpoint(options, region);
}
