using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace PromptGen.Testing.Wire;

/// <summary>A header of an event-stream frame the emulator writes; <see cref="Value"/> matches <see cref="Type"/>.</summary>
/// <param name="Name">The header name, 1–255 UTF-8 bytes.</param>
/// <param name="Type">The wire type byte (wire spec §4): 0/1 bool, 2 int8, 3 int16, 4 int32, 5 int64, 6 bytes, 7 string, 8 timestamp, 9 uuid.</param>
/// <param name="Value">bool, sbyte, short, int, long, byte[], string, DateTimeOffset or Guid.</param>
internal sealed record EventStreamHeaderValue(string Name, byte Type, object Value)
{
    /// <summary>A string header (type 7), the kind every Bedrock header is.</summary>
    public static EventStreamHeaderValue String(string name, string value) => new(name, 7, value);
}

/// <summary>
/// Writes <c>application/vnd.amazon.eventstream</c> frames (wire spec §4). Written from the spec, independently of
/// the client's decoder, so a mistake on one side shows up as a failure instead of cancelling out; the
/// conformance tests check both against the official codec.
/// </summary>
internal static class EventStreamEncoder
{
    private const int PreludeLength = 12;
    private const int MaxHeaderValueLength = short.MaxValue;

    /// <summary>An event frame: <c>:event-type</c>, <c>:content-type: application/json</c>, <c>:message-type: event</c>.</summary>
    public static byte[] Event(string eventType, byte[] jsonPayload) => Encode(
        new[]
        {
            EventStreamHeaderValue.String(":event-type", eventType),
            EventStreamHeaderValue.String(":content-type", "application/json"),
            EventStreamHeaderValue.String(":message-type", "event"),
        },
        jsonPayload);

    /// <summary>The header block of an event frame (as <see cref="Event"/> writes it), for a frame written in pieces.</summary>
    public static byte[] EventHeaders(string eventType) => EncodeHeaders(new[]
    {
        EventStreamHeaderValue.String(":event-type", eventType),
        EventStreamHeaderValue.String(":content-type", "application/json"),
        EventStreamHeaderValue.String(":message-type", "event"),
    });

    /// <summary>A modelled exception frame: <c>:exception-type</c> (camelCase, e.g. <c>throttlingException</c>) and a <c>{"message"}</c> payload.</summary>
    public static byte[] Exception(string exceptionType, byte[] jsonPayload) => Encode(
        new[]
        {
            EventStreamHeaderValue.String(":exception-type", exceptionType),
            EventStreamHeaderValue.String(":content-type", "application/json"),
            EventStreamHeaderValue.String(":message-type", "exception"),
        },
        jsonPayload);

    /// <summary>An unmodelled error frame: <c>:error-code</c> and <c>:error-message</c> headers, no payload.</summary>
    public static byte[] Error(string errorCode, string errorMessage) => Encode(
        new[]
        {
            EventStreamHeaderValue.String(":error-code", errorCode),
            EventStreamHeaderValue.String(":error-message", errorMessage),
            EventStreamHeaderValue.String(":message-type", "error"),
        },
        Array.Empty<byte>());

    /// <summary>One frame with the given headers, in order, and payload.</summary>
    public static byte[] Encode(IReadOnlyList<EventStreamHeaderValue> headers, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(headers);
        byte[] headerBytes = EncodeHeaders(headers);
        int total = PreludeLength + headerBytes.Length + payload.Length + 4;
        var frame = new byte[total];
        Span<byte> span = frame;
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], Checksum(span[..8]));
        headerBytes.CopyTo(span[PreludeLength..]);
        payload.CopyTo(span[(PreludeLength + headerBytes.Length)..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[^4..], Checksum(span[..^4]));
        return frame;
    }

    /// <summary>
    /// CRC-32 (IEEE, as zlib) computed bit by bit: slower than the client's table, and deliberately a different
    /// implementation of the same function.
    /// </summary>
    public static uint Checksum(ReadOnlySpan<byte> data) => ~ChecksumUpdate(0xFFFFFFFF, data);

    /// <summary>
    /// The running CRC-32 state after <paramref name="data"/>, for data that arrives in pieces: start from
    /// <c>0xFFFFFFFF</c>, and the checksum is the complement of the final state.
    /// </summary>
    public static uint ChecksumUpdate(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                uint mask = (uint)-(int)(crc & 1);
                crc = (crc >> 1) ^ (0xEDB88320 & mask);
            }
        }

        return crc;
    }

    private static byte[] EncodeHeaders(IReadOnlyList<EventStreamHeaderValue> headers)
    {
        var bytes = new List<byte>(128);
        foreach (EventStreamHeaderValue header in headers)
        {
            byte[] name = Encoding.UTF8.GetBytes(header.Name);
            if (name.Length is 0 or > byte.MaxValue)
            {
                throw new ArgumentException($"A header name must have 1–255 UTF-8 bytes; '{header.Name}' has {name.Length}.", nameof(headers));
            }

            bytes.Add((byte)name.Length);
            bytes.AddRange(name);
            bytes.Add(header.Type);
            switch (header.Type, header.Value)
            {
                case (0, true) or (1, false):
                    break;
                case (2, sbyte value):
                    bytes.Add((byte)value);
                    break;
                case (3, short value):
                    AddBigEndian(bytes, (ulong)(ushort)value, 2);
                    break;
                case (4, int value):
                    AddBigEndian(bytes, (uint)value, 4);
                    break;
                case (5, long value):
                    AddBigEndian(bytes, (ulong)value, 8);
                    break;
                case (6, byte[] value):
                    AddVariable(bytes, value, header.Name);
                    break;
                case (7, string value):
                    AddVariable(bytes, Encoding.UTF8.GetBytes(value), header.Name);
                    break;
                case (8, DateTimeOffset value):
                    AddBigEndian(bytes, (ulong)value.ToUnixTimeMilliseconds(), 8);
                    break;
                case (9, Guid value):
                    bytes.AddRange(value.ToByteArray(bigEndian: true));
                    break;
                default:
                    throw new ArgumentException($"Header '{header.Name}': type {header.Type} cannot carry a {header.Value?.GetType().Name ?? "null"}.", nameof(headers));
            }
        }

        return bytes.ToArray();
    }

    private static void AddVariable(List<byte> bytes, byte[] value, string name)
    {
        if (value.Length > MaxHeaderValueLength)
        {
            throw new ArgumentException($"Header '{name}' has {value.Length} bytes; the codec allows {MaxHeaderValueLength}.");
        }

        AddBigEndian(bytes, (ulong)value.Length, 2);
        bytes.AddRange(value);
    }

    private static void AddBigEndian(List<byte> bytes, ulong value, int length)
    {
        for (int shift = (length - 1) * 8; shift >= 0; shift -= 8)
        {
            bytes.Add((byte)(value >> shift));
        }
    }
}
