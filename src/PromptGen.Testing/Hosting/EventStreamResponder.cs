using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromptGen.Testing.Scripting;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Writes a <c>ConverseStream</c> answer as event-stream frames, shaped by a <see cref="StreamShape"/>: deltas of
/// the chosen size, pauses between events, frames cut across writes, and the injected fault.
/// </summary>
internal static class EventStreamResponder
{
    public const string ContentType = "application/vnd.amazon.eventstream";

    private static readonly TimeSpan CutConnectionGrace = TimeSpan.FromMilliseconds(200);

    /// <summary>The events of a text answer: messageStart, text deltas, contentBlockStop, messageStop (metadata follows).</summary>
    public static List<byte[]> TextEvents(string text, string stopReason, int chunkSize, AnswerExtras? extras = null, DocumentCitations? citations = null)
    {
        extras ??= AnswerExtras.None;
        var frames = new List<byte[]> { EventStreamEncoder.Event("messageStart", StreamEventBodies.MessageStart()) };
        AddReasoning(frames, extras, chunkSize);
        int index = extras.MainBlockIndex;
        foreach (string chunk in StreamEventBodies.Chunks(text, chunkSize))
        {
            frames.Add(EventStreamEncoder.Event("contentBlockDelta", StreamEventBodies.TextDelta(index, chunk)));
        }

        // An answer citing documents: its citations follow the text they support, in the same block.
        foreach (byte[] citation in citations?.DeltaBodies(index) ?? [])
        {
            frames.Add(EventStreamEncoder.Event("contentBlockDelta", citation));
        }

        frames.Add(EventStreamEncoder.Event("contentBlockStop", StreamEventBodies.BlockStop(index)));
        frames.Add(EventStreamEncoder.Event("messageStop", StreamEventBodies.MessageStop(stopReason)));
        return frames;
    }

    /// <summary>The events of a tool-use answer: the input JSON travels as string fragments of tool-use deltas.</summary>
    public static List<byte[]> ToolUseEvents(string toolUseId, string toolName, string inputJson, string stopReason, int chunkSize, AnswerExtras? extras = null)
    {
        extras ??= AnswerExtras.None;
        var frames = new List<byte[]> { EventStreamEncoder.Event("messageStart", StreamEventBodies.MessageStart()) };
        AddReasoning(frames, extras, chunkSize);
        int index = extras.MainBlockIndex;
        frames.Add(EventStreamEncoder.Event("contentBlockStart", StreamEventBodies.ToolUseStart(index, toolUseId, toolName)));
        foreach (string chunk in StreamEventBodies.Chunks(inputJson, chunkSize))
        {
            frames.Add(EventStreamEncoder.Event("contentBlockDelta", StreamEventBodies.ToolInputDelta(index, chunk)));
        }

        frames.Add(EventStreamEncoder.Event("contentBlockStop", StreamEventBodies.BlockStop(index)));
        frames.Add(EventStreamEncoder.Event("messageStop", StreamEventBodies.MessageStop(stopReason)));
        return frames;
    }

    /// <summary>
    /// The events of an answer with several tool calls (and optional text first): one content block per call, each
    /// with its start, input fragments and stop, at increasing <c>contentBlockIndex</c>.
    /// </summary>
    public static List<byte[]> ToolUsesEvents(string? preamble, IReadOnlyList<(string Id, string Name, string InputJson)> calls, string stopReason, int chunkSize, AnswerExtras? extras = null)
    {
        extras ??= AnswerExtras.None;
        var frames = new List<byte[]> { EventStreamEncoder.Event("messageStart", StreamEventBodies.MessageStart()) };
        AddReasoning(frames, extras, chunkSize);
        int index = extras.MainBlockIndex;
        if (preamble is not null)
        {
            foreach (string chunk in StreamEventBodies.Chunks(preamble, chunkSize))
            {
                frames.Add(EventStreamEncoder.Event("contentBlockDelta", StreamEventBodies.TextDelta(index, chunk)));
            }

            frames.Add(EventStreamEncoder.Event("contentBlockStop", StreamEventBodies.BlockStop(index)));
            index++;
        }

        foreach ((string id, string name, string inputJson) in calls)
        {
            frames.Add(EventStreamEncoder.Event("contentBlockStart", StreamEventBodies.ToolUseStart(index, id, name)));
            foreach (string chunk in StreamEventBodies.Chunks(inputJson, chunkSize))
            {
                frames.Add(EventStreamEncoder.Event("contentBlockDelta", StreamEventBodies.ToolInputDelta(index, chunk)));
            }

            frames.Add(EventStreamEncoder.Event("contentBlockStop", StreamEventBodies.BlockStop(index)));
            index++;
        }

        frames.Add(EventStreamEncoder.Event("messageStop", StreamEventBodies.MessageStop(stopReason)));
        return frames;
    }

    public static byte[] MetadataEvent(int inputTokens, int outputTokens, long latencyMs, AnswerExtras? extras = null) =>
        EventStreamEncoder.Event("metadata", StreamEventBodies.Metadata(inputTokens, outputTokens, latencyMs, extras));

