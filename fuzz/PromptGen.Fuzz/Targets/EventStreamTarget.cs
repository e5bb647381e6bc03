using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Reliability.Engine;
using PromptGen.Testing.Wire;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The ConverseStream decoder, through <see cref="BedrockRuntimeClient.ConverseStreamAsync"/> itself: an HTTP
/// handler answers 200 with the fuzzed bytes as <c>application/vnd.amazon.eventstream</c>, delivered in random
/// chunk sizes. Inputs are valid responses (<see cref="EventStreamSeeds"/>) mutated by bit flips, byte inserts and
/// deletes, truncation, tampered lengths (up to 4 GiB), spliced, dropped and repeated frames, and fuzzed event
/// JSON; for about half, the mutated frame's checksums are recomputed so the header, message and JSON checks run,
/// not only the CRC. Allowed out: events, <see cref="BedrockEventStreamException"/>, the
/// <see cref="BedrockServiceException"/> an exception or error frame maps to, <see cref="BedrockResponseException"/>.
/// </summary>
/// <remarks>
/// An input is a string so the runner can save it: char 0 seeds the chunk sizes, every other char is one byte.
/// </remarks>
public sealed class EventStreamTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private readonly FuzzedStreamHandler _handler = new();
    private BedrockRuntimeClient? _client;

    public string Name => "event-stream";

    public string NextInput(Random random, int iteration)
    {
        IReadOnlyList<byte[][]> seeds = EventStreamSeeds.All;
        var frames = new List<byte[]>(seeds[random.Next(seeds.Count)]);
        int mutations = random.Next(4) == 0 ? 0 : random.Next(1, 4);
        for (int m = 0; m < mutations && frames.Count > 0; m++)
        {
            MutateFrames(random, frames, seeds);
        }

        byte[] bytes = Concat(frames);
        if (random.Next(3) == 0)
        {
            bytes = MutateStream(random, bytes);
        }

        return PackInput(random, bytes);
    }

    /// <summary>
    /// A response as one fuzz input (inputs are strings, saved as JSON): the first char seeds how the fake handler
    /// cuts the body into reads, each following char is one byte. <see cref="UnpackInput"/> reverses it.
    /// </summary>
    internal static string PackInput(Random random, byte[] bytes)
    {
        var chars = new char[bytes.Length + 1];
        chars[0] = (char)random.Next(0x10000);
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i + 1] = (char)bytes[i];
        }

        return new string(chars);
    }

    internal static byte[] UnpackInput(string input)
    {
        var bytes = new byte[input.Length - 1];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = checked((byte)input[i + 1]);
        }

        return bytes;
    }

    public void Run(string input)
    {
        byte[] bytes = UnpackInput(input);
        _handler.Next(bytes, input[0]);
        _client ??= new BedrockRuntimeClient(
            new BedrockOptions { Region = "us-east-1", BearerToken = "fuzz-token", Retry = { MaxAttempts = 1 } },
            new HttpClient(_handler));
        var request = new ConverseRequest();
        request.Messages.Add(new Message { Role = ConversationRole.User, Content = { ContentBlock.FromText("hi") } });
        string outcome = "events";
        try
        {
            Consume(_client, request, bytes.Length).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            outcome = e is BedrockEventStreamException stream ? $"{nameof(BedrockEventStreamException)}.{stream.Kind}" : e.GetType().Name;
            throw;
        }
        finally
        {
            Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        }
    }

    /// <summary>How the inputs ended, by outcome: shows the mutations reach past the checksums.</summary>
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public bool IsExpected(Exception exception) =>
        exception is BedrockEventStreamException or BedrockServiceException or BedrockResponseException;

    private static async Task Consume(BedrockRuntimeClient client, ConverseRequest request, int length)
    {
        int events = 0;
        bool stopped = false;
        await foreach (ConverseStreamEvent streamEvent in client.ConverseStreamAsync("anthropic.claude-3-haiku-20240307-v1:0", request).ConfigureAwait(false))
        {
            if (streamEvent is null)
            {
                throw new FuzzViolation("a null event");
            }

            stopped |= streamEvent is MessageStopEvent;
            if (++events > length / 16)
            {
                throw new FuzzViolation($"{events} events out of {length} bytes: more frames than the bytes can hold");
            }
        }

        if (!stopped)
        {
            throw new FuzzViolation("the stream ended cleanly without a messageStop event");
        }
    }

    private void MutateFrames(Random random, List<byte[]> frames, IReadOnlyList<byte[][]> seeds)
    {
        int index = random.Next(frames.Count);
        byte[] frame = (byte[])frames[index].Clone();
        bool fixChecksums = random.Next(2) == 0;
        switch (random.Next(10))
        {
            case 0:
                FlipBits(random, frame);
                break;
            case 1:
                frame = InsertBytes(random, frame);
                break;
            case 2:
                frame = DeleteBytes(random, frame);
                break;
            case 3:
                TamperLength(random, frame, offset: 0);
                break;
            case 4:
                TamperLength(random, frame, offset: 4);
                break;
            case 5:
                TamperHeaderBlock(random, frame);
                break;
            case 6:
                // A frame from another response: splicing.
                byte[][] other = seeds[random.Next(seeds.Count)];
                frames.Insert(random.Next(frames.Count + 1), other[random.Next(other.Length)]);
                return;
            case 7:
                if (random.Next(2) == 0)
                {
                    frames.RemoveAt(index);
                }
                else
                {
                    frames.Insert(random.Next(frames.Count + 1), frame);
                }

                return;
            default:
                // Fuzzed JSON in a frame with valid checksums, so the event's JSON reading is what is tested.
                string type = EventStreamSeeds.EventTypes[random.Next(EventStreamSeeds.EventTypes.Length)];
                string text = generator.Next(random);
                frame = random.Next(5) == 0
                    ? EventStreamEncoder.Exception(EventStreamSeeds.ExceptionTypes[random.Next(EventStreamSeeds.ExceptionTypes.Length)], Utf8OrEmpty(text))
                    : EventStreamEncoder.Event(type, Utf8OrEmpty(text));
                fixChecksums = false;
                break;
        }

        if (fixChecksums)
        {
            FixChecksums(frame);
        }

        frames[index] = frame;
    }

    internal static byte[] MutateStream(Random random, byte[] bytes)
    {
        switch (random.Next(4))
        {
            case 0:
                return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
            case 1:
                FlipBits(random, bytes);
                return bytes;
            case 2:
                return InsertBytes(random, bytes);
            default:
                return DeleteBytes(random, bytes);
        }
    }

    /// <summary>
    /// An input for a target that fuzzes whole streams: one of <paramref name="seeds"/>' frame lists, mutated up to three
    /// times by <see cref="MutateFrames"/>, at times its bytes mutated too, packed as <see cref="PackInput"/> does.
    /// </summary>
    internal static string StreamInput(Random random, IReadOnlyList<byte[][]> seeds, int ownKinds, Func<int, byte[]> ownFrame)
    {
        var frames = new List<byte[]>(seeds[random.Next(seeds.Count)]);
        int mutations = random.Next(4) == 0 ? 0 : random.Next(1, 4);
        for (int m = 0; m < mutations && frames.Count > 0; m++)
        {
            MutateFrames(random, frames, seeds, ownKinds, ownFrame);
        }

        byte[] bytes = Concat(frames);
        if (random.Next(3) == 0)
        {
            bytes = MutateStream(random, bytes);
        }

        return PackInput(random, bytes);
    }

    /// <summary>
    /// One mutation of a stream's frames, for the targets that fuzz whole streams: one of the seven every stream gets
    /// (bits, bytes, lengths, headers of one frame, with or without checksums fixed; a frame from another seed; a frame
    /// dropped or repeated), or one of the target's <paramref name="ownKinds"/> frames from <paramref name="ownFrame"/>
    /// (given 0 to ownKinds - 1; its checksums are the encoder's, valid).
    /// </summary>
    private static void MutateFrames(Random random, List<byte[]> frames, IReadOnlyList<byte[][]> seeds, int ownKinds, Func<int, byte[]> ownFrame)
    {
        int index = random.Next(frames.Count);
        byte[] frame = (byte[])frames[index].Clone();
        bool fixChecksums = random.Next(2) == 0;
        int kind = random.Next(7 + ownKinds);
        switch (kind)
        {
            case 0:
                FlipBits(random, frame);
                break;
            case 1:
                frame = InsertBytes(random, frame);
                break;
            case 2:
                frame = DeleteBytes(random, frame);
                break;
            case 3:
                TamperLength(random, frame, offset: random.Next(2) * 4);
                break;
            case 4:
                TamperHeaderBlock(random, frame);
                break;
            case 5:
                byte[][] other = seeds[random.Next(seeds.Count)];
                if (other.Length > 0)
                {
                    frames.Insert(random.Next(frames.Count + 1), other[random.Next(other.Length)]);
                }

                return;
            case 6:
                if (random.Next(2) == 0)
                {
                    frames.RemoveAt(index);
                }
                else
                {
                    frames.Insert(random.Next(frames.Count + 1), frame);
                }

                return;
            default:
                frame = ownFrame(kind - 7);
                fixChecksums = false;
                break;
        }

        if (fixChecksums)
        {
            FixChecksums(frame);
        }

        frames[index] = frame;
    }

    internal static void FlipBits(Random random, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        for (int flips = random.Next(1, 9); flips > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }
    }

    internal static byte[] InsertBytes(Random random, byte[] bytes)
    {
        int at = random.Next(bytes.Length + 1);
        var inserted = new byte[random.Next(1, 9)];
        random.NextBytes(inserted);
        return [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
    }

    internal static byte[] DeleteBytes(Random random, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        int at = random.Next(bytes.Length);
        int count = Math.Min(random.Next(1, 9), bytes.Length - at);
        return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + count)];
    }

    /// <summary>The total length (offset 0) or headers length (offset 4): huge, off by a little, or random.</summary>
    internal static void TamperLength(Random random, byte[] frame, int offset)
    {
        if (frame.Length < offset + 4)
        {
            return;
        }

        uint current = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(offset));
        uint value = random.Next(8) switch
        {
            0 => uint.MaxValue,
            1 => int.MaxValue,
            2 => 16 * 1024 * 1024 + (uint)random.Next(-2, 3),
            3 => (uint)random.Next(0, 20),
            4 => current + 1,
            5 => current - 1,
            6 => 0x8000_0000u,
            _ => (uint)random.Next(),
        };
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(offset), value);
    }

    /// <summary>A name length, type byte or value length inside the header block.</summary>
    internal static void TamperHeaderBlock(Random random, byte[] frame)
    {
        if (frame.Length < 16)
        {
            return;
        }

        int headersLength = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4)), (uint)(frame.Length - 16));
        if (headersLength == 0)
        {
            return;
        }

        int at = 12 + random.Next(headersLength);
        frame[at] = random.Next(4) switch
        {
            0 => 0,
            1 => 0xFF,
            2 => (byte)random.Next(0, 12),
            _ => (byte)random.Next(256),
        };
    }

    /// <summary>Recomputes the prelude CRC, and the message CRC where the frame's own total length allows.</summary>
    internal static void FixChecksums(byte[] frame)
    {
        if (frame.Length < 12)
        {
            return;
        }

        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), EventStreamEncoder.Checksum(frame.AsSpan(0, 8)));
        uint total = BinaryPrimitives.ReadUInt32BigEndian(frame);
        if (total >= 16 && total <= frame.Length)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan((int)total - 4), EventStreamEncoder.Checksum(frame.AsSpan(0, (int)total - 4)));
        }
    }

    private static byte[] Utf8OrEmpty(string text)
    {
        // Model text may hold lone surrogates; encode them as the replacement char rather than fail here.
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    internal static byte[] Concat(List<byte[]> frames)
    {
        int length = 0;
        foreach (byte[] frame in frames)
        {
            length += frame.Length;
        }

        var bytes = new byte[length];
        int at = 0;
        foreach (byte[] frame in frames)
        {
            frame.CopyTo(bytes, at);
            at += frame.Length;
        }

        return bytes;
    }

    /// <summary>Answers every request with the current input as a 200 event stream.</summary>
    internal sealed class FuzzedStreamHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue EventStreamType = new("application/vnd.amazon.eventstream");
        private byte[] _body = [];
        private int _chunkSeed;

        public void Next(byte[] body, int chunkSeed)
        {
            _body = body;
            _chunkSeed = chunkSeed;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new ChunkedStream(_body, new Random(_chunkSeed)));
            content.Headers.ContentType = EventStreamType;
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "fuzz-request");
            return Task.FromResult(response);
        }
    }

    /// <summary>A read-only stream that hands out its bytes a few at a time, as a network would.</summary>
    internal sealed class ChunkedStream(byte[] bytes, Random random) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int chunk = random.Next(3) switch
            {
                0 => 1,
                1 => random.Next(1, 17),
                _ => random.Next(1, 4096),
            };
            int count = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
