using System;
using System.Text.Json;

namespace PromptGen.Prompting;

/// <summary>
/// Finds the JSON object (or array) in a model's text answer and hands it over as strict UTF-8 JSON: as written when
/// it is strict already, else rewritten from the liberties models take (trailing commas, single quotes, unquoted
/// keys, comments, Python literals...). The search is <see cref="AnswerScan"/>'s, as for typed results; this is what
/// reads a tool's input sent as a string, and what the parsing corpus in tests/PromptGen.Tests/Prompting/Corpus runs.
/// </summary>
/// <remarks>
/// Never throws on any input, runs in time linear in the answer's length, and refuses nesting deeper than
/// <see cref="MaxDepth"/> levels instead of overflowing the stack.
/// </remarks>
internal static class ModelJson
{
    /// <summary>The deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = LenientJsonParser.MaxDepth;

    /// <summary>
    /// Finds the first complete top-level JSON object or array in <paramref name="modelText"/> and returns it as
    /// strict UTF-8 JSON.
    /// </summary>
    /// <param name="modelText">The model's answer as it came.</param>
    /// <param name="wasTruncated">The model ran out of tokens: any failure is then reported as
    /// <see cref="ResultErrorKind.Truncated"/>, whatever else it looks like.</param>
    /// <param name="strictUtf8Json">The JSON, when the method returns true; empty otherwise.</param>
    /// <param name="error">Why no JSON could be read (path <c>$</c>), when the method returns false.</param>
    public static bool TryNormalize(string modelText, bool wasTruncated, out byte[] strictUtf8Json, out ResultError error) =>
        TryNormalize(modelText, wasTruncated, JsonRoot.ObjectOrArray, out strictUtf8Json, out error);

    /// <summary>
    /// As <see cref="TryNormalize(string, bool, out byte[], out ResultError)"/>; with <see cref="JsonRoot.Object"/>
    /// only objects are taken, so a bracketed aside before the answer ("see [1]") is not mistaken for it.
    /// </summary>
    internal static bool TryNormalize(string modelText, bool wasTruncated, JsonRoot root, out byte[] strictUtf8Json, out ResultError error)
    {
        var capture = new Capture(root == JsonRoot.Object ? AnswerKind.Object : AnswerKind.Container);
        if (AnswerScan.Run(modelText, ref capture, wasTruncated, out error))
        {
            strictUtf8Json = capture.Json;
            return true;
        }

        strictUtf8Json = Array.Empty<byte>();
        return false;
    }

    /// <summary>Takes the first object (or array) found, as the bytes of its strict JSON.</summary>
    private struct Capture : IAnswerValueReader
    {
        private static readonly JsonReaderOptions StrictOptions = new()
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        };

        public Capture(AnswerKind kind)
        {
            Kind = kind;
            Json = Array.Empty<byte>();
        }

        public AnswerKind Kind { get; }

        public readonly bool IsNullable => false;

        public readonly int ErrorCount => 0;

        public byte[] Json { get; private set; }

        public ValueStatus Read(ReadOnlySpan<byte> json, out int consumed)
        {
            consumed = 0;
            var reader = new Utf8JsonReader(json, StrictOptions);
            JsonTokenType first;
            try
            {
                if (!reader.Read())
                {
                    return ValueStatus.NotStrict;
                }

                first = reader.TokenType;
                reader.Skip();
                consumed = (int)reader.BytesConsumed;
            }
            catch (JsonException)
            {
                return ValueStatus.NotStrict;
            }

            if (first != JsonTokenType.StartObject && !(first == JsonTokenType.StartArray && Kind == AnswerKind.Container))
            {
                return ValueStatus.OtherKind;
            }

            ReadOnlySpan<byte> value = json.Slice(0, consumed);
            if (StrictJson.HasLoneSurrogateEscape(value))
            {
                // Valid JSON System.Text.Json cannot read as text; the lenient rewrite turns the half into U+FFFD.
                return ValueStatus.NotStrict;
            }

            Json = value.ToArray();
            return ValueStatus.Read;
        }
    }
}

/// <summary>Which top-level JSON values count as an answer.</summary>
internal enum JsonRoot
{
    ObjectOrArray,
    Object,
}
