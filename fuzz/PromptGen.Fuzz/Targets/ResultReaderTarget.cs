using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.CompilerServices;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The typed-result reader (<see cref="ResultReader{T}"/> over AnswerScan) for every root kind: an object, a
/// boolean, an integer, a nullable integer, a decimal, a string, a date, a date-time with its offset, a list and a
/// dictionary. Each input is read as each of them, stopped by the model and out of tokens.
/// </summary>
/// <remarks>
/// What must hold: never throws; a success has no errors and a failure at least one, each at a path of the user's
/// type (<c>$</c> for a scalar, <c>$</c> or <c>$[n]</c> for a list of strings; never the wrapper's <c>$.value</c>)
/// with a message; <c>Truncated</c> only out of tokens, and out of tokens never <c>NoJson</c> or
/// <c>MalformedJson</c>; the same value whatever the stop reason; and a value read, written back as strict JSON
/// bare and in its <c>{"value": …}</c> wrapper (an object result has none; a dictionary is only written wrapped, as
/// <c>{"value": 5}</c> is the wrapper), reads back as itself.
/// </remarks>
public sealed class ResultReaderTarget(ModelTextGenerator generator) : IFuzzTarget
{
    private static readonly string[] BareValues =
    {
        "true", "False", "42", "-7", "3.0", "1e3", "null", "None", "\"High\"", "High", "\"2025-04-07\"", "2025-04-07",
        "\"04/07/2025\"", "\"7 April 2025\"", "\"2025-04-07T14:30:00+02:00\"", "\"2025-04-07T00:00:00Z\"",
        "[\"a\", \"b\"]", "['a', 'b',]", "[]", "{\"value\": 5}", "{\"value\": [\"x\"]}", "{\"value\": null}",
        "{\"a\": 1, \"b\": 2}", "{\"owner\": \"Ada\", \"score\": 0.5, \"urgent\": true}", "{\"score\": null, \"urgent\": false}",
        "[{\"owner\": \"Ada\", \"score\": 1, \"urgent\": true}]", "12.340", "\"```python\\nprint(1)\\n```\"",
        "{\"code\": \"```json\\n{\\\"score\\\": 1, \\\"urgent\\\": true}\\n```\", \"score\": 2, \"urgent\": false}",
    };

    private static readonly string[] Around =
    {
        "{0}", " {0} ", "```json\n{0}\n```", "```\n{0}\n```", "Here is the answer: {0}", "The answer is {0}.",
        "**{0}**", "Sure! ```json\n{0}\n``` Hope that helps.", "See [1]: {0}", "{0}\n\nI chose this because it fits.",
        "```json\n{0}", "{0}```",
    };

    private static readonly JsonNames DetailMembers = new("owner", "score", "urgent");

