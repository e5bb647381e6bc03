using System;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Scripting;

/// <summary>
/// Sends <see cref="EmulatorFault.LargeBody"/> replies: well-formed JSON (or one event frame) of a chosen length, or one
/// that never ends, padded from one small buffer so the emulator's own memory stays flat however large the body.
/// </summary>
internal static class LargeBodyResponder
{
    private const int PreludeLength = 12;
    private const int ChecksumLength = 4;

    private static readonly byte[] AnswerPrefix = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\""u8.ToArray();
    private static readonly byte[] AnswerSuffix =
        "\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},\"metrics\":{\"latencyMs\":1}}"u8.ToArray();

    private static readonly byte[] ErrorPrefix = "{\"message\":\""u8.ToArray();
    private static readonly byte[] ErrorSuffix = "\"}"u8.ToArray();
    private static readonly byte[] DeltaPrefix = "{\"contentBlockIndex\":0,\"delta\":{\"text\":\""u8.ToArray();
    private static readonly byte[] DeltaSuffix = "\"}}"u8.ToArray();
    private static readonly byte[] DeltaHeaders = EventStreamEncoder.EventHeaders("contentBlockDelta");
    private static readonly byte[] Padding = CreatePadding();

    /// <summary>The shortest 2xx body (or stream frame) a large-body reply can have.</summary>
    public static int MinimumAnswerLength { get; } = Math.Max(
        AnswerPrefix.Length + AnswerSuffix.Length,
        PreludeLength + DeltaHeaders.Length + DeltaPrefix.Length + DeltaSuffix.Length + ChecksumLength);

    /// <summary>The shortest error body a large-body reply can have.</summary>
    public static int MinimumErrorLength { get; } = ErrorPrefix.Length + ErrorSuffix.Length;

    /// <summary>
    /// Writes the JSON body of <paramref name="reply"/> (an answer, or an error whose headers are already set), calling
    /// <paramref name="settling"/> before its last bytes (an endless body never gets there).
    /// </summary>
    public static async Task WriteJsonAsync(HttpResponse response, EmulatorReply reply, Action settling, CancellationToken aborted)
    {
        (byte[] prefix, byte[] suffix) = reply.IsError ? (ErrorPrefix, ErrorSuffix) : (AnswerPrefix, AnswerSuffix);
        int status = reply.IsError ? reply.ErrorStatus : StatusCodes.Status200OK;
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (reply.AnnouncesLength)
        {
            response.ContentLength = reply.BodyLength;
        }

        await response.Body.WriteAsync(prefix, aborted);
        await WritePaddingAsync(response.Body, reply.BodyLength - prefix.Length - suffix.Length, crc: null, aborted);
        settling();
        await response.Body.WriteAsync(suffix, aborted);
    }

    /// <summary>
    /// Writes one <c>contentBlockDelta</c> frame of <paramref name="frameLength"/> bytes with valid checksums; with no
    /// length (or one past what a prelude can say), a frame whose prelude claims 4 GiB − 1 bytes and whose bytes never end.
    /// </summary>
    public static async Task WriteFrameAsync(Stream body, long? frameLength, CancellationToken aborted)
    {
        bool endless = frameLength is null or > uint.MaxValue;
        uint total = endless ? uint.MaxValue : (uint)frameLength!.Value;
        byte[] prelude = new byte[PreludeLength];
        BinaryPrimitives.WriteUInt32BigEndian(prelude, total);
        BinaryPrimitives.WriteUInt32BigEndian(prelude.AsSpan(4), (uint)DeltaHeaders.Length);
        BinaryPrimitives.WriteUInt32BigEndian(prelude.AsSpan(8), EventStreamEncoder.Checksum(prelude.AsSpan(0, 8)));

        uint crc = 0xFFFFFFFF;
        foreach (byte[] part in new[] { prelude, DeltaHeaders, DeltaPrefix })
        {
            crc = EventStreamEncoder.ChecksumUpdate(crc, part);
            await body.WriteAsync(part, aborted);
        }

        long? padding = endless ? null : total - (long)MinimumFrameOverhead;
        crc = await WritePaddingAsync(body, padding, crc, aborted);
        crc = EventStreamEncoder.ChecksumUpdate(crc, DeltaSuffix);
        await body.WriteAsync(DeltaSuffix, aborted);
        byte[] checksum = new byte[ChecksumLength];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, ~crc);
        await body.WriteAsync(checksum, aborted);
        await body.FlushAsync(aborted);
    }

    private static int MinimumFrameOverhead => PreludeLength + DeltaHeaders.Length + DeltaPrefix.Length + DeltaSuffix.Length + ChecksumLength;

    /// <summary>Writes <paramref name="count"/> padding bytes (null: until the client goes away), updating <paramref name="crc"/> when given.</summary>
    private static async Task<uint> WritePaddingAsync(Stream body, long? count, uint? crc, CancellationToken aborted)
    {
        uint state = crc ?? 0;
        long left = count ?? long.MaxValue;
        while (left > 0)
        {
            int length = (int)Math.Min(left, Padding.Length);
            if (crc is not null)
            {
                state = EventStreamEncoder.ChecksumUpdate(state, Padding.AsSpan(0, length));
            }

            await body.WriteAsync(Padding.AsMemory(0, length), aborted);
            left -= count is null ? 0 : length;
        }

        return state;
    }

    private static byte[] CreatePadding()
    {
        byte[] padding = new byte[64 * 1024];
        padding.AsSpan().Fill((byte)'x');
        return padding;
    }
}
