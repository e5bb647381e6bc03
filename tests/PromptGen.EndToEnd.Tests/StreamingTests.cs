using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>Generated streaming methods over signed HTTP against the emulator's ConverseStream (real event-stream frames).</summary>
public sealed class StreamingTests : IAsyncLifetime
{
    private const string Story = "Once upon a time a lighthouse keeper counted the ships, one by one, until dawn.";
    private const string Outline = """{"title":"The Keeper","chapters":["Night","Storm","Dawn"],"pages":120}""";

    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private IStreamingPrompts Prompts => IStreamingPrompts.Create(_fixture.Client);

    [Fact]
    public async Task A_text_stream_yields_the_answer_in_deltas()
    {
        _fixture.Emulator.Script.When(promptContains: "Tell").Stream(chunkSize: 5).ReplyText(Story);

        var deltas = new List<string>();
        await foreach (string delta in Prompts.TellAsync("a lighthouse"))
        {
            deltas.Add(delta);
        }

        Assert.Equal(Story, string.Concat(deltas));
        Assert.Equal((Story.Length + 4) / 5, deltas.Count);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal("ConverseStream", request.Operation);
        Assert.True(request.SignatureValid);
    }

    [Fact]
    public async Task A_prompt_stream_ends_with_stop_reason_usage_and_metrics()
    {
        _fixture.Emulator.Script.When(promptContains: "Explain").Usage(21, 13).Stream(chunkSize: 7, writeSize: 3).ReplyText(Story);

        PromptStream stream = Prompts.ExplainAsync("lighthouses");
        Assert.Empty(_fixture.Emulator.Requests); // sent when enumerated
        string text = await stream.ReadToEndAsync();

        Assert.Equal(Story, text);
        Assert.True(stream.IsCompleted);
        Assert.Equal(StopReason.EndTurn, stream.StopReason);
        Assert.Equal((21, 13, 34), (stream.Usage!.InputTokens, stream.Usage.OutputTokens, stream.Usage.TotalTokens));
        Assert.NotNull(stream.Metrics);
        Assert.Equal(Assert.Single(_fixture.Emulator.Requests).RequestId, stream.RequestId);
        Assert.Equal(stream.RequestId, stream.ToResponse().RequestId);
    }

    [Fact]
    public async Task Partial_objects_grow_as_members_complete_then_the_value_is_validated()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline a story").Stream(chunkSize: 4).ReplyJson(Outline);

        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineAsync("a lighthouse");
        var partials = new List<IStreamingPrompts.StoryOutlinePartial>();
        await foreach (IStreamingPrompts.StoryOutlinePartial partial in stream)
        {
            partials.Add(partial);
        }

        Assert.Equal(new IStreamingPrompts.StoryOutlinePartial { Title = "The Keeper" }, partials[0]);
        Assert.Equal(new[] { 1, 2, 3 }, partials.Where(p => p.Chapters is not null).Select(p => p.Chapters!.Count).Distinct().Take(3));
        Assert.Null(partials[^2].Pages);
        Assert.Equal(120, partials[^1].Pages);
        Assert.Equal(new[] { "Night", "Storm", "Dawn" }, stream.Value.Chapters);
        Assert.Equal(("The Keeper", 120), (stream.Value.Title, stream.Value.Pages));
        Assert.True(Assert.Single(_fixture.Emulator.Requests).Body.Contains("\"outputConfig\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forced_tool_partials_come_from_the_tool_input_deltas()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline with the tool").Stream(chunkSize: 3).ReplyToolUse(null, Outline);

        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineWithToolAsync("a lighthouse");
        int snapshots = 0;
        await foreach (IStreamingPrompts.StoryOutlinePartial partial in stream)
        {
            snapshots++;
        }

        Assert.True(snapshots >= 5, $"{snapshots} snapshots");
        Assert.Equal(120, stream.Value.Pages);
        Assert.Equal("StoryOutline", Assert.Single(_fixture.Emulator.Requests).ForcedToolName);
    }

