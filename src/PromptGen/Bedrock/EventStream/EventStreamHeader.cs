using System;

namespace PromptGen.Bedrock.EventStream;

/// <summary>The value types an event-stream header can carry (wire spec §4), by their type byte.</summary>
internal enum EventStreamHeaderType : byte
{
    BoolTrue = 0,
    BoolFalse = 1,
    Byte = 2,
    Short = 3,
    Integer = 4,
    Long = 5,
    ByteArray = 6,
    String = 7,
    Timestamp = 8,
    Uuid = 9,
}

/// <summary>
/// One header of an event-stream message. <see cref="Value"/> is a <see cref="bool"/>, <see cref="sbyte"/>,
/// <see cref="short"/>, <see cref="int"/>, <see cref="long"/>, <see cref="byte"/>[], <see cref="string"/>,
/// <see cref="DateTimeOffset"/> (millisecond precision) or <see cref="Guid"/>, following <see cref="Type"/>.
/// </summary>
internal sealed record EventStreamHeader(string Name, EventStreamHeaderType Type, object Value)
{
    public static EventStreamHeader String(string name, string value) => new(name, EventStreamHeaderType.String, value);
}