    /// <summary>Block 0 as reasoning deltas (text in chunks, then the signature), as Claude streams its thinking.</summary>
    private static void AddReasoning(List<byte[]> frames, AnswerExtras extras, int chunkSize)
    {
        if (!extras.HasReasoning)
        {
            return;
        }

        foreach (string chunk in StreamEventBodies.Chunks(extras.ReasoningText!, chunkSize))
        {
            frames.Add(EventStreamEncoder.Event("contentBlockDelta", StreamEventBodies.ReasoningDelta(0, chunk, signature: null)));
        }

        frames.Add(EventStreamEncoder.Event("contentBlockDelta", StreamEventBodies.ReasoningDelta(0, text: null, extras.ReasoningSignature)));
        frames.Add(EventStreamEncoder.Event("contentBlockStop", StreamEventBodies.BlockStop(0)));
    }

    /// <summary>
    /// Sends <paramref name="events"/>, then the final event. A cut connection aborts <paramref name="context"/>; a stall
    /// waits for <paramref name="aborted"/>.
    /// </summary>
    /// <param name="context">The request's context.</param>
    /// <param name="events">The events before the final one.</param>
    /// <param name="finalEvent">Builds the last event (metadata) when it is due, so its latency covers the whole stream.</param>
    /// <param name="shape">Pacing and fault.</param>
    /// <param name="settling">
    /// Called once the stream's ending is decided, before the frame (or the abort) that ends it, with the error code
    /// it ends with (an injected exception or error) or null; not called when the stream stalls until the client leaves.
    /// </param>
    /// <param name="aborted">Signals that the client went away or the emulator stops.</param>
    public static async Task WriteAsync(
        HttpContext context, IReadOnlyList<byte[]> events, Func<byte[]> finalEvent, StreamShape shape, Action<string?> settling, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        await response.StartAsync(aborted);
        await response.Body.FlushAsync(aborted);

        StreamFault? fault = shape.Fault;
        int count = events.Count + 1;
        for (int index = 0; index <= count; index++)
        {
            if (fault is not null && index == fault.AfterEvents)
            {
                switch (fault.Kind)
                {
                    case StreamFaultKind.Exception:
                        settling(fault.Code);
                        await WriteFrameAsync(response, EventStreamEncoder.Exception(fault.Code!, StreamEventBodies.ExceptionMessage(fault.Message!)), shape, aborted);
                        return;
                    case StreamFaultKind.Error:
                        settling(fault.Code);
                        await WriteFrameAsync(response, EventStreamEncoder.Error(fault.Code!, fault.Message!), shape, aborted);
                        return;
                    case StreamFaultKind.CutConnection:
                        // Let the client read what was sent first: an abort resets the connection, and a reset
                        // discards bytes still waiting in the client's socket buffer.
                        await Task.Delay(CutConnectionGrace, aborted);
                        settling(null);
                        context.Abort();
                        return;
                    case StreamFaultKind.Stall:
                        await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
                        return;
                }
            }

            if (index == count)
            {
                break;
            }

            if (index > 0 && shape.EventDelay > TimeSpan.Zero)
            {
                await Task.Delay(shape.EventDelay, aborted);
            }

            byte[] frame = index < events.Count ? events[index] : finalEvent();
            if (fault is { Kind: StreamFaultKind.CorruptFrame } && index == fault.AfterEvents)
            {
                frame = (byte[])frame.Clone();
                frame[^5] ^= 0xFF; // the last payload byte: the prelude stays valid, the message checksum fails
            }

            // Settled as the last frame goes out (after its pause: a client may give up during that), unless a fault
            // is still due after it.
            if (index == count - 1 && (fault is null || fault.AfterEvents != count || fault.Kind == StreamFaultKind.CorruptFrame))
            {
                settling(null);
            }

            await WriteFrameAsync(response, frame, shape, aborted);
        }
    }

    /// <summary>
    /// A text answer whose one delta is a frame of <paramref name="frameLength"/> bytes (see
    /// <see cref="EmulatorFault.LargeBody"/>): messageStart, the large delta, then the usual ending.
    /// </summary>
    public static async Task WriteLargeFrameAsync(HttpContext context, long? frameLength, Action settling, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        await response.StartAsync(aborted);
        await WriteFrameAsync(response, EventStreamEncoder.Event("messageStart", StreamEventBodies.MessageStart()), StreamShape.Default, aborted);
        await LargeBodyResponder.WriteFrameAsync(response.Body, frameLength, aborted);
        await WriteFrameAsync(response, EventStreamEncoder.Event("contentBlockStop", StreamEventBodies.BlockStop(0)), StreamShape.Default, aborted);
        await WriteFrameAsync(response, EventStreamEncoder.Event("messageStop", StreamEventBodies.MessageStop(StopReasons.EndTurn)), StreamShape.Default, aborted);
        settling();
        await WriteFrameAsync(response, MetadataEvent(1, 1, 1), StreamShape.Default, aborted);
    }

    private static async Task WriteFrameAsync(HttpResponse response, byte[] frame, StreamShape shape, CancellationToken aborted)
    {
        int writeSize = shape.WriteSize ?? frame.Length;
        for (int offset = 0; offset < frame.Length; offset += writeSize)
        {
            await response.Body.WriteAsync(frame.AsMemory(offset, Math.Min(writeSize, frame.Length - offset)), aborted);
            await response.Body.FlushAsync(aborted);
        }
    }
}
