using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock.EventStream;
using PromptGen.Testing.Wire;
using Xunit;

namespace PromptGen.Tests.Bedrock.Streaming;

/// <summary>The event-stream decoder on its own: layout, checksums, every header type, and every way a stream can be bad.</summary>
public sealed class EventStreamDecoderTests
{
    // Wire spec §4 worked example: messageStop {"stopReason":"end_turn"}, 122 bytes.
    private const string SpecExampleHex =
        "0000007a00000051ca2c4665" +
        "0b3a6576656e742d7479706507000b6d65737361676553746f70" +
        "0d3a636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e" +
        "0d3a6d6573736167652d747970650700056576656e74" +
        "7b2273746f70526561736f6e223a22656e645f7475726e227d" +
        "5fbf09fc";

    [Fact]
    public async Task Decodes_the_spec_example()
    {
        byte[] frame = Convert.FromHexString(SpecExampleHex);

        List<EventStreamMessage> messages = await ReadAllAsync(new MemoryStream(frame));

        EventStreamMessage message = Assert.Single(messages);
        Assert.Equal(
            [":event-type", ":content-type", ":message-type"],
            message.Headers.Select(header => header.Name));
        Assert.Equal("messageStop", message.GetString(":event-type"));
        Assert.Equal("event", message.GetString(":message-type"));
        Assert.Equal("""{"stopReason":"end_turn"}""", System.Text.Encoding.UTF8.GetString(message.Payload));
    }

    [Fact]
    public void Emulator_encoder_produces_the_spec_example_byte_for_byte()
    {
        byte[] frame = EventStreamEncoder.Event("messageStop", """{"stopReason":"end_turn"}"""u8.ToArray());

        Assert.Equal(SpecExampleHex, Convert.ToHexString(frame), ignoreCase: true);
    }

