using System;
using PromptGen.Generators.Catalog.Data;
using Xunit;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>The catalog's own JSON reader: strict RFC 8259, faults with a place, nothing else thrown.</summary>
public sealed class CatalogJsonTests
{
    [Fact]
    public void Reads_every_kind_of_value()
    {
        CatalogJsonNode root = CatalogJson.Parse("\uFEFF { \"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\n\\\"\" }\n");

        Assert.Equal(JsonKind.Object, root.Kind);
        CatalogJsonNode a = root.Member("a")!;
        Assert.Equal(new[] { JsonKind.Number, JsonKind.Number, JsonKind.Boolean, JsonKind.Boolean, JsonKind.Null }, Array.ConvertAll(System.Linq.Enumerable.ToArray(a.Items), item => item.Kind));
        Assert.Equal("-2.5e3", a.Items[1].Text);
        Assert.True(a.Items[2].Boolean);
        Assert.Equal("x\u00e9\n\"", root.Member("b")!.Text);
        Assert.Equal((1, 9), (a.Line, a.Column));
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("{\"a\":1,}", 1, 8)]
    [InlineData("{\"a\":1 \"b\":2}", 1, 8)]
    [InlineData("[01]", 1, 3)]
    [InlineData("[1.]", 1, 4)]
    [InlineData("\"a\tb\"", 1, 3)]
    [InlineData("\"\\x\"", 1, 3)]
    [InlineData("{\"a\":1,\n \"a\":2}", 2, 2)]
    [InlineData("tru", 1, 1)]
    [InlineData("{} {}", 1, 4)]
    [InlineData("// comment\n{}", 1, 1)]
    public void Refuses_what_is_not_json_at_its_place(string text, int line, int column)
    {
        CatalogJsonException error = Assert.Throws<CatalogJsonException>(() => CatalogJson.Parse(text));

        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Deep_nesting_is_a_fault_not_a_stack_overflow()
    {
        string deep = new string('[', 100_000) + new string(']', 100_000);

        CatalogJsonException error = Assert.Throws<CatalogJsonException>(() => CatalogJson.Parse(deep));

        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }
}
