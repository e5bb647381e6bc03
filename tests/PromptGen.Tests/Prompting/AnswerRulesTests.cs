using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Tests.Prompting.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Prompting;

/// <summary>
/// The rules of docs/parsing.md, one test or more each: any root shape bare or wrapped (1), paths in the user's type
/// (2), one kind per problem (3), dates without guessing (4), and fences inside strings (issue 24, item 5). The typed
/// corpus (tests/PromptGen.EndToEnd.Tests/TypedCorpus) runs the same rules through generated clients.
/// </summary>
public sealed class AnswerRulesTests
{
    private static readonly ResultReader<bool> Boolean = new(ResultRoot.Boolean, JsonValueReaders.TryReadBoolean);
    private static readonly ResultReader<int> Count = new(ResultRoot.Number, JsonValueReaders.TryReadInt32);
    private static readonly ResultReader<int?> MaybeCount = new(ResultRoot.Number, ReadNullableInt32, isNullable: true);
    private static readonly ResultReader<List<string>> Tags = new(ResultRoot.Array, ReadTags);
    private static readonly ResultReader<Dictionary<string, int>> Scores = new(ResultRoot.WrappedObject, ReadScores);
    private static readonly ResultReader<Priority> PriorityResult = new(ResultRoot.String, ReadPriority);
    private static readonly ResultReader<DateOnly> Date = new(ResultRoot.String, JsonValueReaders.TryReadDateOnly);
    private static readonly ResultReader<DateTimeOffset> Moment = new(ResultRoot.String, JsonValueReaders.TryReadDateTimeOffset);
    private static readonly ResultReader<TicketResult> Ticket = new(ResultRoot.Object, TicketResultParser.Read);

    // Rule 1: any root shape, bare or wrapped.

    [Theory]
    [InlineData("true")]
    [InlineData("  true  ")]
    [InlineData("{\"value\": true}")]
    [InlineData("```json\ntrue\n```")] // a bare value inside a fence
    [InlineData("```\n{\"value\": true}\n```")]
    [InlineData("The answer is true.")] // inside prose
    [InlineData("**True**")]
    [InlineData("Sure! ```json\n{\"value\": \"true\"}\n``` Hope that helps.")]
    public void A_boolean_is_read_bare_or_wrapped_alone_fenced_or_in_prose(string answer)
    {
        Assert.True(Value(Boolean, answer));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("{\"value\": 42}")]
    [InlineData("```\n42\n```")]
    [InlineData("There are 42 items.")]
    [InlineData("Count: **42**")]
    [InlineData("{\"value\": \"42\"}")]
    public void A_count_is_read_bare_or_wrapped(string answer)
    {
        Assert.Equal(42, Value(Count, answer));
    }

