using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using Xunit;

namespace PromptGen.Tests.Streaming;

public sealed class PromptStreamTests
{
    private static ConverseRequest Request() => new() { Messages = { Message.User("Tell me") } };

    [Fact]
    public async Task Yields_the_text_deltas_then_exposes_stop_reason_usage_and_metrics()
    {
        var bedrock = new StreamingBedrock().Text("Once ", "upon ", "a time.");
        var stream = new PromptStream(bedrock, "model", Request());

        Assert.Empty(bedrock.Requests); // nothing is sent before the stream is read
        Assert.Null(stream.StopReason);
        var deltas = new List<string>();
        await foreach (string delta in stream)
        {
            deltas.Add(delta);
        }

        Assert.Equal(new[] { "Once ", "upon ", "a time." }, deltas);
        Assert.True(stream.IsCompleted);
        Assert.Equal("Once upon a time.", stream.Text);
        Assert.Equal(StopReason.EndTurn, stream.StopReason);
        Assert.Equal(15, stream.Usage!.TotalTokens);
        Assert.Equal(42, stream.Metrics!.LatencyMs);
        Assert.Equal("Once upon a time.", stream.ToResponse().GetOutputText());
        Assert.Equal(1, bedrock.Closed);
    }

    [Fact]
    public async Task Can_be_read_once()
    {
        var stream = new PromptStream(new StreamingBedrock().Text("a"), "model", Request());
        Assert.Equal("a", await stream.ReadToEndAsync());

        Assert.Throws<InvalidOperationException>(() => stream.GetAsyncEnumerator());
    }

    [Fact]
    public async Task The_method_token_cancels_mid_stream_and_closes_it()
    {
        using var cancellation = new CancellationTokenSource();
        var bedrock = new StreamingBedrock().Text("one ", "two ", "three");
        bedrock.BeforeEvent = index => { if (index == 3) { cancellation.Cancel(); } };
        var stream = new PromptStream(bedrock, "model", Request(), cancellation.Token);
        var deltas = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string delta in stream)
            {
                deltas.Add(delta);
            }
        });

        Assert.Equal(new[] { "one ", "two " }, deltas);
        Assert.False(stream.IsCompleted);
        Assert.Equal(1, bedrock.Closed);
    }

    [Fact]
    public async Task The_enumeration_token_cancels_mid_stream_too()
    {
        using var cancellation = new CancellationTokenSource();
        var bedrock = new StreamingBedrock().Text("one ", "two ", "three");
        var stream = new PromptStream(bedrock, "model", Request());
        var deltas = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string delta in stream.WithCancellation(cancellation.Token))
            {
                deltas.Add(delta);
                cancellation.Cancel();
            }
        });

        Assert.Equal(new[] { "one " }, deltas);
        Assert.Equal(1, bedrock.Closed);
    }

    [Fact]
    public async Task Leaving_the_loop_early_closes_the_stream()
    {
        var bedrock = new StreamingBedrock().Text("one ", "two ", "three");
        await foreach (string delta in new PromptStream(bedrock, "model", Request()))
        {
            break;
        }

        Assert.Equal(1, bedrock.Closed);
    }

    [Fact]
    public async Task An_error_in_the_stream_is_raised_as_its_typed_exception()
    {
        var bedrock = new StreamingBedrock().Stream(() => Failing());
        var stream = new PromptStream(bedrock, "model", Request());

        var error = await Assert.ThrowsAsync<BedrockModelStreamErrorException>(() => stream.ReadToEndAsync());
        Assert.Equal("partial ", stream.Text);
        Assert.Contains("model stream failed", error.Message, StringComparison.Ordinal);

        static IEnumerable<ConverseStreamEvent> Failing()
        {
            yield return new MessageStartEvent();
            yield return new ContentBlockDeltaEvent { Delta = new ContentBlockDelta { Text = "partial " } };
            throw new BedrockModelStreamErrorException(System.Net.HttpStatusCode.FailedDependency, "req-1", "model stream failed", null, null);
        }
    }

    [Fact]
    public async Task A_stream_that_ends_before_the_model_stopped_is_an_error_not_a_silent_cut()
    {
        var bedrock = new StreamingBedrock().Stream(() => new ConverseStreamEvent[]
        {
            new MessageStartEvent(),
            new ContentBlockDeltaEvent { Delta = new ContentBlockDelta { Text = "half a sen" } },
        });
        var stream = new PromptStream(bedrock, "model", Request());

        var error = await Assert.ThrowsAsync<BedrockResponseException>(() => stream.ReadToEndAsync());
        Assert.Contains("ended before the model stopped", error.Message, StringComparison.Ordinal);
        Assert.False(stream.IsCompleted);
    }
}
