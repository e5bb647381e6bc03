using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Tools;

/// <summary>Microsoft.Extensions.AI functions (MCP client tools among them) as tools of a prompt's loop.</summary>
public sealed class FunctionToolsTests
{
    [Theory]
    [InlineData("""{"content":[{"type":"text","text":"Sunny"},{"type":"text","text":"14 °C"}]}""", "text", "Sunny\n14 °C", false)]
    [InlineData("""{"content":[{"type":"text","text":"No station."}],"isError":true}""", "text", "No station.", true)]
    [InlineData("""{"content":[],"isError":true}""", "text", "The tool 'echo' reported an error.", true)]
    [InlineData("""{"content":[{"type":"text","text":"{}"}],"structuredContent":{"temp":14}}""", "json", """{"temp":14}""", false)]
    [InlineData("""{"temp":14}""", "json", """{"temp":14}""", false)]
    [InlineData("42", "json", """{"value":42}""", false)]
    [InlineData("\"plain\"", "text", "plain", false)]
    [InlineData("""{"content":[{"kind":"text"}]}""", "json", """{"content":[{"kind":"text"}]}""", false)]
    public async Task A_json_answer_becomes_the_tool_result_the_model_reads(string answer, string kind, string expected, bool isError)
    {
        using JsonDocument document = JsonDocument.Parse(answer);
        ToolDefinition tool = Assert.Single(FunctionTools.For([new FixedFunction("echo", document.RootElement.Clone())]));

        ToolOutput output = await tool.Invoke(Encoding.UTF8.GetBytes("{}"), CancellationToken.None);

        Assert.Equal(isError, output.IsError);
        Assert.Equal(expected, kind == "text" ? output.Content.Text : output.Content.Json!.Value.GetRawText());
    }

    [Fact]
    public async Task Contents_are_sent_as_text_and_media_by_their_kind()
    {
        ToolDefinition tool = Assert.Single(FunctionTools.For([
            new FixedFunction("pics", new AIContent[] { new TextContent("A photo:"), new DataContent(new byte[] { 1, 2, 3 }, "image/png") }),
        ]));

        ToolOutput output = await tool.Invoke(Encoding.UTF8.GetBytes("{}"), CancellationToken.None);

        Assert.Equal("A photo:\n[image/png content, 3 bytes]", output.Content.Text);
    }

    [Fact]
    public async Task Arguments_reach_the_function_as_json_and_a_non_object_input_is_invalid()
    {
        var function = new FixedFunction("echo", "ok");
        ToolDefinition tool = Assert.Single(FunctionTools.For([function]));

        await tool.Invoke(Encoding.UTF8.GetBytes("""{"city":"Paris","days":[1,2]}"""), CancellationToken.None);
        ToolOutput invalid = await tool.Invoke(Encoding.UTF8.GetBytes("[1]"), CancellationToken.None);

        Assert.Equal("Paris", ((JsonElement)function.Arguments!["city"]!).GetString());
        Assert.Equal("[1,2]", ((JsonElement)function.Arguments["days"]!).GetRawText());
        Assert.True(invalid.IsError);
    }

    [Fact]
    public void The_schema_and_description_are_the_functions_and_a_missing_schema_is_an_empty_object()
    {
        ToolDefinition[] tools = FunctionTools.For([new FixedFunction("a", null, """{"type":"object","properties":{"x":{"type":"string"}}}"""), new FixedFunction("b", null)]);

        Assert.Equal("""{"type":"object","properties":{"x":{"type":"string"}}}""", tools[0].Schema.InputSchemaJson);
        Assert.Equal("Does a.", tools[0].Schema.Description);
        Assert.Equal("""{"type":"object","properties":{}}""", tools[1].Schema.InputSchemaJson);
        Assert.Empty(FunctionTools.For(null));
    }

    [Fact]
    public void Names_bedrock_refuses_and_tools_that_cannot_run_are_refused_by_name()
    {
        ArgumentException badName = Assert.Throws<ArgumentException>(() => FunctionTools.For([new FixedFunction("has space", null)]));
        ArgumentException hosted = Assert.Throws<ArgumentException>(() => FunctionTools.For([new HostedWebSearchTool()]));

        Assert.Contains("'has space'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("WithName", badName.Message, StringComparison.Ordinal);
        Assert.Contains("not an AIFunction", hosted.Message, StringComparison.Ordinal);
    }

    private sealed class FixedFunction(string name, object? answer, string? schema = null) : AIFunction
    {
        private readonly JsonElement _schema = schema is null ? default : JsonDocument.Parse(schema).RootElement.Clone();

        public AIFunctionArguments? Arguments { get; private set; }

        public override string Name => name;

        public override string Description => $"Does {name}.";

        public override JsonElement JsonSchema => _schema;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            Arguments = arguments;
            return new ValueTask<object?>(answer);
        }
    }
}
