using System;
using System.Collections.Generic;
using System.Linq;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Streaming;

public sealed class IncrementalJsonReaderTests
{
    private const string Answer = """
        {"team": "Billing", "urgency": "high", "confidence": 0.75,
         "steps": ["Refund the charge", "Apologise \"nicely\" \u2014 once"],
         "lines": [{"sku": "A-1", "quantity": 2}, {"sku": "B-2", "quantity": "3"}],
         "scores": {"speed": 4, "tone": 5},
         "matrix": [[1, 2], [], [3]],
         "commentary": {"ignored": [1, {"deep": true}]}}
        """;

    public static TheoryData<string, string> Samples => new()
    {
        { "plain", Answer },
        { "fenced with prose", "Here is the triage:\n```json\n" + Answer + "\n```\nLet me know if you need more." },
        { "relaxed", """
            // triage
            {team: 'Billing', 'urgency': "HIGH", confidence: 0.75, /* sure */
             steps: ['Refund the charge', "Apologise \"nicely\" \u2014 once",],
             lines: [{sku: "A-1", quantity: 2,}, {sku: "B-2", quantity: "3"}],
             scores: {speed: 4, tone: 5,},
             matrix: [[1, 2], [], [3],],
             commentary: None,}
            """ },
        { "false start in prose", "I filled the {placeholder} as asked: " + Answer },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_split_point_gives_the_same_final_value(string name, string answer)
    {
        TriagePartial whole = Read(answer, answer.Length);
        AssertComplete(whole, name);

        for (int split = 0; split <= answer.Length; split++)
        {
            var builder = new TriagePartialBuilder();
            var reader = new IncrementalJsonReader(builder);
            reader.Append(answer.AsSpan(0, split));
            reader.Append(answer.AsSpan(split));
            Assert.True(reader.IsComplete, $"{name}, split at {split}: {reader.Failure}");
            AssertSame(whole, builder.Snapshot());
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void One_character_at_a_time_gives_the_same_final_value(string name, string answer)
    {
        TriagePartial partial = Read(answer, 1);
        AssertComplete(partial, name);
    }

    [Fact]
    public void A_snapshot_appears_as_each_member_completes()
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        var snapshots = new List<TriagePartial>();
        foreach (char c in Answer)
        {
            reader.Append(c.ToString());
            if (builder.HasChanged)
            {
                snapshots.Add(builder.Snapshot());
            }
        }

        // One snapshot per character that completed something: team, urgency, confidence; 2 steps, then "]";
        // sku, quantity with "}", sku, quantity, "}", then "]"; speed, tone with "}"; 1, 2 with "]", "[]",
        // 3 with "]", then "]". The ignored commentary member gives none.
        Assert.Equal(3 + 3 + 6 + 2 + 5, snapshots.Count);
        Assert.Equal("Billing", snapshots[0].Team);
        Assert.Null(snapshots[0].Urgency);
        Assert.Equal(Urgency.High, snapshots[1].Urgency);
        Assert.Null(snapshots[1].Confidence);
        Assert.Equal(new[] { "Refund the charge" }, snapshots[3].Steps);

        // A list grows one completed element at a time; an object element in progress is shown as far as read.
        TriagePartial firstSku = snapshots.First(s => s.Lines is { Count: > 0 });
        Assert.Single(firstSku.Lines!);
        Assert.Equal("A-1", firstSku.Lines![0].Sku);
        Assert.Null(firstSku.Lines[0].Quantity);

        // Earlier snapshots are never changed by later reading.
        Assert.Equal(new[] { "Refund the charge" }, snapshots[3].Steps);
        Assert.Single(firstSku.Lines!);
        AssertComplete(snapshots[^1], "last snapshot");
    }

    [Fact]
    public void A_string_or_number_split_across_pieces_is_delivered_once_complete()
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        reader.Append("{\"team\": \"Bil");
        Assert.False(builder.HasChanged);
        reader.Append("ling\", \"confidence\": 0.");
        Assert.Equal("Billing", builder.Snapshot().Team);
        reader.Append("75");
        Assert.False(builder.HasChanged); // "0.75" might go on: 0.751
        reader.Append("}");
        Assert.Equal(0.75, builder.Snapshot().Confidence);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Text_after_the_object_is_ignored()
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        reader.Append("{\"team\": \"A\"} and then {\"team\": \"B\"}");
        Assert.True(reader.IsComplete);
        Assert.Equal("A", builder.Snapshot().Team);
    }

    [Theory]
    [InlineData("{\"team\": \"A\", \"urgency\" 3}", "expected ':' after a member name")]
    [InlineData("{\"team\": \"A\" \"urgency\": 3}", "expected ',' or '}' in an object")]
    [InlineData("{\"team\": \"A\", \"steps\": [1 2]}", "expected ',' or ']' in an array")]
    [InlineData("{\"team\": \"A\", \"urgency\": maybe}", "the word 'maybe'")]
    public void Broken_json_after_a_member_was_read_stops_the_reader_with_the_reason(string answer, string reason)
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        reader.Append(answer);
        Assert.True(reader.IsFailed);
        Assert.Contains(reason, reader.Failure);
        Assert.Equal("A", builder.Snapshot().Team); // what was read before stays
        reader.Append("{\"team\": \"B\"}");
        Assert.Equal("A", builder.Snapshot().Team);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_stops_the_reader()
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        reader.Append("{\"team\": \"A\", \"commentary\": " + new string('[', IncrementalJsonReader.MaxDepth + 1));
        Assert.True(reader.IsFailed);
        Assert.Contains("deeper than 64", reader.Failure);
    }

