using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>JsonPath is built as text only when an error needs it; the text must be JsonPaths' own.</summary>
public sealed class JsonPathTests
{
    [Fact]
    public void A_member_path_reads_as_JsonPaths_builds_it()
    {
        Assert.Equal("$.order.items", JsonPath.Member("$.order", "items").ToString());
        Assert.Equal("$['odd key']", JsonPath.Member("$", "odd key").ToString());
        Assert.Equal(JsonPaths.Member("$", "it's"), JsonPath.Member("$", "it's").ToString());
    }

    [Fact]
    public void An_element_path_reads_as_JsonPaths_builds_it()
    {
        Assert.Equal("$.items[0]", JsonPath.Element("$.items", 0).ToString());
        Assert.Equal("$.items[12]", JsonPath.Element("$.items", 12).ToString());
    }

    [Fact]
    public void A_string_is_a_whole_path_and_the_default_is_the_root()
    {
        JsonPath whole = "$.a[1].b";

        Assert.Equal("$.a[1].b", whole.ToString());
        Assert.Equal("$", default(JsonPath).ToString());
    }

    [Fact]
    public void An_error_list_reports_the_built_path()
    {
        var errors = new ResultErrorList();
        Assert.Empty(errors.Items);

        errors.Add(JsonPath.Element("$.tags", 3), ResultErrorKind.TypeMismatch, "expected string");

        Assert.Equal("$.tags[3]", Assert.Single(errors.Items).Path);
    }
}
