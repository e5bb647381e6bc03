using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>
/// Finds the answer in a model's text: the first complete top-level JSON value of the kind looked for, alone, fenced
/// or with prose around it (the rules, with examples, are in docs/parsing.md; the corpora under tests/ are their
/// executable form).
/// </summary>
/// <remarks>
/// <para>
/// One pass from left to right. A candidate is first read as strict JSON, straight from the answer's UTF-8 bytes,
/// by the reader of the result (so a strict answer is parsed once); only when that fails is it rewritten by the
/// lenient reader and read from the rewrite. A complete value is opaque: a code fence inside one of its strings is
/// text, never a fence. Fences outside values mark where a candidate must end (a fence of another language, whose
/// code may hold brackets, is searched last); a candidate that does not parse is skipped as a whole bracketed span.
/// </para>
/// <para>
/// Never throws on any input; linear in the answer's length (at most 16 failed candidates per fence, and 16 outside
/// fences, each bounded by what it may read); nesting is bounded at <see cref="ModelJson.MaxDepth"/>.
/// </para>
/// </remarks>
internal ref struct AnswerScan
{
    /// <summary>How many candidates that fail to parse are tried per fence, and outside fences, before giving up.</summary>
    private const int MaxFailedCandidates = 16;

    private readonly string _text;
    private readonly AnswerKind _kind;
    private readonly bool _nullable;
    private readonly Span<byte> _utf8;

    // The byte offset in _utf8 of the character at _charCursor: candidates are found in order, so it only moves forward.
    private int _charCursor;
    private int _byteCursor;

    private LenientJsonFailure? _bestFailure;
    private int _bestProgress;
    private bool _bestIsOfKind;
    private string? _otherKind;

    private AnswerScan(string text, AnswerKind kind, bool nullable, Span<byte> utf8)
    {
        _text = text;
        _kind = kind;
        _nullable = nullable;
        _utf8 = utf8;
        _charCursor = 0;
        _byteCursor = 0;
        _bestFailure = null;
        _bestProgress = -1;
        _bestIsOfKind = false;
        _otherKind = null;
    }

    /// <summary>
    /// Finds and reads the answer in <paramref name="text"/>. True when <paramref name="reader"/> holds a value read
    /// (<see cref="ValueStatus.Read"/>, with or without errors of its own); otherwise <paramref name="error"/> says
    /// why there is none, at <c>$</c>.
    /// </summary>
    /// <param name="text">The model's answer as it came.</param>
    /// <param name="reader">Reads a candidate as the result.</param>
    /// <param name="outOfTokens">The model stopped at its token limit: any failure is then <see cref="ResultErrorKind.Truncated"/>.</param>
    /// <param name="error">Why there is no answer, when the method returns false.</param>
    public static bool Run<TReader>(string text, ref TReader reader, bool outOfTokens, out ResultError error)
        where TReader : struct, IAnswerValueReader
    {
        text ??= "";
        error = default;
        if (IsBlank(text))
        {
            error = Error(outOfTokens, ResultErrorKind.NoJson,
                outOfTokens ? "the answer was cut off at the token limit before it began" : "the answer is empty");
            return false;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(text, rented);
            var scan = new AnswerScan(text, reader.Kind, reader.IsNullable, rented.AsSpan(0, length));
            return scan.Find(ref reader, outOfTokens, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool Find<TReader>(ref TReader reader, bool outOfTokens, out ResultError error)
        where TReader : struct, IAnswerValueReader
    {
        error = default;
        var deferred = new DeferredFences();
        if (ScanRegion(ref reader, 0, _text.Length, allowFences: true, ref deferred))
        {
            return true;
        }

        for (int i = 0; i < deferred.Count; i++)
        {
            (int start, int end) = deferred[i];
            if (ScanRegion(ref reader, start, end, allowFences: false, ref deferred))
            {
                return true;
            }
        }

        if (_otherKind is null && _bestFailure is null && IsNullLiteral(WithoutFence(_text.AsSpan()).Trim()))
        {
            // The whole answer is null (None, NULL...): the result's value, or, where it cannot be null, a missing one.
            if (reader.Read("null"u8, out _) == ValueStatus.Read)
            {
                return true;
            }

            _otherKind = "null";
        }

        if (_kind == AnswerKind.String && TryLineAsString(ref reader, out bool isError) && (!isError || _bestFailure is null))
        {
            return true;
        }

        if (_otherKind is null && _bestFailure is null)
        {
            _otherKind = WholeScalar();
        }

        error = Failure(outOfTokens);
        return false;
    }

    private ResultError Failure(bool outOfTokens)
    {
        if (_bestFailure is { } failure && (_bestIsOfKind || _otherKind is null))
        {
            // Ending inside the JSON is truncation only when the model ran out of tokens; one that ended by itself
            // wrote malformed JSON, which asking again can fix.
            ResultErrorKind kind = failure.Kind == ResultErrorKind.Truncated ? ResultErrorKind.MalformedJson : failure.Kind;
            return Error(outOfTokens, kind, $"{failure.Message} ({TextPosition.Describe(_text, failure.Position)})");
        }

        if (_otherKind is not null)
        {
            return Error(outOfTokens, ResultErrorKind.TypeMismatch, $"expected {Expected(_kind)}, got {_otherKind}");
        }

        return Error(outOfTokens, ResultErrorKind.NoJson,
            $"the answer contains no JSON {Expected(_kind)}, got {JsonValueReaders.Quote(_text.Trim())}");
    }

    private static string Expected(AnswerKind kind) => kind switch
    {
        AnswerKind.Container => "object or array",
        AnswerKind.Array => "array",
        AnswerKind.String => "string",
        AnswerKind.Number => "number",
        AnswerKind.Boolean => "boolean",
        _ => "object",
    };

    private static ResultError Error(bool outOfTokens, ResultErrorKind kind, string message) =>
        outOfTokens && kind != ResultErrorKind.Truncated
            ? new ResultError(JsonPaths.Root, ResultErrorKind.Truncated, "the answer was cut off at the token limit: " + message)
            : new ResultError(JsonPaths.Root, kind, message);

    /// <summary>
    /// Tries the candidates of <c>[start, end)</c> in order. With <paramref name="allowFences"/>, Markdown fences met
    /// outside values are followed: a JSON or untagged one bounds the candidates inside it, another language's is
    /// put aside for the end.
    /// </summary>
    private bool ScanRegion<TReader>(ref TReader reader, int start, int end, bool allowFences, ref DeferredFences deferred)
        where TReader : struct, IAnswerValueReader
    {
        int position = start;
        bool inFence = false;
        int fenceEnd = end;
        int failedInFence = 0;
        int failedOutside = 0;
        while (position < end)
        {
            int next = NextStart(position, end, allowFences);
            if (next < 0)
            {
                return false;
            }

            char c = _text[next];
            if (c == '`')
            {
                int run = Backticks(next, end);
                if (run < 3)
                {
                    position = next + run;
                    continue;
                }

                if (inFence)
                {
                    inFence = false;
                    fenceEnd = end;
                    position = next + run;
                    continue;
                }

                int contentStart = LanguageTagEnd(next + run, end);
                int close = _text.IndexOf("```", contentStart, end - contentStart, StringComparison.Ordinal);
                int contentEnd = close < 0 ? end : close;
                ReadOnlySpan<char> tag = _text.AsSpan(next + run, contentStart - next - run);
                if (!tag.IsEmpty && !tag.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    deferred.Add(contentStart, contentEnd);
                    position = close < 0 ? end : close + Backticks(close, end);
                    continue;
                }

                inFence = true;
                fenceEnd = contentEnd;
                failedInFence = 0;
                position = contentStart;
                continue;
            }

            int bound = inFence ? fenceEnd : end;
            Candidate outcome = TryCandidate(ref reader, next, bound, end, inFence, out int after);
            switch (outcome)
            {
                case Candidate.Found:
                    return true;
                case Candidate.Skipped:
                    position = after;
                    if (inFence && after > fenceEnd)
                    {
                        // The value ran past what looked like the closing fence: that was inside one of its strings.
                        int close = _text.IndexOf("```", after, end - after, StringComparison.Ordinal);
                        fenceEnd = close < 0 ? end : close;
                    }

                    continue;
                default:
                    if (inFence ? ++failedInFence >= MaxFailedCandidates : ++failedOutside >= MaxFailedCandidates)
                    {
                        if (!inFence)
                        {
                            return false;
                        }

                        position = fenceEnd;
                        continue;
                    }

                    if (after < 0)
                    {
                        // The candidate runs to the end of what it may read: everything after it is inside it.
                        if (!inFence)
                        {
                            return false;
                        }

                        position = fenceEnd;
                        continue;
                    }

                    position = after;
                    continue;
            }
        }

        return false;
    }

    private enum Candidate
    {
        Found,
        Skipped,
        Failed,
    }

    /// <summary>
    /// Tries the value starting at <paramref name="start"/>. <paramref name="after"/> is where the search goes on:
    /// after the value, or after the candidate's bracketed span; -1 when the candidate runs to the end.
    /// </summary>
    private Candidate TryCandidate<TReader>(ref TReader reader, int start, int bound, int end, bool inFence, out int after)
        where TReader : struct, IAnswerValueReader
    {
        char c = _text[start];
        if (c is '{' or '[')
        {
            return TryContainer(ref reader, start, bound, end, inFence, out after);
        }

        int tokenEnd = ScalarEnd(start, bound);
        if (tokenEnd < 0)
        {
            after = SkipWord(start, bound);
            return Candidate.Skipped;
        }

        after = tokenEnd;
        ValueStatus status = ReadStrict(ref reader, start, tokenEnd, out _);
        if (status == ValueStatus.NotStrict)
        {
            if (!LenientJsonParser.TryParse(_text, start, tokenEnd, out byte[] json, out LenientJsonFailure failure, out _))
            {
                Remember(failure, start, isOfKind: true);
                return Candidate.Failed;
            }

            status = reader.Read(json, out _);
        }

        return status == ValueStatus.Read ? Candidate.Found : Candidate.Skipped;
    }

    private Candidate TryContainer<TReader>(ref TReader reader, int start, int bound, int end, bool inFence, out int after)
        where TReader : struct, IAnswerValueReader
    {
        // An object is the answer or, for a result the schema wraps, may be its wrapper; an array is of the kind only
        // where one is looked for.
        bool isOfKind = _text[start] == '{' || _kind is AnswerKind.Array or AnswerKind.Container;

        // Strict first: a complete strict value is complete wherever fences seem to be, so it may read to the end.
        ValueStatus status = ReadStrict(ref reader, start, end, out int valueEnd);
        if (status != ValueStatus.NotStrict)
        {
            return Settle(status, start, valueEnd, out after);
        }

        if (LenientJsonParser.TryParse(_text, start, bound, out byte[] json, out LenientJsonFailure failure, out valueEnd)
            || (inFence && bound < end && failure.Position >= bound
                && LenientJsonParser.TryParse(_text, start, end, out json, out _, out valueEnd)))
        {
            return Settle(reader.Read(json, out _), start, valueEnd, out after);
        }

        Remember(failure, start, isOfKind);
        if (failure.Kind == ResultErrorKind.Truncated)
        {
            after = -1;
            return Candidate.Failed;
        }

        int spanEnd = BalancedSpan.FindEnd(_text, start, bound);
        after = spanEnd < 0 ? -1 : spanEnd + 1;
        return Candidate.Failed;
    }

    private Candidate Settle(ValueStatus status, int start, int valueEnd, out int after)
    {
        after = valueEnd;
        if (status == ValueStatus.Read)
        {
            return Candidate.Found;
        }

        _otherKind ??= Describe(start);
        return Candidate.Skipped;
    }

    /// <summary>The value at <paramref name="start"/> read as strict JSON from the answer's bytes, up to <paramref name="end"/>.</summary>
    private ValueStatus ReadStrict<TReader>(ref TReader reader, int start, int end, out int valueEnd)
        where TReader : struct, IAnswerValueReader
    {
        int byteStart = ByteOffset(start);
        int byteEnd = end == _text.Length ? _utf8.Length : byteStart + Encoding.UTF8.GetByteCount(_text.AsSpan(start, end - start));
        ValueStatus status = reader.Read(_utf8.Slice(byteStart, byteEnd - byteStart), out int consumed);
        valueEnd = status == ValueStatus.NotStrict ? start : start + Encoding.UTF8.GetCharCount(_utf8.Slice(byteStart, consumed));
        return status;
    }

    private int ByteOffset(int charIndex)
    {
        if (charIndex < _charCursor)
        {
            _charCursor = 0;
            _byteCursor = 0;
        }

        _byteCursor += Encoding.UTF8.GetByteCount(_text.AsSpan(_charCursor, charIndex - _charCursor));
        _charCursor = charIndex;
        return _byteCursor;
    }

    private void Remember(LenientJsonFailure failure, int candidate, bool isOfKind)
    {
        // A candidate of the kind looked for is the likelier answer; among equals, the one that got furthest.
        int progress = failure.Position - candidate;
        if ((isOfKind && !_bestIsOfKind) || (isOfKind == _bestIsOfKind && progress > _bestProgress))
        {
            _bestFailure = failure;
            _bestProgress = progress;
            _bestIsOfKind = isOfKind;
        }
    }

    /// <summary>The next place a value or a fence may start.</summary>
    private int NextStart(int position, int end, bool allowFences)
    {
        ReadOnlySpan<char> rest = _text.AsSpan(position, end - position);
        int found = _kind switch
        {
            AnswerKind.String => allowFences ? rest.IndexOfAny(StringStartsAndFence) : rest.IndexOfAny(StringStarts),
            AnswerKind.Number => allowFences ? rest.IndexOfAny(NumberStartsAndFence) : rest.IndexOfAny(NumberStarts),
            AnswerKind.Boolean => allowFences ? rest.IndexOfAny(LiteralStartsAndFence) : rest.IndexOfAny(LiteralStarts),
            _ => allowFences ? rest.IndexOfAny(ContainerStartsAndFence) : rest.IndexOfAny(ContainerStarts),
        };
        return found < 0 ? -1 : position + found;
    }

    private static readonly SearchValues<char> ContainerStarts = SearchValues.Create("{[");
    private static readonly SearchValues<char> ContainerStartsAndFence = SearchValues.Create("{[`");
    private static readonly SearchValues<char> StringStarts = SearchValues.Create("{[\"\u201C");
    private static readonly SearchValues<char> StringStartsAndFence = SearchValues.Create("{[\"\u201C`");
    private static readonly SearchValues<char> NumberStarts = SearchValues.Create("{[0123456789-+.");
    private static readonly SearchValues<char> NumberStartsAndFence = SearchValues.Create("{[0123456789-+.`");
    private static readonly SearchValues<char> LiteralStarts = SearchValues.Create("{[tfnTFN");
    private static readonly SearchValues<char> LiteralStartsAndFence = SearchValues.Create("{[tfnTFN`");

    /// <summary>
    /// The end of the scalar starting at <paramref name="start"/> when it stands on its own in the text (a number not
    /// part of <c>2024-03-05</c> or <c>A4</c>, a whole word <c>true</c>, a quoted string closing on its line); -1
    /// when it does not.
    /// </summary>
    private int ScalarEnd(int start, int bound)
    {
        char c = _text[start];
        char before = start > 0 ? _text[start - 1] : ' ';
        if (c is '"' or '\u201C')
        {
            char close = c == '"' ? '"' : '\u201D';
            for (int i = start + 1; i < bound; i++)
            {
                char d = _text[i];
                if (d == '\\')
                {
                    i++;
                }
                else if (d == close)
                {
                    return i + 1;
                }
                else if (d is '\n' or '\r')
                {
                    return -1;
                }
            }

            return -1;
        }

        if (char.IsLetter(c))
        {
            if (char.IsLetterOrDigit(before) || before == '_')
            {
                return -1;
            }

            int wordEnd = start;
            while (wordEnd < bound && (char.IsLetterOrDigit(_text[wordEnd]) || _text[wordEnd] == '_'))
            {
                wordEnd++;
            }

            return IsLiteral(_text.AsSpan(start, wordEnd - start), start, wordEnd) ? wordEnd : -1;
        }

        // A number: [sign] digits [. digits] [exponent], neither glued to a word nor part of a date, time, version,
        // fraction or grouped number.
        if (char.IsLetterOrDigit(before) || before is '_' or '.' or ',' or '-' or '+' or '/' or ':')
        {
            return -1;
        }

        int end = start;
        if (_text[end] is '-' or '+')
        {
            end++;
        }

        int digits = 0;
        while (end < bound && char.IsAsciiDigit(_text[end]))
        {
            end++;
            digits++;
        }

        if (end < bound && _text[end] == '.' && end + 1 < bound && char.IsAsciiDigit(_text[end + 1]))
        {
            end++;
            while (end < bound && char.IsAsciiDigit(_text[end]))
            {
                end++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return -1;
        }

        if (end + 1 < bound && _text[end] is 'e' or 'E'
            && (char.IsAsciiDigit(_text[end + 1]) || (_text[end + 1] is '+' or '-' && end + 2 < bound && char.IsAsciiDigit(_text[end + 2]))))
        {
            end += 2;
            while (end < bound && char.IsAsciiDigit(_text[end]))
            {
                end++;
            }
        }

        if (end < bound)
        {
            char after = _text[end];
            bool continues = char.IsLetterOrDigit(after) || after == '_'
                || (after is '.' or ',' or '-' or '+' or '/' or ':' && end + 1 < bound && char.IsAsciiDigit(_text[end + 1]));
            if (continues)
            {
                return -1;
            }
        }

        return end;
    }

    /// <summary>
    /// Whether a word is a literal of the kind looked for: <c>true</c>/<c>false</c> (also <c>True</c>,
    /// <c>FALSE</c>...), and for a nullable result <c>null</c>; <c>None</c> and <c>undefined</c> only as the whole
    /// answer, since in prose they are words.
    /// </summary>
    private bool IsLiteral(ReadOnlySpan<char> word, int start, int end)
    {
        if (_kind != AnswerKind.Boolean)
        {
            return false;
        }

        if (word is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return true;
        }

        if (!_nullable)
        {
            return false;
        }

        return word is "null" or "Null" or "NULL"
            || (word is "None" or "undefined" && IsBlank(_text.AsSpan(0, start)) && IsBlank(_text.AsSpan(end)));
    }

    private static bool IsNullLiteral(ReadOnlySpan<char> word) => word is "null" or "Null" or "NULL" or "None" or "undefined";

    /// <summary>Where to go on after a scalar that does not stand on its own: past the run of characters it is glued to.</summary>
    private int SkipWord(int start, int bound)
    {
        if (_text[start] is '"' or '\u201C')
        {
            return start + 1;
        }

        int i = start + 1;
        while (i < bound && (char.IsLetterOrDigit(_text[i]) || _text[i] is '_' or '.' or ',' or '-' or '+' or '/' or ':'))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// A string result answered without quotes: when no JSON was found and the answer is one line (a fence or
    /// backticks around it aside), that line is the string. A line of several words that does not read as the value
    /// is prose, not an answer (<see cref="ResultErrorKind.NoJson"/>); one word that does not is the value's error.
    /// </summary>
    private bool TryLineAsString<TReader>(ref TReader reader, out bool isError)
        where TReader : struct, IAnswerValueReader
    {
        isError = false;
        ReadOnlySpan<char> line = WithoutFence(_text.AsSpan()).Trim().Trim('`').Trim();
        if (line.IsEmpty || line.ContainsAny('\n', '\r') || line.ContainsAny('{', '['))
        {
            return false;
        }

        byte[] json = JsonStringBytes(line);
        if (reader.Read(json, out _) != ValueStatus.Read)
        {
            return false;
        }

        isError = reader.ErrorCount > 0;
        if (isError && line.ContainsAny(' ', '\t'))
        {
            return false;
        }

        return true;
    }

    private static byte[] JsonStringBytes(ReadOnlySpan<char> text)
    {
        var buffer = new ArrayBufferWriter<byte>(text.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// When nothing of the kind was found: the answer, or its one fence, holding a lone scalar of another kind
    /// (<c>42</c> where an object is expected) — described for the type mismatch; null otherwise.
    /// </summary>
    private string? WholeScalar()
    {
        ReadOnlySpan<char> whole = WithoutFence(_text.AsSpan()).Trim();
        if (whole.IsEmpty || whole[0] is '{' or '[')
        {
            return null;
        }

        string value = whole.ToString();
        if (!LenientJsonParser.TryParse(value, 0, value.Length, out byte[] json, out _, out int valueEnd) || !IsBlank(value.AsSpan(valueEnd)))
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        return reader.Read() ? JsonValueReaders.Describe(ref reader) : null;
    }

    /// <summary>The content of the fence when the text is one fenced block (with nothing but white space around it).</summary>
    private static ReadOnlySpan<char> WithoutFence(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        int run = 0;
        while (run < trimmed.Length && trimmed[run] == '`')
        {
            run++;
        }

        int content = run;
        while (content < trimmed.Length && !char.IsWhiteSpace(trimmed[content]) && trimmed[content] is not ('{' or '[' or '`' or '"'))
        {
            content++;
        }

        ReadOnlySpan<char> body = trimmed.Slice(content);
        int close = body.IndexOf("```", StringComparison.Ordinal);
        if (close >= 0 && !body.Slice(close).Trim('`').Trim().IsEmpty)
        {
            return text; // more than one block, or text after it
        }

        return close < 0 ? body : body.Slice(0, close);
    }

    /// <summary>How a value of another kind is described in the mismatch: <c>an array</c>, <c>an object</c>, <c>42</c>.</summary>
    private string Describe(int start) => _text[start] switch
    {
        '{' => "an object",
        '[' => "an array",
        _ => "a value of another kind",
    };

    private int Backticks(int position, int end)
    {
        int run = 0;
        while (position + run < end && _text[position + run] == '`')
        {
            run++;
        }

        return run;
    }

    /// <summary>
    /// The language tag is the word right after the backticks (<c>json</c>, <c>JSON5</c>, <c>python</c>...). It stops
    /// at white space or a bracket, so an inline fence such as <c>```json{"a":1}```</c> still yields its JSON.
    /// </summary>
    private int LanguageTagEnd(int position, int end)
    {
        while (position < end && !char.IsWhiteSpace(_text[position]) && _text[position] is not ('{' or '[' or '`' or '"'))
        {
            position++;
        }

        return position;
    }

    private static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fences of other languages, searched after everything else. Few per answer: a small inline buffer.</summary>
    private struct DeferredFences
    {
        private (int Start, int End)[]? _items;

        public int Count { get; private set; }

        public readonly (int Start, int End) this[int index] => _items![index];

        public void Add(int start, int end)
        {
            _items ??= new (int, int)[4];
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, Count * 2);
            }

            _items[Count++] = (start, end);
        }
    }
}
