using System;

namespace PromptGen.Testing;

/// <summary>
/// How the emulator streams a reply to <c>ConverseStream</c>: how the text (or tool input) is cut into deltas, how
/// long to wait between events, how the bytes are cut into writes, and an optional <see cref="StreamFault"/>.
/// A plain <c>Converse</c> call answered by the same rule ignores it.
/// </summary>
public sealed class StreamShape
{
    /// <summary>Eight characters per delta, no delays, one write per frame, no fault.</summary>
    public static StreamShape Default { get; } = new();

    private readonly int _chunkSize = 8;
    private readonly TimeSpan _eventDelay = TimeSpan.Zero;
    private readonly int? _writeSize;

    /// <summary>Characters of text (or of the tool input's JSON) per <c>contentBlockDelta</c> event; at least 1.</summary>
    public int ChunkSize
    {
        get => _chunkSize;
        init => _chunkSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ChunkSize), value, "A delta holds at least one character.");
    }

    /// <summary>The pause before each event after the first.</summary>
    public TimeSpan EventDelay
    {
        get => _eventDelay;
        init => _eventDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(EventDelay), value, "The delay cannot be negative.");
    }

    /// <summary>
    /// Bytes per write (each flushed on its own), so frames reach the client split across reads; null writes each
    /// frame whole.
    /// </summary>
    public int? WriteSize
    {
        get => _writeSize;
        init => _writeSize = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(WriteSize), value, "A write holds at least one byte.");
    }

    /// <summary>What goes wrong mid-stream, if anything.</summary>
    public StreamFault? Fault { get; init; }
}
