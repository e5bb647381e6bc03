using System.Text;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.CompilerServices;

/// <summary>The batch's fast vector reader: the top-level Titan vector in one pass, null (so the typed reader decides) otherwise.</summary>
public sealed class EmbeddingVectorReaderTests
{
    [Theory]
    [InlineData("""{"embedding":[0.5,-1,2e-3],"inputTextTokenCount":3}""", 3)]
    [InlineData("""{"embeddingsByType":{"float":[9,9],"embedding":[9]},"inputTextTokenCount":3,"embedding":[0.5,-1,2e-3]}""", 2)]
    [InlineData("""{"embedding":[0.5,-1,2e-3]}""", 8)]
    public void Reads_the_top_level_vector_whatever_comes_before_and_whatever_length_was_expected(string body, int expectedLength)
    {
        Assert.Equal(new[] { 0.5f, -1f, 0.002f }, EmbeddingVectorReader.ReadTitan(Encoding.UTF8.GetBytes(body), expectedLength));
    }

    [Theory]
    [InlineData("""{"inputTextTokenCount":3}""")]
    [InlineData("""{"embedding":[0.5,"x"]}""")]
    [InlineData("""{"embedding":[0.5,1e400]}""")]
    [InlineData("""{"embedding":{"float":[1]}}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"embedding":[0.5,""")]
    [InlineData("not json")]
    public void Anything_else_is_left_to_the_typed_reader(string body)
    {
        Assert.Null(EmbeddingVectorReader.ReadTitan(Encoding.UTF8.GetBytes(body), 2));
    }
}
