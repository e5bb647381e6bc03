using System;
using System.Collections.Generic;
using System.Text.Json;
using PromptGen.CompilerServices;

namespace PromptGen.Tests.Streaming;

// Written as the generator writes partial types and builders (see the StreamingPrompts snapshot), so the runtime
// pieces are tested without the generator in the loop.
public enum Urgency
{
    Low,
    Normal,
    High,
}

public sealed record LinePartial
{
    public string? Sku { get; init; }

    public int? Quantity { get; init; }
}

public sealed record TriagePartial
{
    public string? Team { get; init; }

    public Urgency? Urgency { get; init; }

    public double? Confidence { get; init; }

    public IReadOnlyList<string>? Steps { get; init; }

    public IReadOnlyList<LinePartial>? Lines { get; init; }

    public IReadOnlyDictionary<string, int>? Scores { get; init; }

    public IReadOnlyList<IReadOnlyList<int>>? Matrix { get; init; }
}

internal sealed class LinePartialBuilder : PartialObjectBuilder<LinePartial>
{
    private string? _sku;
    private int? _quantity;

    protected override int MemberIndex(string name) =>
        PartialScalars.NameEquals(name, "sku") ? 0 : PartialScalars.NameEquals(name, "quantity") ? 1 : -1;

    protected override bool ReadScalar(int member, in JsonScalar value) => member switch
    {
        0 => PartialScalars.TryReadNullableReference<string>(value, JsonValueReaders.TryReadString, out _sku),
        1 => PartialScalars.TryReadNullable<int>(value, JsonValueReaders.TryReadInt32, out _quantity),
        _ => false,
    };

    protected override PartialJsonNode? StartMember(int member, bool isArray) => null;

    protected override LinePartial Build() => new() { Sku = _sku, Quantity = _quantity };
}

internal sealed class TriagePartialBuilder : PartialObjectBuilder<TriagePartial>
{
    private string? _team;
    private Urgency? _urgency;
    private double? _confidence;
    private PartialListBuilder<string>? _steps;
    private PartialListBuilder<LinePartial>? _lines;
    private PartialDictionaryBuilder<int>? _scores;
    private PartialListBuilder<IReadOnlyList<int>>? _matrix;

    protected override int MemberIndex(string name)
    {
        string[] names = { "team", "urgency", "confidence", "steps", "lines", "scores", "matrix" };
        for (int i = 0; i < names.Length; i++)
        {
            if (PartialScalars.NameEquals(name, names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    protected override bool ReadScalar(int member, in JsonScalar value) => member switch
    {
        0 => PartialScalars.TryReadNullableReference<string>(value, JsonValueReaders.TryReadString, out _team),
        1 => PartialScalars.TryReadNullable<Urgency>(value, ReadUrgency, out _urgency),
        2 => PartialScalars.TryReadNullable<double>(value, JsonValueReaders.TryReadDouble, out _confidence),
        _ => false,
    };

    protected override PartialJsonNode? StartMember(int member, bool isArray) => (member, isArray) switch
    {
        (3, true) => _steps = new PartialListBuilder<string>(static (in JsonScalar s, out string v) => PartialScalars.TryRead(s, JsonValueReaders.TryReadString, out v)),
        (4, true) => _lines = new PartialListBuilder<LinePartial>(null, static () => new LinePartialBuilder()),
        (5, false) => _scores = new PartialDictionaryBuilder<int>(static (in JsonScalar s, out int v) => PartialScalars.TryRead(s, JsonValueReaders.TryReadInt32, out v)),
        (6, true) => _matrix = new PartialListBuilder<IReadOnlyList<int>>(
            null,
            static () => new PartialListBuilder<int>(static (in JsonScalar s, out int v) => PartialScalars.TryRead(s, JsonValueReaders.TryReadInt32, out v)),
            elementIsArray: true),
        _ => null,
    };

    protected override TriagePartial Build() => new()
    {
        Team = _team,
        Urgency = _urgency,
        Confidence = _confidence,
        Steps = _steps?.Snapshot(),
        Lines = _lines?.Snapshot(),
        Scores = _scores?.Snapshot(),
        Matrix = _matrix?.Snapshot(),
    };

    private static bool ReadUrgency(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Urgency value)
    {
        ReadOnlySpan<string> names = new[] { "Low", "Normal", "High" };
        bool matched = JsonValueReaders.TryMatchEnum(ref reader, path, errors, names, out int index);
        value = (Urgency)Math.Max(index, 0);
        return matched;
    }
}
