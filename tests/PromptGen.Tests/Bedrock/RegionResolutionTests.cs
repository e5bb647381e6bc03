using System.Collections.Generic;
using PromptGen.Bedrock.Configuration;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>options.Region → AWS_REGION → AWS_DEFAULT_REGION → the profile's region → "Missing Region".</summary>
public sealed class RegionResolutionTests
{
    private readonly Dictionary<string, string> _environment = new();
    private readonly FakeProfileSource _profiles = new();

    public RegionResolutionTests()
    {
        _environment["AWS_REGION"] = "eu-west-1";
        _environment["AWS_DEFAULT_REGION"] = "eu-west-2";
        _profiles.Regions["default"] = "eu-west-3";
    }

    [Fact]
    public void Options_region_comes_first()
    {
        Assert.Equal("ap-south-1", Resolve(new BedrockOptions { Region = "ap-south-1" }));
    }

    [Fact]
    public void AWS_REGION_comes_second()
    {
        Assert.Equal("eu-west-1", Resolve(new BedrockOptions()));
    }

    [Fact]
    public void AWS_DEFAULT_REGION_comes_third()
    {
        _environment.Remove("AWS_REGION");

        Assert.Equal("eu-west-2", Resolve(new BedrockOptions()));
    }

    [Fact]
    public void Default_profile_region_comes_last()
    {
        _environment.Clear();

        Assert.Equal("eu-west-3", Resolve(new BedrockOptions()));
        Assert.Equal(new[] { "default" }, _profiles.RegionLookups);
    }

    [Fact]
    public void Profile_is_read_only_when_nothing_earlier_gave_a_region()
    {
        Resolve(new BedrockOptions());

        Assert.Empty(_profiles.RegionLookups);
    }

    [Fact]
    public void AWS_PROFILE_selects_the_profile()
    {
        _environment.Clear();
        _environment["AWS_PROFILE"] = "work";
        _profiles.Regions["work"] = "ca-central-1";

        Assert.Equal("ca-central-1", Resolve(new BedrockOptions()));
    }

    [Fact]
    public void Options_profile_wins_over_AWS_PROFILE()
    {
        _environment.Clear();
        _environment["AWS_PROFILE"] = "work";
        _profiles.Regions["work"] = "ca-central-1";
        _profiles.Regions["personal"] = "sa-east-1";

        Assert.Equal("sa-east-1", Resolve(new BedrockOptions { Profile = "personal" }));
    }

    [Fact]
    public void Blank_values_count_as_unset()
    {
        _environment["AWS_REGION"] = "  ";

        Assert.Equal("eu-west-2", Resolve(new BedrockOptions { Region = "" }));
    }

    [Fact]
    public void Nothing_found_is_null()
    {
        _environment.Clear();
        _profiles.Regions.Clear();

        Assert.Null(Resolve(new BedrockOptions()));
    }

    [Fact]
    public void Missing_region_is_a_clear_configuration_error()
    {
        _environment.Clear();
        _profiles.Regions.Clear();
        var resolver = new BedrockSettingsResolver(Lookup, _profiles);

        var error = Assert.Throws<BedrockConfigurationException>(() => resolver.Resolve(new BedrockOptions { BearerToken = "bedrock-api-key-abc" }));

        Assert.StartsWith("Missing Region", error.Message);
        Assert.Contains("BedrockOptions.Region", error.Message);
        Assert.Contains("AWS_REGION", error.Message);
        Assert.Contains("profile 'default'", error.Message);
    }

    [Fact]
    public void Missing_region_surfaces_from_the_client_constructor()
    {
        var error = Assert.Throws<BedrockConfigurationException>(() =>
            TestClients.Create(new BedrockOptions(), new CapturingHandler(), new Dictionary<string, string>(), new FakeProfileSource()));

        Assert.StartsWith("Missing Region", error.Message);
    }

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("us east 1")]
    [InlineData("evil.com/x")]
    [InlineData("-us-east-1")]
    public void Region_that_is_not_a_dns_label_is_rejected(string region)
    {
        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(new BedrockOptions { Region = region }));

        Assert.Contains("is not an AWS region name", error.Message);
        Assert.Contains("BedrockOptions.Region", error.Message);
    }

    [Fact]
    public void Bad_region_from_the_environment_names_the_variable()
    {
        _environment["AWS_REGION"] = "Frankfurt";

        var error = Assert.Throws<BedrockConfigurationException>(() => Resolve(new BedrockOptions()));

        Assert.Contains("the AWS_REGION environment variable", error.Message);
    }

    private string? Resolve(BedrockOptions options) => new BedrockSettingsResolver(Lookup, _profiles).ResolveRegion(options);

    private string? Lookup(string name) => _environment.TryGetValue(name, out string? value) ? value : null;
}
