using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Errors;
using PromptGen.CompilerServices;
using PromptGen.Tests.Prompting.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Reliability;

/// <summary>
/// Inputs the fuzz harness (fuzz/PromptGen.Fuzz) found, kept as regression tests. Each one used to escape as an
/// untyped exception.
/// </summary>
public sealed class FuzzFindingTests
{
    private const string Model = "us.anthropic.claude-sonnet-4-20250514-v1:0";

    private static ConverseRequest Request() => new()
    {
        Messages = { Message.User("Triage: I was charged twice.") },
        InferenceConfig = new InferenceConfiguration { MaxTokens = 300 },
    };

    [Theory]
    [InlineData("\"720\u1C496854null7758070\"")] // the fuzzer's input: an Ol Chiki digit where a year's digits are
    [InlineData("\"\u0662\u0660\u0662\u0665-04-07\"")] // Arabic-Indic digits
    [InlineData("\"2025-04-07T\u0661\u0664:30:00Z\"")]
    public void A_date_written_with_digits_of_another_script_is_refused_not_thrown(string answer)
    {
        // Regex's \d matches every Unicode decimal digit and int.Parse then threw FormatException out of
        // ResultReader (result-reader target, input 629,434 of the first million); the date patterns now say [0-9].
        var date = new ResultReader<System.DateOnly>(ResultRoot.String, JsonValueReaders.TryReadDateOnly);
        var moment = new ResultReader<System.DateTimeOffset>(ResultRoot.String, JsonValueReaders.TryReadDateTimeOffset);

        ResultError dateError = Assert.Single(date.ReadText(answer, outOfTokens: false).Errors);
        ResultError momentError = Assert.Single(moment.ReadText(answer, outOfTokens: false).Errors);

        Assert.Equal(("$", ResultErrorKind.TypeMismatch), (dateError.Path, dateError.Kind));
        Assert.Equal(("$", ResultErrorKind.TypeMismatch), (momentError.Path, momentError.Kind));
    }

    [Fact]
    public async Task Tool_input_with_a_lone_surrogate_escape_is_read_with_a_replacement_character()
    {
        // Valid JSON (an escape may name half a surrogate pair) that System.Text.Json cannot write out again: it
        // threw InvalidOperationException from JsonElement.WriteTo.
        var bedrock = new ScriptedBedrock().ToolCall("ticket_result", """{"title": "a\uD800b", "priority": "High", "minutes": 5}""");

        TicketResult result = await StructuredPrompt.RunAsync(bedrock, Model, Request(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None);

        Assert.Equal("a\uFFFDb", result.Title);
        Assert.Equal(Priority.High, result.Priority);
    }

    [Fact]
    public async Task Tool_input_sent_as_a_string_with_a_lone_surrogate_escape_is_read_too()
    {
        // The string form of a tool input: JsonElement.GetString threw InvalidOperationException.
        var bedrock = new ScriptedBedrock().ToolCall(
            "ticket_result", """ "\uDC00{\"title\": \"ok\", \"priority\": \"Low\", \"minutes\": 1}" """);

        TicketResult result = await StructuredPrompt.RunAsync(bedrock, Model, Request(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool), CancellationToken.None);

        Assert.Equal(new TicketResult("ok", Priority.Low, 1), result);
    }

    [Fact]
    public async Task Unreadable_tool_input_with_a_lone_surrogate_is_a_typed_result_error()
    {
        var bedrock = new ScriptedBedrock().ToolCall("ticket_result", """["\uD800", {"x": 1}]""");

        var error = await Assert.ThrowsAsync<PromptResultException>(() => StructuredPrompt.RunAsync(
            bedrock, Model, Request(), TicketResultParser.Spec(StructuredOutputStrategy.ForcedTool, maxRepairAttempts: 0), CancellationToken.None));

        Assert.Single(error.Attempts);
    }

    [Fact]
    public void Error_body_with_invalid_utf8_in_its_message_keeps_the_rest_of_the_message()
    {
        // Found through the event-stream fuzz target (an exception frame's payload); a Converse error body is read
        // by the same code. JsonDocument accepted it, and GetString threw InvalidOperationException.
        byte[] body = [.. "{\"message\":\"Too many re"u8, 0xF1, .. "uests\"}"u8];

        var error = BedrockErrorResponse.Parse("ThrottlingException", body, reasonPhrase: null);

        Assert.Equal("ThrottlingException", error.Code);
        Assert.Equal("Too many re\uFFFDuests", error.Message);
    }

    [Fact]
    public void Error_body_with_a_lone_surrogate_escape_in_its_message_keeps_the_escape()
    {
        var error = BedrockErrorResponse.Parse(null, """{"__type":"ValidationException","message":"bad \uD800 value"}"""u8.ToArray(), reasonPhrase: null);

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("bad \\uD800 value", error.Message);
    }
}