    private static readonly IReadCheck[] Readers =
    {
        new Check<Detail>("object", new ResultReader<Detail>(ResultRoot.Object, ReadDetail), Paths.Object, WriteDetail, wrappedRoundTrip: false),
        new Check<bool>("boolean", new ResultReader<bool>(ResultRoot.Boolean, JsonValueReaders.TryReadBoolean), Paths.Root,
            (w, v) => w.WriteBooleanValue(v)),
        new Check<int>("integer", new ResultReader<int>(ResultRoot.Number, JsonValueReaders.TryReadInt32), Paths.Root,
            (w, v) => w.WriteNumberValue(v)),
        new Check<int?>("nullable integer", new ResultReader<int?>(ResultRoot.Number, ReadNullableInt32, isNullable: true), Paths.Root,
            (w, v) => { if (v is { } n) { w.WriteNumberValue(n); } else { w.WriteNullValue(); } }),
        new Check<decimal>("decimal", new ResultReader<decimal>(ResultRoot.Number, JsonValueReaders.TryReadDecimal), Paths.Root,
            (w, v) => w.WriteNumberValue(v)),
        new Check<string>("string", new ResultReader<string>(ResultRoot.String, JsonValueReaders.TryReadString), Paths.Root,
            (w, v) => w.WriteStringValue(v)),
        new Check<DateOnly>("date", new ResultReader<DateOnly>(ResultRoot.String, JsonValueReaders.TryReadDateOnly), Paths.Root,
            (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        new Check<DateTimeOffset>("date-time", new ResultReader<DateTimeOffset>(ResultRoot.String, JsonValueReaders.TryReadDateTimeOffset),
            Paths.Root, (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            (a, b) => a == b && a.Offset == b.Offset),
        new Check<List<string>>("list", new ResultReader<List<string>>(ResultRoot.Array, ReadList), Paths.List, WriteList,
            (a, b) => a.SequenceEqual(b, StringComparer.Ordinal)),
        new Check<Dictionary<string, int>>("dictionary", new ResultReader<Dictionary<string, int>>(ResultRoot.WrappedObject, ReadScores),
            Paths.Dictionary, WriteScores, (a, b) => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out int v) && v == p.Value),
            bareRoundTrip: false),
    };

    private enum Paths
    {
        Root,
        List,
        Object,
        Dictionary,
    }

    private interface IReadCheck
    {
        void Run(string input);
    }

    public string Name => "result-reader";

    public string NextInput(Random random, int iteration)
    {
        switch (random.Next(3))
        {
            case 0:
                return generator.Next(random);
            case 1:
                return string.Format(CultureInfo.InvariantCulture, Around[random.Next(Around.Length)], BareValues[random.Next(BareValues.Length)]);
            default:
                // A value of some root kind spliced into model-like text, or cut short as a token limit would.
                string value = BareValues[random.Next(BareValues.Length)];
                string text = generator.Next(random);
                int at = random.Next(text.Length + 1);
                string spliced = string.Concat(text.AsSpan(0, at), value, text.AsSpan(at));
                return random.Next(4) == 0 ? spliced[..random.Next(spliced.Length + 1)] : spliced;
        }
    }

    public void Run(string input)
    {
        foreach (IReadCheck check in Readers)
        {
            check.Run(input);
        }
    }

    public bool IsExpected(Exception exception) => false;

    private sealed class Check<T>(
        string name,
        ResultReader<T> reader,
        Paths paths,
        Action<Utf8JsonWriter, T> write,
        Func<T, T, bool>? equal = null,
        bool bareRoundTrip = true,
        bool wrappedRoundTrip = true) : IReadCheck
    {
        private readonly Func<T, T, bool> _equal = equal ?? ((a, b) => EqualityComparer<T>.Default.Equals(a, b));

        public void Run(string input)
        {
            ParseOutcome<T> ended = reader.ReadText(input, outOfTokens: false);
            ParseOutcome<T> cut = reader.ReadText(input, outOfTokens: true);
            CheckErrors(ended, outOfTokens: false);
            CheckErrors(cut, outOfTokens: true);
            if (ended.IsSuccess != cut.IsSuccess || (ended.IsSuccess && !_equal(ended.Value, cut.Value)))
            {
                throw new FuzzViolation($"{name}: the stop reason changed the value read ({Describe(ended)} / {Describe(cut)})");
            }

            if (!ended.IsSuccess)
            {
                return;
            }

            string json = Write(ended.Value);
            if (bareRoundTrip)
            {
                ReadBack(json, ended.Value);
            }

            if (wrappedRoundTrip)
            {
                ReadBack("{\"value\": " + json + "}", ended.Value);
            }
        }

        private void ReadBack(string json, T expected)
        {
            ParseOutcome<T> again = reader.ReadText(json, outOfTokens: false);
            if (!again.IsSuccess || !_equal(again.Value, expected))
            {
                throw new FuzzViolation($"{name}: the value read, written back as {json}, reads as {Describe(again)}");
            }
        }

        private void CheckErrors(ParseOutcome<T> outcome, bool outOfTokens)
        {
            if (outcome.IsSuccess != (outcome.Errors.Count == 0))
            {
                throw new FuzzViolation($"{name}: success is {outcome.IsSuccess} with {outcome.Errors.Count} errors");
            }

            foreach (ResultError error in outcome.Errors)
            {
                if (string.IsNullOrEmpty(error.Message) || !Enum.IsDefined(error.Kind) || !PathFits(error.Path))
                {
                    throw new FuzzViolation($"{name}: an error without a message, kind or path of the result: {error}");
                }

                if (outOfTokens ? error.Kind is ResultErrorKind.NoJson or ResultErrorKind.MalformedJson : error.Kind == ResultErrorKind.Truncated)
                {
                    throw new FuzzViolation($"{name}: {error.Kind} when {(outOfTokens ? "out of tokens" : "the model ended its turn")}: {error}");
                }
            }
        }

        private bool PathFits(string path) => paths switch
        {
            Paths.Root => path == "$",
            Paths.List => path == "$" || (path.StartsWith("$[", StringComparison.Ordinal) && path.EndsWith(']') && path[2..^1].All(char.IsAsciiDigit)),
            Paths.Object => path is "$" or "$.owner" or "$.score" or "$.urgent",
            _ => path.StartsWith('$'),
        };

        private string Write(T value)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer, value);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private static string Describe(ParseOutcome<T> outcome) =>
            outcome.IsSuccess ? $"value {outcome.Value}" : string.Join("; ", outcome.Errors);
    }

