using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Prompting.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Streaming;

public sealed class ResultStreamTests
{
    private static ConverseRequest Request() => new() { Messages = { Message.User("Triage this") } };

    private static ResultStream<TicketResult, TicketPartial> Stream(IBedrockRuntime bedrock, StructuredOutputStrategy strategy, int repairs = 1, CancellationToken cancellationToken = default) =>
        new(bedrock, "model", Request(), TicketResultParser.Spec(strategy, repairs), static () => new TicketPartialBuilder(), cancellationToken);

    private static async Task<List<TicketPartial>> ReadAll<T>(ResultStream<T, TicketPartial> stream)
    {
        var partials = new List<TicketPartial>();
        await foreach (TicketPartial partial in stream)
        {
            partials.Add(partial);
        }

        return partials;
    }

    [Theory]
    [InlineData(StructuredOutputStrategy.NativeSchema)]
    [InlineData(StructuredOutputStrategy.PromptOnly)]
    public async Task Text_deltas_give_a_snapshot_when_a_member_completes_then_the_validated_value(StructuredOutputStrategy strategy)
    {
        var bedrock = new StreamingBedrock().Text("Here it is: ```json\n{\"title\": \"Refu", "nd\", \"prio", "rity\": \"high\", \"minutes\": 1", "5}\n```");
        ResultStream<TicketResult, TicketPartial> stream = Stream(bedrock, strategy);

        List<TicketPartial> partials = await ReadAll(stream);

        Assert.Equal(new[]
        {
            new TicketPartial { Title = "Refund" },
            new TicketPartial { Title = "Refund", Priority = Priority.High },
            new TicketPartial { Title = "Refund", Priority = Priority.High, Minutes = 15 },
        }, partials);
        Assert.Equal(new TicketResult("Refund", Priority.High, 15), stream.Value);
        Assert.Equal(1, stream.Attempt);
        Assert.Equal(StopReason.EndTurn, stream.StopReason);
        Assert.Equal(16, stream.Usage.TotalTokens);
        Assert.Equal(42, stream.Metrics!.LatencyMs);
        Assert.Single(stream.ToResult().Attempts);
    }

    [Fact]
    public async Task Forced_tool_reads_the_result_tools_input_deltas_only()
    {
        var bedrock = new StreamingBedrock().Stream(() => Events.ToolCall("ticket_result", "{\"title\":", "\"Refund\",\"prio", "rity\":\"Low\",\"minutes\":3}"));
        ResultStream<TicketResult, TicketPartial> stream = Stream(bedrock, StructuredOutputStrategy.ForcedTool);

        List<TicketPartial> partials = await ReadAll(stream);

        // One snapshot per delta that completed something: priority and minutes complete in the same delta.
        Assert.Equal(2, partials.Count);
        Assert.Equal(new TicketPartial { Title = "Refund" }, partials[0]);
        Assert.Equal(new TicketResult("Refund", Priority.Low, 3), stream.Value);
        Assert.NotNull(bedrock.Requests[0].ToolConfig);
    }

    [Fact]
    public async Task An_invalid_answer_is_repaired_and_the_snapshots_start_again()
    {
        var bedrock = new StreamingBedrock()
            .Text("{\"title\": \"Refund\", \"priority\": \"urgent\", \"minutes\": 5}")
            .Text("{\"title\": \"Refund\", \"priority\": \"High\", \"minutes\": 5}");
        ResultStream<TicketResult, TicketPartial> stream = Stream(bedrock, StructuredOutputStrategy.NativeSchema);
        var attempts = new List<(int Attempt, TicketPartial Partial)>();

        await foreach (TicketPartial partial in stream)
        {
            attempts.Add((stream.Attempt, partial));
        }

        Assert.Equal(new TicketResult("Refund", Priority.High, 5), stream.Value);
        Assert.Equal(2, stream.ToResult().Attempts.Count);
        Assert.Contains("$.priority", stream.ToResult().Attempts[0].Errors[0].Path, StringComparison.Ordinal);
        Assert.Equal(new[] { 1, 2 }, attempts.Select(a => a.Attempt).Distinct());
        // Each answer came in one delta: one snapshot each, the first without the priority it could not read.
        Assert.Equal(new TicketPartial { Title = "Refund", Minutes = 5 }, attempts.Single(a => a.Attempt == 1).Partial);
        Assert.Equal(new TicketPartial { Title = "Refund", Priority = Priority.High, Minutes = 5 }, attempts.Single(a => a.Attempt == 2).Partial);
        Assert.Equal(2, bedrock.Requests.Count);
        Assert.Equal(3, bedrock.Requests[1].Messages.Count); // the answer and the errors were sent back
        Assert.Equal(2 * 13, stream.Usage.TotalTokens); // both attempts are counted
    }

    [Fact]
    public async Task No_valid_answer_after_every_attempt_throws_as_the_non_streaming_call_does()
    {
        var bedrock = new StreamingBedrock().Text("{\"title\": \"Refund\", \"minutes\": -1}");
        ResultStream<TicketResult, TicketPartial> stream = Stream(bedrock, StructuredOutputStrategy.NativeSchema, repairs: 0);

        var error = await Assert.ThrowsAsync<PromptResultException>(() => stream.ReadToEndAsync());

        Assert.Contains(error.Attempts[0].Errors, e => e.Path == "$.priority");
        Assert.False(stream.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => stream.Value);
    }

    [Fact]
    public async Task An_answer_cut_off_at_the_token_limit_is_reported_as_truncated()
    {
        var bedrock = new StreamingBedrock().Stream(() => Events.Text(StopReason.MaxTokens, "{\"title\": \"Refund\", \"prio"));
        ResultStream<TicketResult, TicketPartial> stream = Stream(bedrock, StructuredOutputStrategy.NativeSchema);
        var partials = new List<TicketPartial>();

        var error = await Assert.ThrowsAsync<PromptResultException>(async () =>
        {
            await foreach (TicketPartial partial in stream)
            {
                partials.Add(partial);
            }
        });

        Assert.Equal("Refund", Assert.Single(partials).Title);
        Assert.Equal(ResultErrorKind.Truncated, error.Attempts.Single().Errors[0].Kind);
        Assert.Single(bedrock.Requests); // truncation is not repaired
    }

    [Fact]
    public async Task Cancelling_through_WithCancellation_stops_mid_stream()
    {
        using var cancellation = new CancellationTokenSource();
        var bedrock = new StreamingBedrock().Text("{\"title\": \"A\",", " \"priority\": \"Low\",", " \"minutes\": 1}");
        ResultStream<TicketResult, TicketPartial> stream = Stream(bedrock, StructuredOutputStrategy.NativeSchema);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (TicketPartial partial in stream.WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Assert.Equal(1, bedrock.Closed);
        Assert.False(stream.IsCompleted);
    }
}
