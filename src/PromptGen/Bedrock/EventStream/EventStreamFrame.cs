using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace PromptGen.Bedrock.EventStream;

/// <summary>
/// The event-stream frame layout (wire spec §4): a 12-byte prelude (total length, headers length, prelude
/// CRC), the headers, the payload and a trailing CRC of everything before it. All integers big-endian.
/// </summary>
internal static class EventStreamFrame
{
    public const int PreludeLength = 12;
    public const int ChecksumLength = 4;
    public const int MinimumLength = PreludeLength + ChecksumLength;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks the prelude and returns the frame's total length; throws a typed error for a bad prelude.</summary>
    public static int ReadPrelude(ReadOnlySpan<byte> prelude, int maxMessageLength, long offset, string? requestId)
    {
        uint totalLength = BinaryPrimitives.ReadUInt32BigEndian(prelude);
        uint headersLength = BinaryPrimitives.ReadUInt32BigEndian(prelude[4..]);
        uint expected = BinaryPrimitives.ReadUInt32BigEndian(prelude[8..]);
        uint actual = Crc32.Compute(prelude[..8]);
        if (actual != expected)
        {
            throw Error(EventStreamErrorKind.PreludeChecksumMismatch,
                $"prelude checksum mismatch (frame says 0x{expected:x8}, computed 0x{actual:x8})", offset, requestId);
        }

        if (totalLength < MinimumLength || headersLength > totalLength - MinimumLength)
        {
            throw Error(EventStreamErrorKind.InvalidLength,
                $"impossible lengths (total {totalLength}, headers {headersLength}; a frame has at least {MinimumLength} bytes around its headers)", offset, requestId);
        }

        if (totalLength > (uint)maxMessageLength)
        {
            throw Error(EventStreamErrorKind.MessageTooLarge,
                $"a frame of {totalLength} bytes is larger than the limit of {maxMessageLength} bytes per event (BedrockOptions.MaxResponseSize, "
                + "and at most 16 MiB); it was not read", offset, requestId);
        }

        return (int)totalLength;
    }

    /// <summary>Checks the message CRC of a whole frame (prelude already checked) and decodes it.</summary>
    public static EventStreamMessage Decode(ReadOnlySpan<byte> frame, long offset, string? requestId)
    {
        uint expected = BinaryPrimitives.ReadUInt32BigEndian(frame[^ChecksumLength..]);
        uint actual = Crc32.Compute(frame[..^ChecksumLength]);
        if (actual != expected)
        {
            throw Error(EventStreamErrorKind.MessageChecksumMismatch,
                $"message checksum mismatch (frame says 0x{expected:x8}, computed 0x{actual:x8})", offset, requestId);
        }

        int headersLength = (int)BinaryPrimitives.ReadUInt32BigEndian(frame[4..]);
        ReadOnlySpan<byte> headerBlock = frame.Slice(PreludeLength, headersLength);
        ReadOnlySpan<byte> payload = frame[(PreludeLength + headersLength)..^ChecksumLength];
        return new EventStreamMessage(DecodeHeaders(headerBlock, offset, requestId), payload.ToArray());
    }

    private static List<EventStreamHeader> DecodeHeaders(ReadOnlySpan<byte> block, long offset, string? requestId)
    {
        var headers = new List<EventStreamHeader>(4);
        int position = 0;
        while (position < block.Length)
        {
            int nameLength = block[position++];
            if (nameLength == 0)
            {
                throw HeaderError("a header has an empty name", offset, requestId);
            }

            string name = DecodeUtf8(Take(block, ref position, nameLength, offset, requestId), offset, requestId);
            var type = (EventStreamHeaderType)Take(block, ref position, 1, offset, requestId)[0];
            object value = type switch
            {
                EventStreamHeaderType.BoolTrue => true,
                EventStreamHeaderType.BoolFalse => false,
                EventStreamHeaderType.Byte => (sbyte)Take(block, ref position, 1, offset, requestId)[0],
                EventStreamHeaderType.Short => BinaryPrimitives.ReadInt16BigEndian(Take(block, ref position, 2, offset, requestId)),
                EventStreamHeaderType.Integer => BinaryPrimitives.ReadInt32BigEndian(Take(block, ref position, 4, offset, requestId)),
                EventStreamHeaderType.Long => BinaryPrimitives.ReadInt64BigEndian(Take(block, ref position, 8, offset, requestId)),
                EventStreamHeaderType.ByteArray => TakeVariable(block, ref position, offset, requestId).ToArray(),
                EventStreamHeaderType.String => DecodeUtf8(TakeVariable(block, ref position, offset, requestId), offset, requestId),
                EventStreamHeaderType.Timestamp => Timestamp(BinaryPrimitives.ReadInt64BigEndian(Take(block, ref position, 8, offset, requestId)), name, offset, requestId),
                EventStreamHeaderType.Uuid => new Guid(Take(block, ref position, 16, offset, requestId), bigEndian: true),
                _ => throw HeaderError($"header '{name}' has the unknown value type {(byte)type}", offset, requestId),
            };
            headers.Add(new EventStreamHeader(name, type, value));
        }

        return headers;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> block, ref int position, int length, long offset, string? requestId)
    {
        if (length > block.Length - position)
        {
            throw HeaderError("a header runs past the end of the header block", offset, requestId);
        }

        ReadOnlySpan<byte> slice = block.Slice(position, length);
        position += length;
        return slice;
    }

    private static ReadOnlySpan<byte> TakeVariable(ReadOnlySpan<byte> block, ref int position, long offset, string? requestId)
    {
        int length = BinaryPrimitives.ReadUInt16BigEndian(Take(block, ref position, 2, offset, requestId));
        return Take(block, ref position, length, offset, requestId);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, long offset, string? requestId)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (ArgumentException e)
        {
            throw HeaderError("a header name or string value is not valid UTF-8", offset, requestId, e);
        }
    }

    private static DateTimeOffset Timestamp(long milliseconds, string name, long offset, string? requestId)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw HeaderError($"timestamp header '{name}' is out of range ({milliseconds} ms)", offset, requestId, e);
        }
    }

    private static BedrockEventStreamException HeaderError(string what, long offset, string? requestId, Exception? inner = null) =>
        Error(EventStreamErrorKind.InvalidHeader, what, offset, requestId, inner);

    internal static BedrockEventStreamException Error(EventStreamErrorKind kind, string what, long offset, string? requestId, Exception? inner = null) =>
        new(kind, $"The Bedrock event stream is corrupt at byte {offset}{(requestId is null ? "" : $" (request id {requestId})")}: {what}.", offset, inner)
        {
            RequestId = requestId,
        };
}
