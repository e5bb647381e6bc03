using System;
using System.Linq;
using System.Text.RegularExpressions;
using PromptGen.Generators.Catalog;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>
/// <see cref="ModelIdSyntax.IsWellFormed"/> is a hand-written check (no regex, so no match timeout under load): it
/// accepts exactly what <see cref="ModelIdSyntax.Pattern"/> describes, read as a whole string (no trailing line break).
/// </summary>
public sealed class ModelIdSyntaxTests
{
    // The documented pattern anchored with \A…\z, so a trailing "\n" is not a match (as the hand-written check says).
    private static readonly Regex Whole = new(@"\A(?:" + ModelIdSyntax.Pattern.TrimStart('^').TrimEnd('$') + @")\z", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", true)]
    [InlineData("amazon.nova-lite-v1:0", true)]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0", true)]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0", true)]
    [InlineData("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:application-inference-profile/abc", true)]
    [InlineData("arn:aws:sagemaker:eu-west-1:123456789012:endpoint/my-endpoint", true)]
    [InlineData("arn:aws:s3:us-east-1::bucket/key", false)]
    [InlineData("arn:aws:bedrock:us-east-1:1234567890123:foundation-model/x", false)]
    [InlineData("arn:aws:bedrock:this-region-name-is-too-long:1:foundation-model/x", false)]
    [InlineData("arn:aws:bedrock:us-east-1::foundation-model/a b", false)]
    [InlineData("arn:aws-:bedrock:us-east-1::foundation-model/x", false)]
    [InlineData("amazon.nova lite", false)]
    [InlineData("amazon.nova-lite-v1:0\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Reads_the_forms_a_model_id_takes(string? id, bool wellFormed)
    {
        Assert.Equal(wellFormed, ModelIdSyntax.IsWellFormed(id));
        if (id is not null && id.Length > 0)
        {
            Assert.Equal(Whole.IsMatch(id), ModelIdSyntax.IsWellFormed(id));
        }
    }

    [Fact]
    public void Agrees_with_the_pattern_on_random_ids_built_from_its_parts()
    {
        var random = new Random(21);
        string[] parts =
        {
            "arn", ":", "aws", "-", "us-gov", "bedrock", "sagemaker", "s3", "us-east-1", "123456789012", "1234567890123", "/",
            "foundation-model", "inference-profile", "amazon.nova-lite-v1:0", "x", "_", ".", " ", "\n", "é", "0", "::",
        };
        int wellFormed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            string id = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => parts[random.Next(parts.Length)]));
            if (random.Next(3) == 0)
            {
                id = "arn:aws:" + id;
            }

            bool expected = Whole.IsMatch(id);
            Assert.True(expected == ModelIdSyntax.IsWellFormed(id), $"'{id}': the pattern says {expected}");
            wellFormed += expected ? 1 : 0;
        }

        Assert.InRange(wellFormed, 500, 19_500); // both outcomes are exercised
    }

    [Fact]
    public void A_long_id_is_judged_at_once()
    {
        string nearlyArn = "arn:aws:bedrock:us-east-1:123456789012:" + new string('a', ModelIdSyntax.MaxLength - 60) + " ";

        Assert.False(ModelIdSyntax.IsWellFormed(nearlyArn));
        Assert.False(ModelIdSyntax.IsWellFormed(new string('a', ModelIdSyntax.MaxLength + 1)));
        Assert.True(ModelIdSyntax.IsWellFormed(new string('a', ModelIdSyntax.MaxLength)));
    }
}
