using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace PromptGen.Mcp.Tests;

/// <summary>How an MCP prompt's string arguments become a descriptor's arguments object.</summary>
public sealed class PromptArgumentTextTests
{
    private static readonly PromptArgumentShape[] Shapes =
    [
        new("title", "string", IsText: true, IsRequired: true),
        new("count", "int", IsText: false, IsRequired: true),
        new("tags", "System.Collections.Generic.List<string>", IsText: false, IsRequired: false),
    ];

    [Fact]
    public void Text_is_taken_as_it_is_and_other_parameters_as_JSON()
    {
        string? problem = PromptArgumentText.TryWrite(Shapes, Arguments(("title", "\"quoted\" [not JSON]"), ("count", "3"), ("tags", """["a","b"]""")), out string json);

        Assert.Null(problem);
        Assert.Equal("""{"title":"\u0022quoted\u0022 [not JSON]","count":3,"tags":["a","b"]}""", json);
    }

    [Fact]
    public void A_value_sent_as_JSON_instead_of_a_string_is_used_as_that_value()
    {
        using JsonDocument number = JsonDocument.Parse("5");
        string? problem = PromptArgumentText.TryWrite(Shapes, [new("count", number.RootElement)], out string json);

        Assert.Null(problem);
        Assert.Equal("""{"count":5}""", json);
    }

    [Theory]
    [InlineData("count", "three", "The argument 'count' (int) must be JSON, e.g. 3; it does not read as JSON")]
    [InlineData("tags", "a, b", "The argument 'tags' (System.Collections.Generic.List<string>) must be JSON, e.g. [\"a\", \"b\"];")]
    [InlineData("name", "x", "The prompt has no argument 'name'; it takes 'title', 'count', 'tags'.")]
    public void What_cannot_be_read_is_refused_naming_the_argument(string name, string value, string expected)
    {
        string? problem = PromptArgumentText.TryWrite(Shapes, Arguments((name, value)), out _);

        Assert.NotNull(problem);
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void A_lone_surrogate_in_a_JSON_argument_is_refused_and_in_text_is_passed_on_escaped()
    {
        using JsonDocument lone = JsonDocument.Parse("\"\\uD800\"");

        Assert.Contains("lone UTF-16 surrogate", PromptArgumentText.TryWrite(Shapes, [new("count", lone.RootElement)], out _));
        Assert.Null(PromptArgumentText.TryWrite(Shapes, [new("title", lone.RootElement)], out string json));
        Assert.Equal("""{"title":"\uD800"}""", json);
    }

    [Fact]
    public void JSON_nested_deeper_than_the_reader_allows_is_refused()
    {
        string? problem = PromptArgumentText.TryWrite(Shapes, Arguments(("tags", new string('[', 65) + "1" + new string(']', 65))), out _);

        Assert.NotNull(problem);
        Assert.StartsWith("The argument 'tags' (System.Collections.Generic.List<string>) must be JSON", problem);
    }

    [Fact]
    public void A_long_bad_literal_is_not_quoted_back()
    {
        string? problem = PromptArgumentText.TryWrite(Shapes, Arguments(("count", "fal" + new string('T', 5000))), out _);

        Assert.NotNull(problem);
        Assert.StartsWith("The argument 'count' (int) must be JSON, e.g. 3; it does not read as JSON (line 1, byte ", problem);
        Assert.DoesNotContain("TTT", problem);
    }

    [Fact]
    public void The_tool_copies_arguments_as_the_client_escaped_them_lone_surrogates_included()
    {
        using JsonDocument lone = JsonDocument.Parse("\"\\uD800\"");

        Assert.Equal("""{"text":"\uD800","count":2}""", PromptMcpTool.WriteArguments([new("text", lone.RootElement), new("count", JsonSerializer.SerializeToElement(2))]));
        Assert.Equal("{}", PromptMcpTool.WriteArguments(null));
    }

    private static List<KeyValuePair<string, JsonElement>> Arguments(params (string Name, string Text)[] arguments) =>
        arguments.Select(a => new KeyValuePair<string, JsonElement>(a.Name, JsonSerializer.SerializeToElement(a.Text))).ToList();
}