    [Theory]
    [InlineData("[\"a\", \"b\"]")]
    [InlineData("```json\n[\"a\", \"b\"]\n```")]
    [InlineData("{\"value\": [\"a\", \"b\"]}")]
    [InlineData("The tags: ['a', 'b',] and that is all.")]
    [InlineData("I looked at {\"draft\": [\"x\"]} first; the answer is [\"a\", \"b\"]")] // an object without value is not the answer
    public void A_list_is_read_bare_or_wrapped(string answer)
    {
        Assert.Equal(new[] { "a", "b" }, Value(Tags, answer));
    }

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData("{\"value\": {\"a\": 1}}")]
    [InlineData("```json\n{\"a\": 1}\n```")]
    public void A_dictionary_is_read_bare_or_wrapped(string answer)
    {
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1 }, Value(Scores, answer));
    }

    [Fact]
    public void A_dictionary_with_other_members_beside_value_is_the_dictionary()
    {
        Assert.Equal(new Dictionary<string, int> { ["value"] = 1, ["b"] = 2 }, Value(Scores, "{\"value\": 1, \"b\": 2}"));
    }

    [Theory]
    [InlineData("\"High\"")]
    [InlineData("High")]
    [InlineData("{\"value\": \"high\"}")]
    [InlineData("I'd pick \"HIGH\".")]
    [InlineData("```\nHigh\n```")]
    public void An_enum_is_read_bare_quoted_or_not_or_wrapped(string answer)
    {
        Assert.Equal(Priority.High, Value(PriorityResult, answer));
    }

    [Theory]
    [InlineData("[{\"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1}, {\"title\": \"B\", \"priority\": \"Low\", \"minutes\": 2}]")]
    [InlineData("```json\n[{\"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1}]\n```")]
    public void A_top_level_array_for_an_object_result_is_a_wrong_type_at_the_root_not_its_first_element(string answer)
    {
        Assert.Equal(new ResultError("$", ResultErrorKind.TypeMismatch, "expected object, got an array"), SingleError(Ticket, answer));
    }

    [Fact]
    public void An_object_for_a_list_result_is_a_wrong_type_at_the_root()
    {
        Assert.Equal(new ResultError("$", ResultErrorKind.TypeMismatch, "expected array, got an object"), SingleError(Tags, "{\"tags\": [\"a\"]}"));
    }

    [Fact]
    public void The_first_complete_value_of_the_kind_is_the_answer_after_an_aside_of_another_kind()
    {
        Assert.Equal(Priority.Low, Value(Ticket, "See [1] and [2]: {\"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1}").Priority);
        Assert.Equal(new[] { "1" }, Value(Tags, "According to [1], the tags are [\"a\"]"));
    }

    // Rule 2: paths in the user's type.

    [Theory]
    [InlineData("{\"priority\": \"High\"}", "expected string, got an object")]
    [InlineData("{\"answer\": true}", "expected string, got an object")]
    public void A_wrapper_with_a_missing_value_is_a_wrong_type_at_the_root(string answer, string message)
    {
        Assert.Equal(new ResultError("$", ResultErrorKind.TypeMismatch, message), SingleError(PriorityResult, answer));
    }

    [Fact]
    public void Errors_inside_a_wrapped_value_have_the_paths_of_the_users_type()
    {
        ParseOutcome<List<string>> outcome = Tags.ReadText("{\"value\": [\"a\", {\"b\": 1}, [2]]}", outOfTokens: false);

        Assert.Equal(new[] { "$[1]", "$[2]" }, outcome.Errors.Select(e => e.Path));
        Assert.DoesNotContain(outcome.Errors, e => e.Path.Contains("value", StringComparison.Ordinal) || e.Message.Contains("value", StringComparison.Ordinal));
        Assert.Equal(new ResultError("$", ResultErrorKind.TypeMismatch, "expected integer, got \"many\""), SingleError(Count, "{\"value\": \"many\"}"));
    }

    // Rule 3: one kind per problem.

    [Theory]
    [InlineData("", ResultErrorKind.NoJson)]
    [InlineData("I can't tell from this ticket.", ResultErrorKind.NoJson)]
    [InlineData("{\"title\": \"A\",, \"priority\": \"Low\"}", ResultErrorKind.MalformedJson)]
    [InlineData("{\"title\": \"A\", \"prio", ResultErrorKind.MalformedJson)] // stopped by the model itself: not truncation
    [InlineData("{\"title\": 5, \"priority\": \"Low\", \"minutes\": \"five\"}", ResultErrorKind.TypeMismatch)]
    [InlineData("{\"title\": \"A\", \"priority\": \"Low\"}", ResultErrorKind.MissingMember)]
    [InlineData("{\"title\": \"A\", \"priority\": \"Low\", \"minutes\": -5}", ResultErrorKind.ConstraintViolation)]
    [InlineData("{\"title\": \"A\", \"priority\": \"soon\", \"minutes\": 5}", ResultErrorKind.UnknownEnumValue)]
    public void Each_problem_has_one_kind(string answer, ResultErrorKind kind)
    {
        Assert.Equal(kind, Ticket.ReadText(answer, outOfTokens: false).Errors.Select(e => e.Kind).Single());
    }

    [Theory]
    [InlineData("{\"title\": null, \"priority\": \"Low\", \"minutes\": 5}", "$.title")]
    [InlineData("{\"title\": \"A\", \"priority\": null, \"minutes\": 5}", "$.priority")]
    [InlineData("{\"title\": \"A\", \"priority\": \"Low\", \"minutes\": null}", "$.minutes")]
    [InlineData("{\"title\": \"A\", \"priority\": \"Low\"}", "$.minutes")]
    public void Null_for_a_required_member_is_a_missing_member_as_absent_is(string answer, string path)
    {
        Assert.Equal(new ResultError(path, ResultErrorKind.MissingMember, "is required"), SingleError(Ticket, answer));
    }

    [Fact]
    public void Null_for_a_result_that_cannot_be_null_is_missing_and_for_a_nullable_one_it_is_the_value()
    {
        Assert.Equal(new ResultError("$", ResultErrorKind.MissingMember, "is required, got null"), SingleError(Count, "{\"value\": null}"));
        Assert.Equal(ResultErrorKind.MissingMember, SingleError(Boolean, "null").Kind);
        Assert.Null(Value(MaybeCount, "null"));
        Assert.Null(Value(MaybeCount, "{\"value\": null}"));
        Assert.Null(Value(MaybeCount, "None"));
    }

    [Theory]
    [InlineData("{\"title\": \"A\", \"priority\": \"Low\", \"minutes\": 5")]
    [InlineData("```json\n{\"title\": \"A\", \"priority\": \"Lo")]
    public void Only_running_out_of_tokens_is_truncation(string cutOff)
    {
        Assert.Equal(ResultErrorKind.MalformedJson, SingleError(Ticket, cutOff).Kind);
        Assert.Equal(ResultErrorKind.Truncated, Ticket.ReadText(cutOff, outOfTokens: true).Errors.Single().Kind);
    }

    [Fact]
    public async Task The_same_cut_off_text_is_repaired_after_end_turn_and_not_after_max_tokens()
    {
        const string CutOff = "{\"title\": \"Refund\", \"priority\": \"high\", \"minu";
        const string Valid = "{\"title\": \"Refund\", \"priority\": \"high\", \"minutes\": 15}";
        var endedByTheModel = new ScriptedBedrock().Text(CutOff, StopReason.EndTurn).Text(Valid);
        var outOfTokens = new ScriptedBedrock().Text(CutOff, StopReason.MaxTokens).Text(Valid);
        StructuredOutputSpec<TicketResult> spec = TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly, maxRepairAttempts: 1);

        TicketResult repaired = await StructuredPrompt.RunAsync(endedByTheModel, "m", Request(), spec, CancellationToken.None);
        PromptResultException notRepaired = await Assert.ThrowsAsync<PromptResultException>(
            () => StructuredPrompt.RunAsync(outOfTokens, "m", Request(), spec, CancellationToken.None));

        Assert.Equal(15, repaired.Minutes);
        Assert.Equal(2, endedByTheModel.RequestBodies.Count);
        Assert.Contains("ends inside a string", endedByTheModel.Request(1).GetProperty("messages")[2].GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(outOfTokens.RequestBodies);
        Assert.Equal(ResultErrorKind.Truncated, Assert.Single(notRepaired.Errors).Kind);
    }

    [Fact]
    public void A_model_context_window_exceeded_stop_is_truncation_too()
    {
        var answer = new ConverseResponse
        {
            Output = new ConverseOutput { Message = Message.Assistant("{\"title\": \"Ref") },
            StopReason = StopReason.ModelContextWindowExceeded,
        };

        PromptGen.Prompting.AnswerReading<TicketResult> reading = PromptGen.Prompting.StructuredAnswerReader.Read(answer, TicketResultParser.Spec(StructuredOutputStrategy.PromptOnly));

        Assert.Equal(ResultErrorKind.Truncated, Assert.Single(reading.Errors).Kind);
        Assert.False(reading.IsRepairable);
    }

    // Rule 4: dates without guessing.

    [Theory]
    [InlineData("\"2025-04-07\"", 2025, 4, 7)]
    [InlineData("\"2025-04-07T00:00:00\"", 2025, 4, 7)] // a date-time at midnight is a date
    [InlineData("\"2025-04-07T00:00:00Z\"", 2025, 4, 7)]
    [InlineData("\"2025-04-07T00:00:00+09:00\"", 2025, 4, 7)]
    [InlineData("\"20250407\"", 2025, 4, 7)]
    [InlineData("\"2025-W15-1\"", 2025, 4, 7)]
    [InlineData("\"2025-097\"", 2025, 4, 7)]
    [InlineData("\"2025/04/07\"", 2025, 4, 7)]
    [InlineData("\"25/04/2025\"", 2025, 4, 25)] // only one reading is a date
    [InlineData("\"04/25/2025\"", 2025, 4, 25)]
    [InlineData("\"05.05.2025\"", 2025, 5, 5)] // both readings are the same date
    [InlineData("\"7 April 2025\"", 2025, 4, 7)]
    [InlineData("\"April 7, 2025\"", 2025, 4, 7)]
    [InlineData("\"Apr. 7th, 2025\"", 2025, 4, 7)]
    [InlineData("\"Monday, 7 April 2025\"", 2025, 4, 7)]
    [InlineData("\"07-Apr-2025\"", 2025, 4, 7)]
    public void Dates_in_forms_that_read_one_way_are_accepted(string answer, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Value(Date, answer));
    }

    [Theory]
    [InlineData("\"04/07/2025\"", "either way round")]
    [InlineData("\"4-7-2025\"", "either way round")]
    [InlineData("\"04/07/25\"", "two digits")]
    [InlineData("\"2025-04-07T15:00:00Z\"", "time of day")]
    [InlineData("\"Tuesday, 7 April 2025\"", "is a Monday")]
    [InlineData("\"2025-02-29\"", "no such day")]
    [InlineData("\"7 avril 2025\"", null)]
    [InlineData("\"next Tuesday\"", null)]
    public void Dates_that_would_need_a_guess_are_refused_naming_the_accepted_forms(string answer, string? why)
    {
        ResultError error = SingleError(Date, answer);

        Assert.Equal(("$", ResultErrorKind.TypeMismatch), (error.Path, error.Kind));
        Assert.StartsWith("expected date as yyyy-MM-dd (or with the month in words, 7 April 2025), got", error.Message, StringComparison.Ordinal);
        if (why is not null)
        {
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"2025-04-07T14:30:00+02:00\"", 14, 2)]
    [InlineData("\"2025-04-07T14:30:00-07:00\"", 14, -7)]
    [InlineData("\"2025-04-07 14:30 +05:30\"", 14, 5.5)]
    [InlineData("\"2025-04-07T14:30:00Z\"", 14, 0)]
    [InlineData("\"2025-04-07T14:30:00\"", 14, 0)] // no offset: UTC
    public void A_date_time_offset_keeps_its_offset_exactly(string answer, int hour, double offsetHours)
    {
        DateTimeOffset value = Value(Moment, answer);

        Assert.Equal(hour, value.Hour);
        Assert.Equal(TimeSpan.FromHours(offsetHours), value.Offset);
    }

    [Fact]
    public void A_date_time_with_an_offset_is_the_same_instant_in_utc_never_local_time()
    {
        var reader = new ResultReader<DateTime>(ResultRoot.String, JsonValueReaders.TryReadDateTime);

        DateTime value = Value(reader, "\"2025-04-07T14:30:00+02:00\"");

        Assert.Equal(new DateTime(2025, 4, 7, 12, 30, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    // Issue 24, item 5: fences inside JSON strings.

    [Theory]
    [InlineData("{\"title\": \"```python\\nprint([1, 2])\\n```\", \"priority\": \"Low\", \"minutes\": 1}")]
    [InlineData("Here:\n```json\n{\"title\": \"```python\\nprint([1, 2])\\n```\", \"priority\": \"Low\", \"minutes\": 1}\n```")]
    [InlineData("{'title': '```python\\nprint([1, 2])\\n```', 'priority': 'Low', 'minutes': 1,}")]
    public void A_fence_inside_a_json_string_never_overrides_the_complete_value(string answer)
    {
        Assert.Equal("```python\nprint([1, 2])\n```", Value(Ticket, answer).Title);
    }

    private const string FencedTicketInAString =
        "\"notes\": \"```json\\n{\\\"title\\\": \\\"B\\\", \\\"priority\\\": \\\"High\\\", \\\"minutes\\\": 2}\\n```\"";

    [Theory]
    [InlineData("{\"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1, " + FencedTicketInAString + "}")]
    [InlineData("{" + FencedTicketInAString + ", \"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1}")]
    [InlineData("Here it is: {" + FencedTicketInAString + ", \"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1}")]
    [InlineData("```json\n{" + FencedTicketInAString + ", \"title\": \"A\", \"priority\": \"Low\", \"minutes\": 1}\n```")]
    public void A_json_fence_holding_a_valid_answer_inside_a_string_never_replaces_the_object_around_it(string answer)
    {
        TicketResult value = Value(Ticket, answer);

        Assert.Equal(new TicketResult("A", Priority.Low, 1), value);
    }

    [Fact]
    public void An_invalid_object_around_a_fenced_valid_answer_keeps_its_own_errors()
    {
        string answer = "{\"title\": \"A\", \"priority\": \"Low\", " + FencedTicketInAString + "}";

        Assert.Equal(new ResultError("$.minutes", ResultErrorKind.MissingMember, "is required"), SingleError(Ticket, answer));
    }

    [Fact]
    public void A_wrapped_value_of_the_wrong_type_holding_a_fenced_value_of_the_right_one_is_a_wrong_type()
    {
        ResultError error = SingleError(Count, "{\"value\": \"```json\\n7\\n```\"}");

        Assert.Equal(("$", ResultErrorKind.TypeMismatch), (error.Path, error.Kind));
    }

    [Fact]
    public void A_fence_written_with_raw_line_breaks_inside_a_string_is_part_of_the_string()
    {
        const string Answer = "{\"title\": \"```python\nprint(1)\n```\", \"priority\": \"Low\", \"minutes\": 1}";

        Assert.Equal("```python\nprint(1)\n```", Value(Ticket, Answer).Title);
    }

    [Theory]
    [InlineData("{\"value\": \"```python\\nprint(1)\\n```\"}")]
    [InlineData("\"```python\\nprint(1)\\n```\"")]
    public void A_string_result_holding_a_fence_is_the_whole_string(string answer)
    {
        var headline = new ResultReader<string>(ResultRoot.String, JsonValueReaders.TryReadString);

        Assert.Equal("```python\nprint(1)\n```", Value(headline, answer));
    }

    private static T Value<T>(ResultReader<T> reader, string answer)
    {
        ParseOutcome<T> outcome = reader.ReadText(answer, outOfTokens: false);
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Errors));
        return outcome.Value;
    }

    private static ResultError SingleError<T>(ResultReader<T> reader, string answer) =>
        Assert.Single(reader.ReadText(answer, outOfTokens: false).Errors);

    private static ConverseRequest Request() => new() { Messages = { Message.User("Triage: I was charged twice.") } };

    private static bool ReadNullableInt32(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out int? value) =>
        JsonValueReaders.TryReadNullable(ref reader, path, errors, JsonValueReaders.TryReadInt32, out value);

    private static bool ReadTags(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out List<string> value) =>
        JsonValueReaders.TryReadList(ref reader, path, errors, JsonValueReaders.TryReadString, out value);

    private static bool ReadScores(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Dictionary<string, int> value) =>
        JsonValueReaders.TryReadDictionary(ref reader, path, errors, JsonValueReaders.TryReadInt32, out value);

    private static readonly JsonNames PriorityNames = new("Low", "Medium", "High", "InProgress");

    private static bool ReadPriority(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Priority value)
    {
        bool matched = JsonValueReaders.TryMatchEnum(ref reader, path, errors, PriorityNames, out int index);
        value = (Priority)Math.Max(index, 0);
        return matched;
    }
}
