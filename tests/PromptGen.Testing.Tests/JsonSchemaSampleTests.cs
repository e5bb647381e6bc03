using PromptGen.Testing.Hosting;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Default replies are built from schema samples: each sample must satisfy its schema's basics.</summary>
public sealed class JsonSchemaSampleTests
{
    [Theory]
    [InlineData("""{"type":"string"}""", "\"sample\"")]
    [InlineData("""{"type":"string","maxLength":3}""", "\"sam\"")]
    [InlineData("""{"type":"string","format":"date-time"}""", "\"2024-01-01T00:00:00Z\"")]
    [InlineData("""{"type":"integer","minimum":5}""", "5")]
    [InlineData("""{"type":"integer","exclusiveMinimum":5}""", "6")]
    [InlineData("""{"type":"number","maximum":-2}""", "-2")]
    [InlineData("""{"type":"boolean"}""", "true")]
    [InlineData("""{"type":["null","integer"]}""", "0")]
    [InlineData("""{"enum":["b","a"]}""", "\"b\"")]
    [InlineData("""{"const":{"k":1}}""", """{"k":1}""")]
    [InlineData("""{"anyOf":[{"type":"integer"},{"type":"string"}]}""", "0")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"minItems":2}""", "[0,0]")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"maxItems":0}""", "[]")]
    [InlineData("""{"properties":{"a":{"type":"string"}}}""", """{"a":"sample"}""")]
    [InlineData("""{}""", "null")]
    [InlineData("""{"$ref":"#/$defs/missing"}""", "null")]
    public void Sample_fits_the_schema(string schema, string expected)
    {
        Assert.Equal(expected, JsonSchemaSample.For(schema));
    }

    [Fact]
    public void Recursive_schema_ends()
    {
        const string Tree = """{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["name"]}}}""";

        string sample = JsonSchemaSample.For(Tree);

        Assert.StartsWith("""{"name":"sample","children":[{"name":"sample",""", sample, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_schema_text_gives_an_empty_object()
    {
        Assert.Equal("{}", JsonSchemaSample.For("{not json"));
    }
}
