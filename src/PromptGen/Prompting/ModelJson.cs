using System;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>
/// Finds the JSON in a model's text answer and rewrites the liberties models take (code fences, prose around it,
/// trailing commas, single quotes, unquoted keys, comments, Python literals...) into strict UTF-8 JSON. The rules
/// are in docs/parsing.md; the corpus in tests/PromptGen.Tests/Prompting/Corpus is their executable form.
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
    /// A bound on how many places one answer's text is tried as the start of the JSON, so that prose full of
    /// brackets cannot make the search slow. Each try starts after the previous one's balanced span.
    /// </summary>
    private const int MaxCandidatesPerRegion = 16;

    /// <summary>
    /// Finds the first complete top-level JSON object or array in <paramref name="modelText"/> and returns it as
    /// strict UTF-8 JSON.
    /// </summary>
    /// <param name="modelText">The model's answer as it came.</param>
    /// <param name="wasTruncated">The model stopped at its token limit: any failure is then reported as
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
        strictUtf8Json = Array.Empty<byte>();
        error = default;
        modelText ??= "";
        if (string.IsNullOrWhiteSpace(modelText.Replace('\uFEFF', ' ')))
        {
            error = Error(wasTruncated, ResultErrorKind.NoJson,
                wasTruncated ? "the answer was cut off at the token limit before it began" : "the answer is empty");
            return false;
        }

        if (StrictJson.TryRead(modelText, root, out strictUtf8Json))
        {
            return true;
        }

        // Fenced blocks first, in order: the first one that parses wins. Then the whole text, for answers without
        // fences or whose fences hold something else.
        var regions = FencedBlocks.Find(modelText);
        regions.Add((0, modelText.Length));
        LenientJsonFailure? best = null;
        int bestProgress = -1;
        foreach ((int start, int end) in regions)
        {
            if (TryRegion(modelText, start, end, root, out strictUtf8Json, ref best, ref bestProgress))
            {
                return true;
            }
        }

        if (best is not { } failure)
        {
            error = Error(wasTruncated, ResultErrorKind.NoJson,
                $"the answer contains no JSON {(root == JsonRoot.Object ? "object" : "object or array")}, got {JsonValueReaders.Quote(modelText.Trim())}");
            return false;
        }

        string where = TextPosition.Describe(modelText, failure.Position);
        error = Error(wasTruncated, failure.Kind, $"{failure.Message} ({where})");
        return false;
    }

    /// <summary>
    /// Tries the region's candidate starts in order. A failed candidate's balanced span is skipped as a whole, so
    /// an object nested inside broken JSON is never taken for the answer, and each character is looked at a
    /// bounded number of times.
    /// </summary>
    private static bool TryRegion(string text, int start, int end, JsonRoot root, out byte[] json, ref LenientJsonFailure? best, ref int bestProgress)
    {
        json = Array.Empty<byte>();
        int position = start;
        for (int attempt = 0; attempt < MaxCandidatesPerRegion; attempt++)
        {
            int candidate = root == JsonRoot.Object
                ? text.IndexOf('{', position, end - position)
                : text.IndexOfAny(ObjectOrArrayStarts, position, end - position);
            if (candidate < 0)
            {
                return false;
            }

            if (LenientJsonParser.TryParse(text, candidate, end, out json, out LenientJsonFailure failure))
            {
                return true;
            }

            // The candidate that got furthest is the likeliest to be the answer; its error is the one to report.
            if (failure.Position - candidate > bestProgress)
            {
                best = failure;
                bestProgress = failure.Position - candidate;
            }

            if (failure.Kind == ResultErrorKind.Truncated)
            {
                return false; // Everything after the candidate is inside it.
            }

            int spanEnd = BalancedSpan.FindEnd(text, candidate, end);
            if (spanEnd < 0)
            {
                return false;
            }

            position = spanEnd + 1;
        }

        return false;
    }

    private static readonly char[] ObjectOrArrayStarts = { '{', '[' };

    private static ResultError Error(bool wasTruncated, ResultErrorKind kind, string message) =>
        wasTruncated && kind != ResultErrorKind.Truncated
            ? new ResultError(JsonPaths.Root, ResultErrorKind.Truncated, "the answer was cut off at the token limit: " + message)
            : new ResultError(JsonPaths.Root, kind, message);
}

/// <summary>Which top-level JSON values count as an answer.</summary>
internal enum JsonRoot
{
    ObjectOrArray,
    Object,
}