    [Fact]
    public async Task Schema_in_the_prompt_streams_through_prose_and_fences()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline in the prompt").Stream(chunkSize: 6)
            .ReplyText("Here is the outline:\n```json\n" + Outline.Replace("120", "\"120\"", StringComparison.Ordinal) + "\n```\nEnjoy!");

        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineInPromptAsync("a lighthouse");
        IStreamingPrompts.StoryOutlinePartial? last = null;
        await foreach (IStreamingPrompts.StoryOutlinePartial partial in stream)
        {
            last = partial;
        }

        Assert.Equal(120, last!.Pages);
        Assert.Equal(120, stream.Value.Pages);
    }

    [Theory]
    [InlineData("[{\"name\":\"Ada\",\"age\":36},{\"name\":\"Brin\",\"age\":7},{\"name\":\"Cole\",\"age\":52}]")]
    [InlineData("Here is the cast:\n```json\n[{\"name\": \"Ada\", \"age\": 36}, {\"name\": \"Brin\", \"age\": \"7\"}, {\"name\": \"Cole\", \"age\": 52},]\n```")]
    [InlineData("{\"value\": [{\"name\":\"Ada\",\"age\":36},{\"name\":\"Brin\",\"age\":7},{\"name\":\"Cole\",\"age\":52}]}")]
    public async Task A_bare_list_answer_streams_as_a_growing_list_with_the_value_the_non_streaming_call_reads(string answer)
    {
        _fixture.Emulator.Script.When(promptContains: "Cast").Stream(chunkSize: 5).ReplyText(answer);

        ResultStream<List<Character>, IReadOnlyList<IStreamingPrompts.CharacterPartial>> stream = Prompts.CastAsync("a lighthouse");
        var counts = new List<int>();
        await foreach (IReadOnlyList<IStreamingPrompts.CharacterPartial> partial in stream)
        {
            counts.Add(partial.Count);
        }

        List<Character> atOnce = await Prompts.CastAtOnceAsync("a lighthouse");

        // Each element shows up as it is written (its members one by one), and the list only grows.
        Assert.Equal(new[] { 1, 2, 3 }, counts.Distinct());
        Assert.Equal(counts.OrderBy(count => count), counts);
        Assert.Equal(new[] { new Character("Ada", 36), new Character("Brin", 7), new Character("Cole", 52) }, stream.Value);
        Assert.Equal(atOnce, stream.Value);
    }

    [Fact]
    public async Task An_invalid_streamed_answer_is_repaired_with_a_second_stream()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline in the prompt").Times(1).Stream(chunkSize: 8)
            .ReplyText("""{"title":"The Keeper","chapters":"none","pages":120}""");
        _fixture.Emulator.Script.When(promptContains: "not valid").Stream(chunkSize: 8).ReplyText(Outline); // the repair turn

        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineInPromptAsync("a lighthouse");
        var attempts = new List<int>();
        await foreach (IStreamingPrompts.StoryOutlinePartial partial in stream)
        {
            attempts.Add(stream.Attempt);
        }

        Assert.Equal(new[] { "Night", "Storm", "Dawn" }, stream.Value.Chapters);
        Assert.Equal(new[] { 1, 2 }, attempts.Distinct());
        Assert.Contains(stream.ToResult().Attempts[0].Errors, e => e.Path == "$.chapters");
        Assert.Equal(2, _fixture.Emulator.Requests.Count);
        Assert.All(_fixture.Emulator.Requests, request => Assert.Equal("ConverseStream", request.Operation));
        Assert.Contains("$.chapters", _fixture.Emulator.Requests[1].UserText, StringComparison.Ordinal);
        Assert.Equal(_fixture.Emulator.Requests.Select(r => r.RequestId), stream.ToResult().Attempts.Select(a => a.RequestId));
        Assert.Equal(_fixture.Emulator.Requests[1].RequestId, stream.ToResult().RequestId);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", stream.ToResult().ModelId);
        Assert.True(stream.ToResult().Latency > TimeSpan.Zero);
        Assert.Equal(2, stream.ToResult().Conversation.Count); // the prompt and the valid answer, without the repair turns
    }

    [Fact]
    public async Task When_every_streamed_attempt_is_invalid_the_exception_carries_all_of_them()
    {
        _fixture.Emulator.Script.Always().Stream(chunkSize: 8).ReplyText("""Here: {"title":"The Keeper","chapters":"none"}""");

        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineInPromptAsync("a lighthouse");
        PromptResultException error = await Assert.ThrowsAsync<PromptResultException>(() => stream.ReadToEndAsync());

        Assert.Equal(2, error.Attempts.Count); // asked once more with the errors, as Task<StoryOutline> does
        Assert.All(error.Attempts, attempt => Assert.Contains(attempt.Errors, e => e.Path == "$.chapters"));
        Assert.All(error.Attempts, attempt => Assert.Contains(attempt.Errors, e => e.Path == "$.pages"));
        Assert.False(stream.IsCompleted);
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_it_with_the_method_token()
    {
        _fixture.Emulator.Script.When(promptContains: "Tell").Stream(chunkSize: 2, eventDelay: TimeSpan.FromMilliseconds(20)).ReplyText(Story);
        using var cancellation = new CancellationTokenSource();

        var deltas = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string delta in Prompts.TellAsync("a lighthouse", cancellation.Token))
            {
                deltas.Add(delta);
                if (deltas.Count == 3)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(3, deltas.Count);
    }

    [Fact]
    public async Task Cancelling_mid_stream_through_WithCancellation_stops_a_result_stream()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline a story").Stream(chunkSize: 2, eventDelay: TimeSpan.FromMilliseconds(20)).ReplyJson(Outline);
        using var cancellation = new CancellationTokenSource();
        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineAsync("a lighthouse");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (IStreamingPrompts.StoryOutlinePartial partial in stream.WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.False(stream.IsCompleted);
    }

    [Fact]
    public async Task An_exception_event_mid_stream_is_raised_as_its_typed_exception()
    {
        _fixture.Emulator.Script.When(promptContains: "Tell").Stream(chunkSize: 4)
            .FailStream(StreamFault.Exception("modelStreamErrorException", "The model stream broke", afterEvents: 4))
            .ReplyText(Story);

        var deltas = new List<string>();
        BedrockModelStreamErrorException error = await Assert.ThrowsAsync<BedrockModelStreamErrorException>(async () =>
        {
            await foreach (string delta in Prompts.TellAsync("a lighthouse"))
            {
                deltas.Add(delta);
            }
        });

        Assert.Contains("The model stream broke", error.Message, StringComparison.Ordinal);
        Assert.Equal(Story[..deltas.Sum(d => d.Length)], string.Concat(deltas)); // what arrived before is intact
        Assert.NotEmpty(deltas);
    }

    [Fact]
    public async Task A_throttling_event_mid_stream_stops_a_result_stream_with_the_throttling_exception()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline a story").Stream(chunkSize: 4)
            .FailStream(StreamFault.Exception("throttlingException", "Too many tokens", afterEvents: 6))
            .ReplyJson(Outline);

        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> stream = Prompts.OutlineAsync("a lighthouse");
        await Assert.ThrowsAsync<BedrockThrottlingException>(() => stream.ReadToEndAsync());
        Assert.False(stream.IsCompleted);
    }

    [Fact]
    public async Task A_connection_cut_mid_stream_is_a_typed_error_and_what_arrived_stays_readable()
    {
        _fixture.Emulator.Script.When(promptContains: "Explain").Stream(chunkSize: 4)
            .FailStream(StreamFault.CutConnection(afterEvents: 5))
            .ReplyText(Story);

        PromptStream stream = Prompts.ExplainAsync("lighthouses");
        BedrockException error = await Assert.ThrowsAnyAsync<BedrockException>(() => stream.ReadToEndAsync());

        Assert.False(stream.IsCompleted);
        Assert.StartsWith(stream.Text, Story, StringComparison.Ordinal);
        Assert.True(stream.Text.Length < Story.Length, error.Message);
        Assert.Null(stream.StopReason);
    }
}
