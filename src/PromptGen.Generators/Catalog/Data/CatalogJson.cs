using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>
/// A small strict JSON (RFC 8259) reader for catalog files. The generator is loaded into the compiler on
/// netstandard2.0 and cannot count on System.Text.Json being there, so it reads its catalog with this. Anything
/// that is not JSON is a <see cref="CatalogJsonException"/> with a line and column, never another exception; nesting
/// is bounded so hostile input cannot overflow the stack.
/// </summary>
internal sealed class CatalogJson
{
    /// <summary>Deeper than any catalog needs (a file is four levels deep); bounds recursion.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private CatalogJson(string text)
    {
        _text = text;
    }

    /// <summary>Reads one JSON value filling the whole text (whitespace and a leading byte-order mark allowed).</summary>
    public static CatalogJsonNode Parse(string text)
    {
        var reader = new CatalogJson(text ?? string.Empty);
        if (reader._position < reader._text.Length && reader._text[reader._position] == '\uFEFF')
        {
            reader._position++;
            reader._lineStart = reader._position;
        }

        reader.SkipWhitespace();
        CatalogJsonNode value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._position < reader._text.Length)
        {
            throw reader.Error("unexpected text after the JSON value");
        }

        return value;
    }

    private int Column => _position - _lineStart + 1;

    private CatalogJsonNode ReadValue(int depth)
    {
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of file, a value was expected");
        }

        int line = _line;
        int column = Column;
        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth, line, column);
            case '[':
                return ReadArray(depth, line, column);
            case '"':
                return new CatalogJsonNode(JsonKind.String, line, column, ReadString());
            case 't':
                ReadWord("true");
                return new CatalogJsonNode(JsonKind.Boolean, line, column, boolean: true);
            case 'f':
                ReadWord("false");
                return new CatalogJsonNode(JsonKind.Boolean, line, column, boolean: false);
            case 'n':
                ReadWord("null");
                return new CatalogJsonNode(JsonKind.Null, line, column);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return new CatalogJsonNode(JsonKind.Number, line, column, ReadNumber());
                }

                throw Error($"unexpected character '{Printable(c)}', a value was expected");
        }
    }

    private CatalogJsonNode ReadObject(int depth, int line, int column)
    {
        if (depth >= MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }

        _position++;
        var members = new List<KeyValuePair<string, CatalogJsonNode>>();
        var names = new HashSet<string>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return new CatalogJsonNode(JsonKind.Object, line, column, members: members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("a member name (a string) was expected");
            }

            int nameLine = _line;
            int nameColumn = Column;
            string name = ReadString();
            if (!names.Add(name))
            {
                throw new CatalogJsonException($"the member '{name}' appears twice", nameLine, nameColumn);
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            members.Add(new KeyValuePair<string, CatalogJsonNode>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}');
            return new CatalogJsonNode(JsonKind.Object, line, column, members: members);
        }
    }

    private CatalogJsonNode ReadArray(int depth, int line, int column)
    {
        if (depth >= MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }

        _position++;
        var items = new List<CatalogJsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return new CatalogJsonNode(JsonKind.Array, line, column, items: items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return new CatalogJsonNode(JsonKind.Array, line, column, items: items);
        }
    }

    private string ReadString()
    {
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            char c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error("control character in a string (escape it)");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            _position++;
            char escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u': builder.Append(ReadHex4()); break;
                default:
                    _position--;
                    throw Error("invalid escape in a string");
            }
        }
    }

    private char ReadHex4()
    {
        if (_position + 4 > _text.Length)
        {
            throw Error("incomplete \\u escape");
        }

        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            char h = _text[_position];
            int digit = h >= '0' && h <= '9' ? h - '0'
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                : -1;
            if (digit < 0)
            {
                throw Error("invalid \\u escape");
            }

            value = (value * 16) + digit;
            _position++;
        }

        return (char)value;
    }

    private string ReadNumber()
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
            throw Error("a digit was expected");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw Error("a digit was expected after the decimal point");
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
                throw Error("a digit was expected in the exponent");
            }
        }

        return _text.Substring(start, _position - start);
    }

    private bool ReadDigits()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void ReadWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error($"'{word}' was expected");
        }

        _position += word.Length;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw _position >= _text.Length
                ? Error($"unexpected end of file, '{c}' was expected")
                : Error($"'{c}' was expected, found '{Printable(_text[_position])}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }

    private CatalogJsonException Error(string message) => new(message, _line, Column);

    private static string Printable(char c) => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
}
