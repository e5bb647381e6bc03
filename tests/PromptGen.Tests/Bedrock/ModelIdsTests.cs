using PromptGen.AI;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>The run time's one reading of model ids, which pricing and the Microsoft.Extensions.AI adapters share.</summary>
public sealed class ModelIdsTests
{
    [Theory]
    [InlineData("amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0", null)]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0", "us")]
    [InlineData("us-gov.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0", "us-gov")]
    [InlineData("global.cohere.embed-v4:0", "cohere.embed-v4:0", "global")]
    [InlineData("arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0", "amazon.rerank-v1:0", null)]
    [InlineData("arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0", "eu")]
    [InlineData("arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.titan-embed-text-v2:0", "amazon.titan-embed-text-v2:0", null)]
    [InlineData("xx.amazon.nova-lite-v1:0", "xx.amazon.nova-lite-v1:0", null)]
    public void An_id_names_its_base_model_and_profile_prefix(string modelId, string baseId, string? prefix)
    {
        Assert.Equal((baseId, prefix), ModelIds.Resolve(modelId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6")]
    [InlineData("arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-endpoint")]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/")]
    public void An_id_that_names_no_model_by_its_id_resolves_to_nothing(string? modelId)
    {
        Assert.Null(ModelIds.Resolve(modelId));
    }

    [Theory]
    [InlineData("us-gov.cohere.embed-v4:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.cohere.embed-v4:0")]
    public void The_adapters_find_a_profiles_body_family_through_the_same_reading(string modelId)
    {
        Assert.Equal(EmbeddingFamily.Cohere, InvokeModelFamilies.Embedding(modelId));
        Assert.True(InvokeModelFamilies.IsCohereV4(modelId));
    }
}
