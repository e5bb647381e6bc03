using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Tests.Support;

/// <summary>One frame of a captured event stream: its string headers, payload and whether both checksums hold.</summary>
internal sealed record Frame(Dictionary<string, string> Headers, string Payload, bool PreludeCrcValid, bool MessageCrcValid)
{
    public string? EventType => Headers.GetValueOrDefault(":event-type");
}

/// <summary>Splits a whole captured event-stream body into frames (test-side only: string headers are enough here).</summary>
internal static class FrameReader
{
    public static List<Frame> ReadAll(byte[] body)
    {
        var frames = new List<Frame>();
        int offset = 0;
        while (offset < body.Length)
        {
            ReadOnlySpan<byte> rest = body.AsSpan(offset);
            int total = BinaryPrimitives.ReadInt32BigEndian(rest);
            int headersLength = BinaryPrimitives.ReadInt32BigEndian(rest[4..]);
            ReadOnlySpan<byte> frame = rest[..total];
            bool preludeValid = BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) == EventStreamEncoder.Checksum(frame[..8]);
            bool messageValid = BinaryPrimitives.ReadUInt32BigEndian(frame[^4..]) == EventStreamEncoder.Checksum(frame[..^4]);
            var headers = new Dictionary<string, string>();
            ReadOnlySpan<byte> block = frame.Slice(12, headersLength);
            while (!block.IsEmpty)
            {
                int nameLength = block[0];
                string name = Encoding.UTF8.GetString(block.Slice(1, nameLength));
                byte type = block[1 + nameLength];
                Assert.Equal(7, type); // Bedrock's headers are all strings
                int valueLength = BinaryPrimitives.ReadUInt16BigEndian(block[(2 + nameLength)..]);
                headers[name] = Encoding.UTF8.GetString(block.Slice(4 + nameLength, valueLength));
                block = block[(4 + nameLength + valueLength)..];
            }

            frames.Add(new Frame(headers, Encoding.UTF8.GetString(frame[(12 + headersLength)..^4]), preludeValid, messageValid));
            offset += total;
        }

        return frames;
    }

    private static class Assert
    {
        public static void Equal(int expected, int actual) => Xunit.Assert.Equal(expected, actual);
    }
}
