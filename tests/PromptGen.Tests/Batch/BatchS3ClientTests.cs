using System;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using PromptGen.Batch;
using Xunit;

namespace PromptGen.Tests.Batch;

/// <summary>The S3 client a BatchRunner makes from its Bedrock client: same credentials, same region, same local endpoint.</summary>
public sealed class BatchS3ClientTests
{
    private static readonly BatchRunOptions Options = new() { Bucket = "bucket", RoleArn = "arn:aws:iam::123456789012:role/Batch" };

    [Fact]
    public void On_AWS_the_S3_client_is_the_regional_one_of_the_Bedrock_clients_region()
    {
        var credentials = new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        using var runtime = new BedrockRuntimeClient(new BedrockOptions { Region = "eu-west-3", Credentials = credentials });
        using var runner = new BatchRunner(runtime, Options);

        var config = Assert.IsType<AmazonS3Config>(Assert.IsType<AmazonS3Client>(runner.S3).Config);
        Assert.Equal(RegionEndpoint.EUWest3, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
        Assert.False(config.ForcePathStyle);
    }

    [Fact]
    public void A_local_endpoint_serves_S3_too_with_path_style_addresses()
    {
        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        using var runtime = new BedrockRuntimeClient(new BedrockOptions { Region = "us-west-2", Endpoint = new Uri("http://127.0.0.1:4566/"), Credentials = credentials });
        using var runner = new BatchRunner(runtime, Options);

        var config = Assert.IsType<AmazonS3Config>(Assert.IsType<AmazonS3Client>(runner.S3).Config);
        Assert.Equal("http://127.0.0.1:4566/", config.ServiceURL);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("us-west-2", config.AuthenticationRegion);
    }

    [Fact]
    public void A_Bedrock_API_key_cannot_sign_S3_and_the_error_says_what_to_do()
    {
        using var runtime = new BedrockRuntimeClient(new BedrockOptions { Region = "us-east-1", BearerToken = "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLWtleQ==" });

        var error = Assert.Throws<BedrockConfigurationException>(() => new BatchRunner(runtime, Options));

        Assert.Contains("API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("IAmazonS3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ABSK", error.Message, StringComparison.Ordinal);
    }
}
