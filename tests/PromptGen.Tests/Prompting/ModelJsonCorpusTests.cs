using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PromptGen.Prompting;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>The corpus of real-looking model answers (Corpus/*.cases): the executable form of docs/parsing.md.</summary>
public sealed class ModelJsonCorpusTests
{
    public static IEnumerable<object[]> Cases() => ModelJsonCorpus.Ids();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_case(string id)
    {
        CorpusCase c = ModelJsonCorpus.Get(id);

        bool ok = ModelJson.TryNormalize(c.Input, c.WasTruncated, out byte[] json, out ResultError error);

        if (c.ExpectedJson is not null)
        {
            Assert.True(ok, $"expected JSON, got {error.Kind}: {error.Message}");
            using JsonDocument expected = JsonDocument.Parse(c.ExpectedJson);
            using JsonDocument actual = JsonDocument.Parse(json);
            Assert.True(
                JsonElement.DeepEquals(expected.RootElement, actual.RootElement),
                $"expected {expected.RootElement.GetRawText()}\n     got {Encoding.UTF8.GetString(json)}");
        }
        else
        {
            Assert.False(ok, $"expected {c.ExpectedError}, got JSON {Encoding.UTF8.GetString(json)}");
            Assert.Equal(c.ExpectedError, error.Kind);
            Assert.Equal("$", error.Path);
            Assert.Empty(json);
            if (c.MessageContains is not null)
            {
                Assert.Contains(c.MessageContains, error.Message);
            }
        }
    }

    [Fact]
    public void Corpus_has_at_least_fifty_cases()
    {
        Assert.True(ModelJsonCorpus.Count >= 50, $"only {ModelJsonCorpus.Count} cases loaded from {ModelJsonCorpus.Directory}");
    }
}
