using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

[PromptClient(Model = StreamFallbackPrompts.Primary)]
[FallbackModels(StreamFallbackPrompts.Fallback)]
public partial interface IStreamFallbackPrompts
{
    [Prompt("Write about {{ topic }}")]
    PromptStream WriteAsync(string topic, CancellationToken cancellationToken = default);

    [Prompt("List facts about {{ topic }}")]
    IAsyncEnumerable<string> FactsAsync(string topic, CancellationToken cancellationToken = default);
}

internal static class StreamFallbackPrompts
{
    public const string Primary = "us.amazon.nova-lite-v1:0";
    public const string Fallback = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
}

/// <summary>Issue 23: a text stream falls back to the next model only until its first text reached the caller.</summary>
public sealed class StreamFallbackTests : IAsyncLifetime
{
    private readonly EmulatorFixture _fixture = new();

    private IStreamFallbackPrompts Prompts => IStreamFallbackPrompts.Create(_fixture.Client);

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_model_that_fails_before_its_first_text_is_replaced_by_the_next()
    {
        _fixture.Emulator.Script.When(model: StreamFallbackPrompts.Primary).ReplyError("ValidationException", 400, "Not available here.");
        _fixture.Emulator.Script.When(model: StreamFallbackPrompts.Fallback).Stream(chunkSize: 3).ReplyText("Tides follow the moon.");

        PromptStream stream = Prompts.WriteAsync("tides");
        var deltas = new List<string>();
        await foreach (string delta in stream)
        {
            deltas.Add(delta);
        }

        Assert.Equal("Tides follow the moon.", string.Concat(deltas));
        Assert.True(deltas.Count > 1);
        Assert.Equal(StreamFallbackPrompts.Fallback, stream.ModelId);
        Assert.Equal(StreamFallbackPrompts.Fallback, stream.ToResult().Attempts.Single().ModelId);
        ModelFailure failure = Assert.Single(stream.FallenBackFrom);
        Assert.Equal(StreamFallbackPrompts.Primary, failure.ModelId);
        Assert.IsType<BedrockValidationException>(failure.Error);
        Assert.Equal([StreamFallbackPrompts.Primary, StreamFallbackPrompts.Fallback], _fixture.Emulator.Requests.Select(r => r.ModelId));
    }

    [Fact]
    public async Task An_error_after_the_first_text_is_the_answers_and_no_other_model_is_called()
    {
        _fixture.Emulator.Script.When(model: StreamFallbackPrompts.Primary).Stream(chunkSize: 2)
            .FailStream(StreamFault.Exception("modelStreamErrorException", "The model stopped.", afterEvents: 4))
            .ReplyText("abcdefghijklmnop");
        _fixture.Emulator.Script.When(model: StreamFallbackPrompts.Fallback).ReplyText("never sent");

        var deltas = new List<string>();
        BedrockServiceException error = await Assert.ThrowsAnyAsync<BedrockServiceException>(async () =>
        {
            await foreach (string delta in Prompts.FactsAsync("tides"))
            {
                deltas.Add(delta);
            }
        });

        Assert.NotEmpty(deltas);
        Assert.Equal("ModelStreamErrorException", error.ErrorCode);
        Assert.Equal(StreamFallbackPrompts.Primary, Assert.Single(_fixture.Emulator.Requests).ModelId);
    }

    [Fact]
    public async Task When_every_model_fails_before_text_the_error_lists_each()
    {
        _fixture.Emulator.Script.Always().ReplyError("ValidationException", 400, "Not available here.");

        ModelFallbackException error = await Assert.ThrowsAsync<ModelFallbackException>(() => Prompts.WriteAsync("tides").ReadToEndAsync());

        Assert.Equal([StreamFallbackPrompts.Primary, StreamFallbackPrompts.Fallback], error.Failures.Select(f => f.ModelId));
        Assert.All(error.Failures, failure => Assert.IsType<BedrockValidationException>(failure.Error));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_a_reason_to_fall_back()
    {
        ScriptRule primary = _fixture.Emulator.Script.When(model: StreamFallbackPrompts.Primary).Stream(chunkSize: 2).FailStream(StreamFault.Stall(1)).ReplyText("abcdef");
        ScriptRule fallback = _fixture.Emulator.Script.When(model: StreamFallbackPrompts.Fallback).ReplyText("never sent");
        using var cancellation = new CancellationTokenSource();

        Task<string> reading = Prompts.WriteAsync("tides", cancellation.Token).ReadToEndAsync();
        while (primary.UseCount == 0 && !reading.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        // The stalled call is recorded when the emulator notices the client left; the rules show what was answered.
        Assert.Equal((1, 0), (primary.UseCount, fallback.UseCount));
    }
}
