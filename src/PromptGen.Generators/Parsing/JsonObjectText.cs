using System.Collections.Generic;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Checks that a string is one JSON object (RFC 8259) and lists its top-level members as written, so the generator
/// can validate <c>[ModelRequestFields]</c> and merge interface and method fields without a JSON library.
/// </summary>
internal sealed class JsonObjectText
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonObjectText(string text) => _text = text;

    /// <summary>The members (name token as written, value as written) in order, or the first error.</summary>
    public static (List<KeyValuePair<string, string>>? Members, JsonTextError? Error) Parse(string text)
    {
        var parser = new JsonObjectText(text);
        var members = new List<KeyValuePair<string, string>>();
        JsonTextError? error = parser.ReadRoot(members);
        return error is null ? (members, null) : (null, error);
    }

    /// <summary>The name a member token spells, for comparing names (escapes are rare in field names and compared as written).</summary>
    public static string NameOf(string token) => token.Length >= 2 ? token.Substring(1, token.Length - 2) : token;

    private JsonTextError? ReadRoot(List<KeyValuePair<string, string>> members)
    {
        SkipWhitespace();
        if (Peek() != '{')
        {
            return Error(_position >= _text.Length ? "the text is empty; it must be a JSON object such as {\"top_k\": 50}" : "model request fields must be a JSON object, starting with '{'", 1);
        }

        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return RequireEnd();
        }

        while (true)
        {
            SkipWhitespace();
            int nameStart = _position;
            if (Peek() != '"')
            {
                return Error("expected a member name in double quotes", 1);
            }

            if (ReadString() is { } nameError)
            {
                return nameError;
            }

            string name = _text.Substring(nameStart, _position - nameStart);
            SkipWhitespace();
            if (Peek() != ':')
            {
                return Error("expected ':' after the member name", 1);
            }

            _position++;
            SkipWhitespace();
            int valueStart = _position;
            if (ReadValue(1) is { } valueError)
            {
                return valueError;
            }

            members.Add(new KeyValuePair<string, string>(name, _text.Substring(valueStart, _position - valueStart)));
            SkipWhitespace();
            char next = Peek();
            _position++;
            if (next == '}')
            {
                return RequireEnd();
            }

            if (next != ',')
            {
                _position--;
                return Error("expected ',' or '}' after a member", 1);
            }
        }
    }

    private JsonTextError? RequireEnd()
    {
        SkipWhitespace();
        return _position < _text.Length ? Error("unexpected text after the JSON object", _text.Length - _position) : null;
    }

    private JsonTextError? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            return Error($"the JSON nests deeper than {MaxDepth} levels", 1);
        }

        switch (Peek())
        {
            case '"':
                return ReadString();
            case '{':
                return ReadContainer('}', depth, members: true);
            case '[':
                return ReadContainer(']', depth, members: false);
            case 't':
                return ReadLiteral("true");
            case 'f':
                return ReadLiteral("false");
            case 'n':
                return ReadLiteral("null");
            default:
                return ReadNumber();
        }
    }

    private JsonTextError? ReadContainer(char close, int depth, bool members)
    {
        _position++;
        SkipWhitespace();
        if (Peek() == close)
        {
            _position++;
            return null;
        }

        while (true)
        {
            SkipWhitespace();
            if (members)
            {
                if (Peek() != '"')
                {
                    return Error("expected a member name in double quotes", 1);
                }

                if (ReadString() is { } nameError)
                {
                    return nameError;
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    return Error("expected ':' after the member name", 1);
                }

                _position++;
                SkipWhitespace();
            }

            if (ReadValue(depth + 1) is { } valueError)
            {
                return valueError;
            }

            SkipWhitespace();
            char next = Peek();
            if (next == close)
            {
                _position++;
                return null;
            }

            if (next != ',')
            {
                return Error($"expected ',' or '{close}'", 1);
            }

            _position++;
        }
    }

    private JsonTextError? ReadString()
    {
        int start = _position;
        _position++;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '"')
            {
                _position++;
                return null;
            }

            if (c < ' ')
            {
                return Error("a control character must be escaped inside a JSON string", 1);
            }

            if (c == '\\')
            {
                _position++;
                char escape = Peek();
                if (escape == 'u')
                {
                    for (int i = 1; i <= 4; i++)
                    {
                        if (_position + i >= _text.Length || !IsHex(_text[_position + i]))
                        {
                            return Error("\\u must be followed by four hexadecimal digits", 1);
                        }
                    }

                    _position += 4;
                }
                else if ("\"\\/bfnrt".IndexOf(escape) < 0 || _position >= _text.Length)
                {
                    _position--;
                    return Error("invalid escape sequence in a JSON string", 2);
                }
            }

            _position++;
        }

        _position = start;
        return Error("unterminated JSON string", _text.Length - start);
    }

    private JsonTextError? ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            return Error("invalid JSON value (strings need double quotes)", 1);
        }

        _position += literal.Length;
        return null;
    }

    private JsonTextError? ReadNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            _position = start;
            return Error("invalid JSON value (strings need double quotes)", 1);
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                return Error("a JSON number needs digits after '.'", 1);
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                return Error("a JSON number needs digits in its exponent", 1);
            }
        }

        return null;
    }

    private bool ReadDigits()
    {
        int start = _position;
        while (Peek() is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private JsonTextError Error(string message, int length)
    {
        int start = System.Math.Min(_position, _text.Length);
        int end = System.Math.Min(_text.Length, start + System.Math.Max(length, 0));
        return new JsonTextError(message, start, end);
    }
}

/// <summary>A JSON error and the characters of the text it concerns (an empty span at the end when the text is cut short).</summary>
internal sealed record JsonTextError(string Message, int Start, int End);
