using System;

namespace PromptGen.Testing;

public sealed partial class ScriptRuleBuilder
{
    private StreamShape? _stream;

    /// <summary>
    /// How to stream the reply to a <c>ConverseStream</c> call: <paramref name="chunkSize"/> characters per delta,
    /// <paramref name="eventDelay"/> between events, frames cut into writes of <paramref name="writeSize"/> bytes.
    /// Keeps a fault set by <see cref="FailStream"/>.
    /// </summary>
    public ScriptRuleBuilder Stream(int chunkSize = 8, TimeSpan? eventDelay = null, int? writeSize = null)
    {
        _stream = new StreamShape
        {
            ChunkSize = chunkSize,
            EventDelay = eventDelay ?? TimeSpan.Zero,
            WriteSize = writeSize,
            Fault = _stream?.Fault,
        };
        return this;
    }

    /// <summary>
    /// Makes a <c>ConverseStream</c> answer fail mid-stream, e.g.
    /// <c>FailStream(StreamFault.Exception("throttlingException", "Slow down", afterEvents: 3))</c>.
    /// </summary>
    public ScriptRuleBuilder FailStream(StreamFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        StreamShape current = _stream ?? StreamShape.Default;
        _stream = new StreamShape
        {
            ChunkSize = current.ChunkSize,
            EventDelay = current.EventDelay,
            WriteSize = current.WriteSize,
            Fault = fault,
        };
        return this;
    }
}