    [Fact]
    public void Table_and_bitwise_crc32_agree_with_zlib_check_value()
    {
        // "123456789" → 0xCBF43926 is the published check value of CRC-32/ISO-HDLC (zlib's crc32).
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0xCBF43926u, EventStreamEncoder.Checksum("123456789"u8));
        Assert.Equal(Crc32.Compute("hello world"u8), Crc32.Append(Crc32.Compute("hello "u8), "world"u8));
    }

    [Fact]
    public async Task Every_header_type_round_trips()
    {
        byte[] frame = EventStreamEncoder.Encode(Frames.AllHeaderTypes(), [1, 2, 3]);

        EventStreamMessage message = Assert.Single(await ReadAllAsync(new MemoryStream(frame)));

        Assert.Equal(
            "t:0:True|f:1:False|i8:2:-128|i16:3:-32768|i32:4:-2147483648|i64:5:9223372036854775807|bytes:6:000102FF"
            + "|string:7:héllo ✓ 😀|time:8:1736942400123|uuid:9:0f8fad5b-d9cb-469f-a165-70867728950e#010203",
            Frames.Describe(message));
    }

    [Fact]
    public async Task Empty_stream_has_no_messages_and_empty_payload_is_allowed()
    {
        Assert.Empty(await ReadAllAsync(new MemoryStream()));

        byte[] frame = EventStreamEncoder.Error("InternalFailure", "boom");
        EventStreamMessage message = Assert.Single(await ReadAllAsync(new MemoryStream(frame)));
        Assert.Empty(message.Payload);
        Assert.Equal("boom", message.GetString(":error-message"));
    }

    [Fact]
    public async Task Splitting_the_stream_at_every_byte_boundary_decodes_the_same_messages()
    {
        byte[] stream = Frames.SampleStream();
        string expected = Frames.Describe(await ReadAllAsync(new MemoryStream(stream)));
        Assert.Equal(6, expected.Split('\n').Length);

        for (int cut = 1; cut < stream.Length; cut++)
        {
            string actual = Frames.Describe(await ReadAllAsync(ChunkedReadStream.SplitAt(stream, cut)));
            Assert.True(expected == actual, $"split at byte {cut} decoded differently");
        }

        // Two cuts around every position too: a frame arriving in three pieces.
        for (int cut = 1; cut + 7 < stream.Length; cut += 3)
        {
            Assert.Equal(expected, Frames.Describe(await ReadAllAsync(ChunkedReadStream.SplitAt(stream, cut, cut + 7))));
        }

        Assert.Equal(expected, Frames.Describe(await ReadAllAsync(ChunkedReadStream.OneByteAtATime(stream))));
    }

    [Fact]
    public async Task A_flipped_bit_in_the_prelude_fails_its_checksum()
    {
        byte[] frame = Frames.Event("messageStart", """{"role":"assistant"}""");
        for (int index = 0; index < EventStreamFrame.PreludeLength; index++)
        {
            byte[] corrupt = (byte[])frame.Clone();
            corrupt[index] ^= 0x01;

            BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(() => ReadAllAsync(new MemoryStream(corrupt)));

            Assert.Equal(EventStreamErrorKind.PreludeChecksumMismatch, error.Kind);
            Assert.Equal(0, error.StreamOffset);
        }
    }

    [Fact]
    public async Task A_flipped_bit_after_the_prelude_fails_the_message_checksum_before_anything_is_parsed()
    {
        byte[] first = Frames.Event("messageStart", """{"role":"assistant"}""");
        byte[] second = EventStreamEncoder.Encode(Frames.AllHeaderTypes(), "{}"u8);
        for (int index = EventStreamFrame.PreludeLength; index < second.Length; index++)
        {
            byte[] corrupt = (byte[])second.Clone();
            corrupt[index] ^= 0x80;
            var stream = new MemoryStream(Frames.Concat(first, corrupt));
            using var reader = new EventStreamReader(stream);

            Assert.NotNull(await reader.ReadAsync());
            BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(async () => await reader.ReadAsync());

            Assert.Equal(EventStreamErrorKind.MessageChecksumMismatch, error.Kind);
            Assert.Equal(first.Length, error.StreamOffset);
            Assert.Contains($"byte {first.Length}", error.Message);
        }
    }

    [Fact]
    public async Task A_stream_cut_anywhere_inside_a_frame_is_truncated_not_a_hang()
    {
        byte[] stream = Frames.SampleStream();
        var boundaries = new HashSet<int>();
        int offset = 0;
        while (offset < stream.Length)
        {
            boundaries.Add(offset);
            offset += System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(stream.AsSpan(offset));
        }

        for (int length = 1; length < stream.Length; length++)
        {
            if (boundaries.Contains(length))
            {
                continue; // a clean end between frames
            }

            BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(
                () => ReadAllAsync(new MemoryStream(stream[..length])));
            Assert.Equal(EventStreamErrorKind.Truncated, error.Kind);
        }
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(15u, 0u)]
    [InlineData(16u, 1u)]
    [InlineData(100u, 85u)]
    [InlineData(100u, uint.MaxValue)]
    public async Task Impossible_lengths_are_rejected(uint totalLength, uint headersLength)
    {
        byte[] prelude = Prelude(totalLength, headersLength);

        BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(
            () => ReadAllAsync(new MemoryStream(Frames.Concat(prelude, new byte[64]))));

        Assert.Equal(EventStreamErrorKind.InvalidLength, error.Kind);
    }

    [Fact]
    public async Task An_oversized_length_is_refused_after_the_prelude_without_reading_or_allocating_the_frame()
    {
        byte[] prelude = Prelude(0xFFFF_FFF0, 10);
        var stream = ChunkedReadStream.SplitAt(Frames.Concat(prelude, new byte[1024]), 12);
        using var reader = new EventStreamReader(stream, maxMessageLength: 1024 * 1024);

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(async () => await reader.ReadAsync());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(EventStreamErrorKind.MessageTooLarge, error.Kind);
        Assert.Contains("4294967280 bytes", error.Message);
        Assert.Equal(12, stream.BytesRead);
        Assert.True(allocated < 256 * 1024, $"refusing the frame allocated {allocated} bytes");
    }

    [Fact]
    public async Task The_size_limit_is_inclusive_and_configurable()
    {
        byte[] frame = Frames.Event("messageStart", """{"role":"assistant"}""");

        using (var exact = new EventStreamReader(new MemoryStream(frame), maxMessageLength: frame.Length))
        {
            Assert.NotNull(await exact.ReadAsync());
        }

        using var smaller = new EventStreamReader(new MemoryStream(frame), maxMessageLength: frame.Length - 1);
        BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(async () => await smaller.ReadAsync());
        Assert.Equal(EventStreamErrorKind.MessageTooLarge, error.Kind);
    }

    [Fact]
    public async Task A_frame_larger_than_the_first_buffer_is_read_whole()
    {
        string text = new('x', 100_000);
        byte[] frame = Frames.Event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + text + "\"}}");

        EventStreamMessage message = Assert.Single(await ReadAllAsync(ChunkedReadStream.SplitAt(frame, 5, 5000, 50_000)));

        Assert.Equal(frame.Length - 16 - (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4)), message.Payload.Length);
    }

    [Theory]
    [InlineData("unknown value type 10")]
    [InlineData("past the end")]
    [InlineData("empty name")]
    [InlineData("UTF-8")]
    public async Task Malformed_headers_with_valid_checksums_are_typed_errors(string problem)
    {
        byte[] headers = problem switch
        {
            "unknown value type 10" => [1, (byte)'x', 10, 0, 0, 0, 0, 0, 0, 0, 0],
            "past the end" => [1, (byte)'x', 7, 0, 200, (byte)'a'],
            "empty name" => [0, 0],
            _ => [1, (byte)'x', 7, 0, 2, 0xC3, 0x28],
        };

        BedrockEventStreamException error = await Assert.ThrowsAsync<BedrockEventStreamException>(
            () => ReadAllAsync(new MemoryStream(RawFrame(headers, "{}"u8.ToArray()))));

        Assert.Equal(EventStreamErrorKind.InvalidHeader, error.Kind);
        Assert.Contains(problem == "unknown value type 10" ? "unknown value type 10" : problem == "past the end" ? "past the end" : problem, error.Message);
    }

    [Fact]
    public async Task Cancellation_ends_a_read_that_waits_for_bytes()
    {
        var pipe = new Pipe();
        byte[] frame = Frames.Event("messageStart", """{"role":"assistant"}""");
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 20));
        using var reader = new EventStreamReader(pipe.Reader.AsStream());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(cancel.Token));
    }

    private static async Task<List<EventStreamMessage>> ReadAllAsync(Stream stream)
    {
        using var reader = new EventStreamReader(stream);
        var messages = new List<EventStreamMessage>();
        while (await reader.ReadAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    private static byte[] Prelude(uint totalLength, uint headersLength)
    {
        var prelude = new byte[12];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(prelude, totalLength);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(prelude.AsSpan(4), headersLength);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(prelude.AsSpan(8), EventStreamEncoder.Checksum(prelude.AsSpan(0, 8)));
        return prelude;
    }

    /// <summary>A frame around arbitrary header bytes, with correct lengths and checksums.</summary>
    private static byte[] RawFrame(byte[] headers, byte[] payload)
    {
        int total = 16 + headers.Length + payload.Length;
        byte[] frame = Frames.Concat(Prelude((uint)total, (uint)headers.Length), headers, payload, new byte[4]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), EventStreamEncoder.Checksum(frame.AsSpan(0, total - 4)));
        return frame;
    }
}
