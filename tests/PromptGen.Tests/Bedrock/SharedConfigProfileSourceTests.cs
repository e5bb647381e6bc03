using System;
using System.IO;
using Amazon.Runtime;
using PromptGen.Bedrock.Configuration;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>Profiles are read through AWSSDK.Core from a real (temporary) shared credentials file.</summary>
public sealed class SharedConfigProfileSourceTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public SharedConfigProfileSourceTests()
    {
        File.WriteAllText(_path, """
            [dev]
            aws_access_key_id = AKIDDEVPROFILE
            aws_secret_access_key = dev-secret-key
            region = eu-west-3

            [session]
            aws_access_key_id = ASIASESSION
            aws_secret_access_key = session-secret
            aws_session_token = session-token-value

            [regiononly]
            region = ap-northeast-1
            """);
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Region_of_a_profile_is_read()
    {
        var profiles = new SharedConfigProfileSource(_path);

        Assert.Equal("eu-west-3", profiles.GetRegion("dev"));
        Assert.Null(profiles.GetRegion("session"));
        Assert.Null(profiles.GetRegion("missing"));
    }

    [Fact]
    public void Credentials_of_a_profile_are_read()
    {
        var profiles = new SharedConfigProfileSource(_path);

        ImmutableCredentials dev = profiles.GetCredentials("dev")!.GetCredentials();
        ImmutableCredentials session = profiles.GetCredentials("session")!.GetCredentials();

        Assert.Equal("AKIDDEVPROFILE", dev.AccessKey);
        Assert.False(dev.UseToken);
        Assert.Equal("ASIASESSION", session.AccessKey);
        Assert.Equal("session-token-value", session.Token);
    }

    [Fact]
    public void Missing_profile_has_no_credentials()
    {
        Assert.Null(new SharedConfigProfileSource(_path).GetCredentials("missing"));
    }

    [Fact]
    public void Profile_without_credentials_is_a_configuration_error()
    {
        var error = Assert.Throws<BedrockConfigurationException>(() => new SharedConfigProfileSource(_path).GetCredentials("regiononly"));

        Assert.Contains("'regiononly'", error.Message);
    }
}