    private sealed record Detail(string? Owner, double Score, bool Urgent);

    // Written the way the generator writes an object reader (TryStartObject, NextMember, CheckRequired).
    private static bool ReadDetail(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Detail value)
    {
        value = default!;
        if (!JsonValueReaders.TryStartObject(ref reader, path, errors, out JsonPath objectPath))
        {
            return false;
        }

        int errorCount = errors.Count;
        string? owner = null;
        double score = default;
        bool hasScore = false;
        bool urgent = default;
        bool hasUrgent = false;
        while (JsonValueReaders.NextMember(ref reader, objectPath, DetailMembers, out string member, out JsonPath memberPath))
        {
            switch (member)
            {
                case "owner":
                    JsonValueReaders.TryReadString(ref reader, memberPath, errors, out owner);
                    break;
                case "score":
                    hasScore = true;
                    JsonValueReaders.TryReadDouble(ref reader, memberPath, errors, out score);
                    break;
                case "urgent":
                    hasUrgent = true;
                    JsonValueReaders.TryReadBoolean(ref reader, memberPath, errors, out urgent);
                    break;
            }
        }

        JsonValueReaders.CheckRequired(hasScore, errors, objectPath, "score");
        JsonValueReaders.CheckRequired(hasUrgent, errors, objectPath, "urgent");
        if (errors.Count != errorCount)
        {
            return false;
        }

        value = new Detail(owner, score, urgent);
        return true;
    }

    private static void WriteDetail(Utf8JsonWriter writer, Detail value)
    {
        writer.WriteStartObject();
        if (value.Owner is not null)
        {
            writer.WriteString("owner", value.Owner);
        }

        writer.WriteNumber("score", value.Score);
        writer.WriteBoolean("urgent", value.Urgent);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, List<string> value)
    {
        writer.WriteStartArray();
        foreach (string item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static void WriteScores(Utf8JsonWriter writer, Dictionary<string, int> value)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, int> pair in value)
        {
            writer.WriteNumber(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static bool ReadNullableInt32(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out int? value) =>
        JsonValueReaders.TryReadNullable(ref reader, path, errors, JsonValueReaders.TryReadInt32, out value);

    private static bool ReadList(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out List<string> value) =>
        JsonValueReaders.TryReadList(ref reader, path, errors, JsonValueReaders.TryReadString, out value);

    private static bool ReadScores(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out Dictionary<string, int> value) =>
        JsonValueReaders.TryReadDictionary(ref reader, path, errors, JsonValueReaders.TryReadInt32, out value);
}
