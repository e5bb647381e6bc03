using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>
/// Reads one JSON value in the relaxed dialect models write and writes it out as strict JSON in the same pass.
/// Recursive descent with a hard depth limit, so no input can overflow the stack; every loop advances, so the
/// time is linear in the text read. The accepted dialect is described in docs/parsing.md.
/// </summary>
internal sealed class LenientJsonParser
{
    public const int MaxDepth = 64;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is read by our own parser, never embedded in HTML, so only JSON's own escaping is needed.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth + 1,
    };

    private readonly string _text;
    private readonly int _end;
    private readonly Utf8JsonWriter _writer;
    private readonly StringBuilder _scratch = new();
    private int _position;
    private LenientJsonFailure _failure;

    private LenientJsonParser(string text, int start, int end, IBufferWriter<byte> output)
    {
        _text = text;
        _position = start;
        _end = end;
        _writer = new Utf8JsonWriter(output, WriterOptions);
    }

    /// <summary>Reads the value starting at <paramref name="start"/>; text after it (up to <paramref name="end"/>) is ignored.</summary>
    public static bool TryParse(string text, int start, int end, out byte[] json, out LenientJsonFailure failure) =>
        TryParse(text, start, end, out json, out failure, out _);

    /// <summary>As <see cref="TryParse(string, int, int, out byte[], out LenientJsonFailure)"/>; <paramref name="valueEnd"/> is where the value ends.</summary>
    public static bool TryParse(string text, int start, int end, out byte[] json, out LenientJsonFailure failure, out int valueEnd)
    {
        var output = new ArrayBufferWriter<byte>();
        var parser = new LenientJsonParser(text, start, end, output);
        bool parsed = parser.ParseValue(depth: 0);
        parser._writer.Flush();
        json = parsed ? output.WrittenSpan.ToArray() : Array.Empty<byte>();
        failure = parser._failure;
        valueEnd = parsed ? parser._position : start;
        return parsed;
    }

    private bool ParseValue(int depth)
    {
        SkipTrivia();
        if (AtEnd)
        {
            return Truncated("the answer ends where a value should be");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth + 1);
            case '[':
                return ParseArray(depth + 1);
            case '"' or '\'' or '\u201C':
                if (!ParseString(isValue: true, out string text))
                {
                    return false;
                }

                _writer.WriteStringValue(WithoutLoneSurrogates(text));
                return true;
            default:
                if (c is '-' or '+' or '.' || char.IsAsciiDigit(c))
                {
                    return ParseNumber();
                }

                if (IsWordChar(c))
                {
                    return ParseLiteral();
                }

                return Malformed($"unexpected {Show(c)} where a value should be");
        }
    }

    private bool ParseObject(int depth)
    {
        if (depth > MaxDepth)
        {
            return Malformed($"the JSON is nested more than {MaxDepth} levels deep");
        }

        _position++;
        _writer.WriteStartObject();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                return Truncated("the answer ends inside an object");
            }

            char c = _text[_position];
            if (c == '}')
            {
                // Also closes after a trailing comma: {"a": 1,}
                _position++;
                _writer.WriteEndObject();
                return true;
            }

            string name;
            if (c is '"' or '\'' or '\u201C')
            {
                if (!ParseString(isValue: false, out name))
                {
                    return false;
                }
            }
            else if (IsWordChar(c))
            {
                name = ReadWord();
            }
            else
            {
                return Malformed($"expected a member name or '}}', got {Show(c)}");
            }

            SkipTrivia();
            if (AtEnd)
            {
                return Truncated("the answer ends inside an object");
            }

            if (_text[_position] != ':')
            {
                return Malformed($"expected ':' after the member name {JsonValueReaders.Quote(name)}, got {Show(_text[_position])}");
            }

            _position++;
            _writer.WritePropertyName(WithoutLoneSurrogates(name));
            if (!ParseValue(depth))
            {
                return false;
            }

            if (!AfterElement('}', "object"))
            {
                return false;
            }
        }
    }

    private bool ParseArray(int depth)
    {
        if (depth > MaxDepth)
        {
            return Malformed($"the JSON is nested more than {MaxDepth} levels deep");
        }

        _position++;
        _writer.WriteStartArray();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                return Truncated("the answer ends inside an array");
            }

            if (_text[_position] == ']')
            {
                // Also closes after a trailing comma: [1, 2,]
                _position++;
                _writer.WriteEndArray();
                return true;
            }

            if (!ParseValue(depth))
            {
                return false;
            }

            if (!AfterElement(']', "array"))
            {
                return false;
            }
        }
    }

    /// <summary>After a member or item: a comma (consumed) or the closing bracket (left for the loop to consume).</summary>
    private bool AfterElement(char close, string container)
    {
        SkipTrivia();
        if (AtEnd)
        {
            return Truncated($"the answer ends inside an {container}");
        }

        char c = _text[_position];
        if (c == ',')
        {
            _position++;
            SkipTrivia();
            if (!AtEnd && _text[_position] == ',')
            {
                return Malformed("two commas in a row");
            }

            return true;
        }

        return c == close || Malformed($"expected ',' or '{close}' in an {container}, got {Show(c)}");
    }

    /// <summary>
    /// A string in double quotes, single quotes, or curly double quotes. In a value, a quote character that is not
    /// followed by what may follow a string (<c>, : } ]</c>, a comment, or the end) is taken as part of the text:
    /// models often forget to escape quotes inside text (<c>"He said "hi" to me"</c>, <c>'it's'</c>). If the text
    /// then runs to the end, the first such quote closes the string after all, so the error points at it rather
    /// than claiming truncation. Member names close at their first quote.
    /// </summary>
    private bool ParseString(bool isValue, out string value)
    {
        value = "";
        char open = _text[_position];
        char close = open == '\u201C' ? '\u201D' : open;
        _position++;
        _scratch.Clear();
        int firstInnerQuote = -1;
        int textBeforeInnerQuote = 0;
        while (true)
        {
            if (AtEnd)
            {
                if (firstInnerQuote < 0)
                {
                    return Truncated("the answer ends inside a string");
                }

                _position = firstInnerQuote + 1;
                value = _scratch.ToString(0, textBeforeInnerQuote);
                return true;
            }

            char c = _text[_position++];
            if (c == close)
            {
                if (!isValue || EndsString())
                {
                    value = _scratch.ToString();
                    return true;
                }

                if (firstInnerQuote < 0)
                {
                    firstInnerQuote = _position - 1;
                    textBeforeInnerQuote = _scratch.Length;
                }
            }

            if (c != '\\')
            {
                _scratch.Append(c);
                continue;
            }

            if (AtEnd)
            {
                return Truncated("the answer ends inside a string");
            }

            char escaped = _text[_position++];
            switch (escaped)
            {
                case 'b': _scratch.Append('\b'); break;
                case 'f': _scratch.Append('\f'); break;
                case 'n': _scratch.Append('\n'); break;
                case 'r': _scratch.Append('\r'); break;
                case 't': _scratch.Append('\t'); break;
                case 'u':
                    if (_end - _position < 4)
                    {
                        return Truncated("the answer ends inside a \\u escape");
                    }

                    if (!ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        return Malformed($"invalid escape \\u{_text.Substring(_position, 4)}");
                    }

                    _scratch.Append((char)code);
                    _position += 4;
                    break;
                case '"' or '\\' or '/' or '\'':
                    _scratch.Append(escaped);
                    break;
                default:
                    // Not a JSON escape (\d in a regex, \U in a Windows path): keep the backslash, which is what the model meant.
                    _scratch.Append('\\').Append(escaped);
                    break;
            }
        }
    }

    /// <summary>Whether the quote just read closes the string: what follows it (after spaces) could follow a string.</summary>
    private bool EndsString()
    {
        int next = _position;
        while (next < _end && IsSpace(_text[next]))
        {
            next++;
        }

        return next == _end || _text[next] is ',' or ':' or '}' or ']' or '/';
    }

    /// <summary>
    /// JSON's number grammar, plus what models write around it: a leading <c>+</c>, leading zeros, <c>.5</c>, <c>5.</c>.
    /// The number is written in canonical form with every digit kept.
    /// </summary>
    private bool ParseNumber()
    {
        var number = new StringBuilder();
        char first = _text[_position];
        if (first is '-' or '+')
        {
            _position++;
            if (first == '-')
            {
                number.Append('-');
            }

            if (AtEnd)
            {
                return Truncated("the answer ends inside a number");
            }

            if (char.IsLetter(_text[_position]))
            {
                // -Infinity, or a word after a sign: reported by the literal reader.
                return ParseLiteral();
            }
        }

        int integerStart = _position;
        while (!AtEnd && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        ReadOnlySpan<char> integer = _text.AsSpan(integerStart, _position - integerStart).TrimStart('0');
        bool hadIntegerDigits = _position > integerStart;
        ReadOnlySpan<char> fraction = ReadOnlySpan<char>.Empty;
        if (!AtEnd && _text[_position] == '.')
        {
            int fractionStart = ++_position;
            while (!AtEnd && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            fraction = _text.AsSpan(fractionStart, _position - fractionStart);
        }

        if (!hadIntegerDigits && fraction.IsEmpty)
        {
            return AtEnd ? Truncated("the answer ends inside a number") : Malformed($"a number needs digits, got {Show(_text[_position])}");
        }

        number.Append(integer.IsEmpty ? "0" : integer);
        if (!fraction.IsEmpty)
        {
            number.Append('.').Append(fraction);
        }

        if (!AtEnd && _text[_position] is 'e' or 'E')
        {
            _position++;
            number.Append('e');
            if (!AtEnd && _text[_position] is '+' or '-')
            {
                number.Append(_text[_position++]);
            }

            int exponentStart = _position;
            while (!AtEnd && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            if (_position == exponentStart)
            {
                return AtEnd ? Truncated("the answer ends inside a number") : Malformed("a number's exponent needs digits");
            }

            number.Append(_text.AsSpan(exponentStart, _position - exponentStart));
        }

        _writer.WriteRawValue(number.ToString());
        return true;
    }

    /// <summary>true/false/null, and the spellings of Python (True, False, None) and JavaScript (undefined).</summary>
    private bool ParseLiteral()
    {
        int start = _position;
        string word = ReadWord();
        switch (word)
        {
            case "true" or "True" or "TRUE":
                _writer.WriteBooleanValue(true);
                return true;
            case "false" or "False" or "FALSE":
                _writer.WriteBooleanValue(false);
                return true;
            case "null" or "Null" or "NULL" or "None" or "undefined":
                _writer.WriteNullValue();
                return true;
            case "NaN" or "Infinity" or "inf" or "Inf":
                _position = start;
                return Malformed($"{word} is not a JSON number; give a number or null");
            default:
                _position = start;
                return AtEndAfter(start, word)
                    ? Truncated("the answer ends inside a value")
                    : Malformed($"unexpected word {JsonValueReaders.Quote(word)} where a value should be; text must be in double quotes");
        }
    }

    /// <summary>A word cut off by the end of the text may be the start of a literal (<c>tr</c> for true): truncation, not an error.</summary>
    private bool AtEndAfter(int start, string word) =>
        start + word.Length == _end && ("true".StartsWith(word, StringComparison.Ordinal)
            || "false".StartsWith(word, StringComparison.Ordinal)
            || "null".StartsWith(word, StringComparison.Ordinal));

    private string ReadWord()
    {
        int start = _position;
        while (!AtEnd && IsWordChar(_text[_position]))
        {
            _position++;
        }

        return _text.Substring(start, _position - start);
    }

    /// <summary>Whitespace, byte order marks, and // or /* */ comments.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            char c = _text[_position];
            if (IsSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _end && _text[_position + 1] == '/')
            {
                int newline = _text.IndexOf('\n', _position, _end - _position);
                _position = newline < 0 ? _end : newline + 1;
            }
            else if (c == '/' && _position + 1 < _end && _text[_position + 1] == '*')
            {
                int close = _text.IndexOf("*/", _position + 2, _end - _position - 2, StringComparison.Ordinal);
                _position = close < 0 ? _end : close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool AtEnd => _position >= _end;

    private bool Truncated(string message) => Fail(ResultErrorKind.Truncated, message);

    private bool Malformed(string message) => Fail(ResultErrorKind.MalformedJson, message);

    private bool Fail(ResultErrorKind kind, string message)
    {
        _failure = new LenientJsonFailure(kind, message, Math.Min(_position, _end));
        return false;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '-' or '.';

    private static string Show(char c) => c switch
    {
        '\n' => "a line break",
        _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    /// <summary>A \uD800 escape with no partner cannot be written as UTF-8; it becomes U+FFFD, as decoders do.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                var fixedText = new StringBuilder(text);
                for (int j = 0; j < fixedText.Length; j++)
                {
                    if (char.IsHighSurrogate(fixedText[j]) && j + 1 < fixedText.Length && char.IsLowSurrogate(fixedText[j + 1]))
                    {
                        j++;
                    }
                    else if (char.IsSurrogate(fixedText[j]))
                    {
                        fixedText[j] = '\uFFFD';
                    }
                }

                return fixedText.ToString();
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;
    }
}

/// <summary>Why a lenient read failed, and where (an index into the whole answer).</summary>
internal readonly record struct LenientJsonFailure(ResultErrorKind Kind, string Message, int Position);
