using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>toolConfig, outputConfig and tool content blocks are checked as spec §3 describes.</summary>
public sealed class ToolValidationTests
{
    private const string Hi = """{"role":"user","content":[{"text":"Hi"}]}""";
    private const string Spec = """{"toolSpec":{"name":"lookup","inputSchema":{"json":{"type":"object"}}}}""";
    private const string Tools = """ "toolConfig":{"tools":[""" + Spec + "]}";
    private const string Use = """{"role":"assistant","content":[{"toolUse":{"toolUseId":"tooluse_1","name":"lookup","input":{}}}]}""";

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { Members(""" "toolConfig":[] """), "Value at 'toolConfig' failed to satisfy constraint: Member must be an object" },
        { Members(""" "toolConfig":{} """), "Value at 'toolConfig.tools' failed to satisfy constraint: Member must not be null" },
        { Members(""" "toolConfig":{"tools":[]} """), "Value '[]' at 'toolConfig.tools' failed to satisfy constraint: Member must have length greater than or equal to 1" },
        { Members(""" "toolConfig":{"tools":[{}]} """), "Value at 'toolConfig.tools.1.member' failed to satisfy constraint: Member must have exactly one union member set, found 0" },
        { Members(""" "toolConfig":{"tools":[{"toolSpec":{"name":"get weather","inputSchema":{"json":{}}}}]} """),
            "Value 'get weather' at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+" },
        { Members(""" "toolConfig":{"tools":[{"toolSpec":{"name":"x""" + new string('x', 64) + """ ","inputSchema":{"json":{}}}}]} """).Replace(" \"", "\"", StringComparison.Ordinal),
            "at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must have length less than or equal to 64" },
        { Members(""" "toolConfig":{"tools":[{"toolSpec":{"name":"a"}}]} """), "Value at 'toolConfig.tools.1.member.toolSpec.inputSchema' failed to satisfy constraint: Member must not be null" },
        { Members(""" "toolConfig":{"tools":[{"toolSpec":{"name":"a","inputSchema":{"json":"{}"}}}]} """),
            "Value at 'toolConfig.tools.1.member.toolSpec.inputSchema.json' failed to satisfy constraint: Member must be a JSON object" },
        { Members(""" "toolConfig":{"tools":[""" + Spec + "," + Spec + "]}"), "Tool names must be unique; 'lookup' is defined more than once" },
        { Members(Tools.TrimEnd('}') + ""","toolChoice":{"auto":{},"any":{}}}"""), "Value at 'toolConfig.toolChoice' failed to satisfy constraint: Member must have exactly one union member set, found 2" },
        { Members(Tools.TrimEnd('}') + ""","toolChoice":{"tool":{}}}"""), "Value at 'toolConfig.toolChoice.tool.name' failed to satisfy constraint: Member must not be null" },
        { Members(Tools.TrimEnd('}') + ""","toolChoice":{"tool":{"name":"other"}}}"""), "Value 'other' at 'toolConfig.toolChoice.tool.name' failed to satisfy constraint: Member must name a tool defined in toolConfig.tools" },
        { Members(""" "outputConfig":"json" """), "Value at 'outputConfig' failed to satisfy constraint: Member must be an object" },
        { Members(""" "outputConfig":{"textFormat":{"type":"xml","structure":{"jsonSchema":{"schema":"{}"}}}} """),
            "Value 'xml' at 'outputConfig.textFormat.type' failed to satisfy constraint: Member must satisfy enum value set: [json_schema]" },
        { Members(""" "outputConfig":{"textFormat":{"type":"json_schema"}} """), "Value at 'outputConfig.textFormat.structure' failed to satisfy constraint: Member must not be null" },
        { Members(""" "outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":{"type":"object"}}}}} """),
            "Value at 'outputConfig.textFormat.structure.jsonSchema.schema' failed to satisfy constraint: Member must be a string" },
        { Members(""" "outputConfig":{"textFormat":{"type":"json_schema","structure":{"jsonSchema":{"schema":"[1]"}}}} """),
            "Value at 'outputConfig.textFormat.structure.jsonSchema.schema' failed to satisfy constraint: Member must be a string holding a JSON object" },
        { Members(""" "outputConfig":{"effort":"extraordinarily-high"} """), "at 'outputConfig.effort' failed to satisfy constraint: Member must have length less than or equal to 16" },
        { Conversation("""{"role":"user","content":[{"toolUse":{"toolUseId":"t1","name":"lookup","input":{}}}]}""", Tools),
            "Value at 'messages.1.member.content.1.member.toolUse' failed to satisfy constraint: toolUse blocks are allowed only in assistant messages" },
        { Conversation(Hi + """,{"role":"assistant","content":[{"toolUse":{"toolUseId":"bad id","name":"lookup"}}]}""", Tools),
            "Value 'bad id' at 'messages.2.member.content.1.member.toolUse.toolUseId' failed to satisfy constraint: Member must satisfy regular expression pattern" },
        { Conversation(Hi + """,{"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"lookup"}}]}""", Tools),
            "Value at 'messages.2.member.content.1.member.toolUse.input' failed to satisfy constraint: Member must not be null" },
        { Conversation(Hi + """,{"role":"assistant","content":[{"toolResult":{"toolUseId":"t1","content":[]}}]}""", Tools),
            "toolResult blocks are allowed only in user messages" },
        { Conversation(Hi + "," + Use + """,{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"json":{}}],"status":"fine"}}]}""", Tools),
            "Value 'fine' at 'messages.3.member.content.1.member.toolResult.status' failed to satisfy constraint: Member must satisfy enum value set: [success, error]" },
        { Conversation(Hi + "," + Use + """,{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"audio":{}}]}}]}""", Tools),
            "at 'messages.3.member.content.1.member.toolResult.content.1.member' failed to satisfy constraint: Member must be one of: json, text, image, document, video, searchResult" },
        { Conversation(Hi + "," + Use + """,{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"json":{}}]}}]}""", string.Empty),
            "The toolConfig field must be defined when using toolUse and toolResult content blocks." },
        { Conversation(Hi + "," + Use + """,{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_9","content":[{"json":{}}]}}]}""", Tools),
            "The toolResult block at messages.2.content with toolUseId 'tooluse_9' matches no toolUse block of the previous turn." },
        { Conversation(Hi + "," + Use + """,{"role":"user","content":[{"text":"and?"}]}""", Tools),
            "Expected toolResult blocks at messages.2.content for the following Ids: tooluse_1" },
        { Conversation("""{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"text":"x"}]}}]}""", Tools),
            "The number of toolResult blocks at messages.0.content exceeds the number of toolUse blocks of previous turn." },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_tool_or_output_member_is_a_validation_exception(string body, string expectedMessage)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Converse.ErrorType(response));
        string message = await Converse.ErrorMessageAsync(response);
        Assert.True(message.Contains(expectedMessage, StringComparison.Ordinal), $"message was: {message}");
    }

    [Fact]
    public async Task Complete_tool_round_trip_is_accepted()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = Conversation(
            Hi + "," + Use + """,{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","status":"success","content":[{"json":{"tempC":21}},{"text":"sunny"}]}}]}""",
            Tools.TrimEnd('}') + ""","toolChoice":{"tool":{"name":"lookup"}}}""");

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Members(string members) => """{"messages":[""" + Hi + "]," + members + "}";

    private static string Conversation(string messages, string members) =>
        """{"messages":[""" + messages + "]" + (members.Length == 0 ? string.Empty : "," + members) + "}";
}
