using PromptGen.CompilerServices;
using PromptGen.Tests.Prompting.TestDoubles;

namespace PromptGen.Tests.Streaming;

public sealed record TicketPartial
{
    public string? Title { get; init; }

    public Priority? Priority { get; init; }

    public int? Minutes { get; init; }
}

/// <summary>The builder the generator would write for <see cref="TicketResult"/>.</summary>
internal sealed class TicketPartialBuilder : PartialObjectBuilder<TicketPartial>
{
    private string? _title;
    private Priority? _priority;
    private int? _minutes;

    protected override int MemberIndex(string name) =>
        PartialScalars.NameEquals(name, "title") ? 0 : PartialScalars.NameEquals(name, "priority") ? 1 : PartialScalars.NameEquals(name, "minutes") ? 2 : -1;

    protected override bool ReadScalar(int member, in JsonScalar value) => member switch
    {
        0 => PartialScalars.TryReadNullableReference<string>(value, JsonValueReaders.TryReadString, out _title),
        1 => PartialScalars.TryReadNullable<Priority>(value, ReadPriority, out _priority),
        2 => PartialScalars.TryReadNullable<int>(value, JsonValueReaders.TryReadInt32, out _minutes),
        _ => false,
    };

    protected override PartialJsonNode? StartMember(int member, bool isArray) => null;

    protected override TicketPartial Build() => new() { Title = _title, Priority = _priority, Minutes = _minutes };

    private static bool ReadPriority(ref System.Text.Json.Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Priority value)
    {
        System.ReadOnlySpan<string> names = new[] { "Low", "Medium", "High", "InProgress" };
        bool matched = JsonValueReaders.TryMatchEnum(ref reader, path, errors, names, out int index);
        value = (Priority)System.Math.Max(index, 0);
        return matched;
    }
}