    [Fact]
    public void Values_of_the_wrong_type_leave_the_member_absent()
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        reader.Append("{\"confidence\": \"very\", \"urgency\": \"whenever\", \"steps\": {\"a\": 1}, \"team\": [\"A\"]}");
        Assert.True(reader.IsComplete);
        TriagePartial partial = builder.Snapshot();
        Assert.Null(partial.Confidence);
        Assert.Null(partial.Urgency);
        Assert.Null(partial.Steps);
        Assert.Null(partial.Team);
    }

    private static TriagePartial Read(string answer, int pieceLength)
    {
        var builder = new TriagePartialBuilder();
        var reader = new IncrementalJsonReader(builder);
        for (int i = 0; i < answer.Length; i += pieceLength)
        {
            reader.Append(answer.AsSpan(i, System.Math.Min(pieceLength, answer.Length - i)));
        }

        Assert.True(reader.IsComplete, reader.Failure);
        Assert.Equal(answer.Length, reader.Position);
        return builder.Snapshot();
    }

    private static void AssertComplete(TriagePartial partial, string name)
    {
        Assert.True(partial.Team == "Billing", name);
        Assert.Equal(Urgency.High, partial.Urgency);
        Assert.Equal(0.75, partial.Confidence);
        Assert.Equal(new[] { "Refund the charge", "Apologise \"nicely\" \u2014 once" }, partial.Steps);
        Assert.Equal(new[] { ("A-1", 2), ("B-2", 3) }, partial.Lines!.Select(l => (l.Sku!, l.Quantity!.Value)));
        Assert.Equal(new Dictionary<string, int> { ["speed"] = 4, ["tone"] = 5 }, partial.Scores);
        Assert.Equal(new[] { new[] { 1, 2 }, System.Array.Empty<int>(), new[] { 3 } }, partial.Matrix!.Select(row => row.ToArray()));
    }

    private static void AssertSame(TriagePartial expected, TriagePartial actual)
    {
        Assert.Equal(expected.Team, actual.Team);
        Assert.Equal(expected.Urgency, actual.Urgency);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Scores, actual.Scores);
        Assert.Equal(expected.Matrix!.Select(r => r.ToArray()), actual.Matrix!.Select(r => r.ToArray()));
    }
}
