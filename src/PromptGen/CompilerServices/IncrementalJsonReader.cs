using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace PromptGen.CompilerServices;

/// <summary>
/// Reads one JSON object (or, for a list result, one array) as it arrives in pieces, keeping its state between
/// pieces: every character is looked at once, and only the token being read (a string, a number) is buffered, so
/// the cost is linear in the answer's length however it is split. What it reads goes to a tree of
/// <see cref="PartialJsonNode"/>s (the generated partial builders) as members complete.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// <para>
/// It follows the rules of the non-streaming reader where they can be decided without looking ahead: the answer is
/// the first top-level value of the result's kind, so prose and Markdown fences before it are skipped and what
/// comes after it is ignored, and a top-level value of another kind is passed over whole (the orders in an array
/// are not an order's members); a list is read bare or from its <c>{"value": […]}</c> wrapper. Inside, it accepts
/// trailing commas, comments, single-quoted and curly-quoted strings, unquoted member names,
/// <c>True</c>/<c>False</c>/<c>None</c>.
/// </para>
/// <para>
/// A false start such as <c>{placeholder}</c> in the prose is abandoned and the search goes on, as long as nothing
/// was read from it. On anything else it stops reading (<see cref="IsFailed"/>) and the caller falls back to the
/// final answer, which is read by the non-streaming parser either way.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class IncrementalJsonReader
{
    /// <summary>The deepest nesting accepted, as for the non-streaming parser.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many false starts in prose are abandoned before giving up, as for the non-streaming parser.</summary>
    private const int MaxRestarts = 16;

    private readonly PartialJsonNode _root;
    private readonly bool _rootIsArray;
    private readonly List<Frame> _stack = new();
    private readonly StringBuilder _token = new();
    private State _state = State.BeforeRoot;
    private State _stateAfterComment;
    private char _closingQuote;
    private bool _tokenIsName;
    private int _unicodeDigits;
    private int _unicodeValue;
    private bool _delivered;
    private int _restarts;
    private bool _restarted;
    private long _position;

    // Passing over a top-level value of another kind: its depth, and whether the reader is in one of its strings.
    private int _skipDepth;
    private bool _skipInString;
    private bool _skipEscaped;

    /// <summary>Creates a reader that delivers the answer's object to <paramref name="root"/>.</summary>
    /// <param name="root">The node of the top-level object: a generated builder, or a dictionary builder.</param>
    public IncrementalJsonReader(PartialJsonNode root)
        : this(root, rootIsArray: false)
    {
    }

    /// <summary>
    /// Creates a reader that delivers the answer's object, or with <paramref name="rootIsArray"/> its array (bare,
    /// or the value of a <c>{"value": […]}</c> wrapper), to <paramref name="root"/>.
    /// </summary>
    internal IncrementalJsonReader(PartialJsonNode root, bool rootIsArray)
    {
        _root = root ?? throw new ArgumentNullException(nameof(root));
        _rootIsArray = rootIsArray;
    }

    /// <summary>The object has been read to its closing brace; anything after it is ignored.</summary>
    public bool IsComplete => _state == State.Done;

    /// <summary>The text stopped being JSON this reader can follow; see <see cref="Failure"/>.</summary>
    public bool IsFailed => _state == State.Failed;

    /// <summary>Why reading stopped, with the character position, when <see cref="IsFailed"/>.</summary>
    public string? Failure { get; private set; }

    /// <summary>How many characters have been fed.</summary>
    public long Position => _position;

    /// <summary>Feeds the next piece of the answer.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (_state is State.Done or State.Failed)
        {
            _position += text.Length;
            return;
        }

        int i = 0;
        for (; i < text.Length && _state is not (State.Done or State.Failed); i++)
        {
            char c = text[i];
            Step(c);
            if (_restarted)
            {
                // The character that ended a false start may begin the real value.
                _restarted = false;
                if (_state == State.BeforeRoot)
                {
                    Step(c);
                }
            }

            _position++;
        }

        _position += text.Length - i;
    }

    /// <summary>Feeds the next piece of the answer.</summary>
    public void Append(string? text) => Append(text.AsSpan());

    private void Step(char c)
    {
        switch (_state)
        {
            case State.BeforeRoot:
                BeforeRoot(c);
                return;
            case State.SkippingOtherValue:
                SkipOtherValue(c);
                return;
            case State.InString:
                if (c == _closingQuote)
                {
                    EndString();
                }
                else if (c == '\\')
                {
                    _state = State.InStringEscape;
                }
                else
                {
                    _token.Append(c);
                }

                return;
            case State.InStringEscape:
                Escape(c);
                return;
            case State.InStringUnicode:
                UnicodeDigit(c);
                return;
            case State.InNumber:
                if (char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-')
                {
                    _token.Append(c);
                    return;
                }

                EndNumber();
                Step(c);
                return;
            case State.InWord:
                if (char.IsLetterOrDigit(c) || c is '_' or '$' || (_tokenIsName && c is '-' or '.'))
                {
                    _token.Append(c);
                    return;
                }

                EndWord();
                if (_state != State.Failed)
                {
                    Step(c);
                }

                return;
            case State.CommentSlash:
                _state = c switch
                {
                    '/' => State.LineComment,
                    '*' => State.BlockComment,
                    _ => Fail($"expected a comment after '/', got '{c}'"),
                };
                return;
            case State.LineComment:
                if (c is '\n' or '\r')
                {
                    _state = _stateAfterComment;
                }

                return;
            case State.BlockComment:
                if (c == '*')
                {
                    _state = State.BlockCommentStar;
                }

                return;
            case State.BlockCommentStar:
                _state = c == '/' ? _stateAfterComment : c == '*' ? State.BlockCommentStar : State.BlockComment;
                return;
        }

        // Between tokens: whitespace and comments are skipped wherever they may appear.
        if (char.IsWhiteSpace(c) || c == '\uFEFF')
        {
            return;
        }

        if (c == '/')
        {
            _stateAfterComment = _state;
            _state = State.CommentSlash;
            return;
        }

        switch (_state)
        {
            case State.ExpectValue:
                ExpectValue(c);
                break;
            case State.ExpectMember:
                ExpectMember(c);
                break;
            case State.ExpectColon:
                if (c is ':')
                {
                    _state = State.ExpectValue;
                }
                else
                {
                    _state = Fail($"expected ':' after a member name, got '{c}'");
                }

                break;
            case State.AfterValue:
                AfterValue(c);
                break;
        }
    }

    /// <summary>
    /// Prose before the value: the first <c>{</c> (or, for a list, <c>[</c>) starts it; a top-level array where an
    /// object is expected is a value of another kind, passed over whole.
    /// </summary>
    private void BeforeRoot(char c)
    {
        if (c == '{')
        {
            Open(isArray: false);
        }
        else if (c == '[')
        {
            if (_rootIsArray)
            {
                Open(isArray: true);
            }
            else
            {
                _skipDepth = 1;
                _skipInString = false;
                _state = State.SkippingOtherValue;
            }
        }
    }

    private void SkipOtherValue(char c)
    {
        if (_skipInString)
        {
            if (_skipEscaped)
            {
                _skipEscaped = false;
            }
            else if (c == '\\')
            {
                _skipEscaped = true;
            }
            else if (c == '"')
            {
                _skipInString = false;
            }

            return;
        }

        switch (c)
        {
            case '"':
                _skipInString = true;
                break;
            case '[' or '{':
                _skipDepth++;
                break;
            case ']' or '}':
                if (--_skipDepth == 0)
                {
                    _state = State.BeforeRoot;
                }

                break;
        }
    }

    private void ExpectValue(char c)
    {
        switch (c)
        {
            case '{':
                Open(isArray: false);
                return;
            case '[':
                Open(isArray: true);
                return;
            case ']' when Top.IsArray:
                Close(); // an empty array, or a trailing comma
                return;
            case '"' or '\'' or '\u201C':
                BeginString(c, isName: false);
                return;
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            _token.Clear().Append(c);
            _state = State.InNumber;
        }
        else if (char.IsLetter(c))
        {
            _token.Clear().Append(c);
            _tokenIsName = false;
            _state = State.InWord;
        }
        else
        {
            _state = Fail($"expected a value, got '{c}'");
        }
    }

    private void ExpectMember(char c)
    {
        if (c == '}')
        {
            Close(); // an empty object, or a trailing comma
        }
        else if (c is '"' or '\'' or '\u201C')
        {
            BeginString(c, isName: true);
        }
        else if (char.IsLetter(c) || c is '_' or '$')
        {
            _token.Clear().Append(c);
            _tokenIsName = true;
            _state = State.InWord;
        }
        else
        {
            _state = Fail($"expected a member name or '}}', got '{c}'");
        }
    }

    private void AfterValue(char c)
    {
        if (c == ',')
        {
            _state = Top.IsArray ? State.ExpectValue : State.ExpectMember;
        }
        else if ((c == '}' && !Top.IsArray) || (c == ']' && Top.IsArray))
        {
            Close();
        }
        else
        {
            _state = Fail(Top.IsArray ? $"expected ',' or ']' in an array, got '{c}'" : $"expected ',' or '}}' in an object, got '{c}'");
        }
    }

    private void BeginString(char openingQuote, bool isName)
    {
        _token.Clear();
        _tokenIsName = isName;
        _closingQuote = openingQuote == '\u201C' ? '\u201D' : openingQuote;
        _state = State.InString;
    }

    private void Escape(char c)
    {
        _state = State.InString;
        switch (c)
        {
            case 'n':
                _token.Append('\n');
                break;
            case 't':
                _token.Append('\t');
                break;
            case 'r':
                _token.Append('\r');
                break;
            case 'b':
                _token.Append('\b');
                break;
            case 'f':
                _token.Append('\f');
                break;
            case 'u':
                _unicodeDigits = 0;
                _unicodeValue = 0;
                _state = State.InStringUnicode;
                break;
            default:
                _token.Append(c); // \" \\ \/ \' and escapes models invent: the character itself
                break;
        }
    }

    private void UnicodeDigit(char c)
    {
        int digit = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        if (digit < 0)
        {
            _state = Fail($"expected a hexadecimal digit in a \\u escape, got '{c}'");
            return;
        }

        _unicodeValue = (_unicodeValue << 4) | digit;
        if (++_unicodeDigits == 4)
        {
            _token.Append((char)_unicodeValue);
            _state = State.InString;
        }
    }

    private void EndString()
    {
        string text = _token.ToString();
        if (_tokenIsName)
        {
            Top.Node.OnMemberName(text);
            _state = State.ExpectColon;
        }
        else
        {
            Deliver(new JsonScalar(JsonScalarKind.String, text));
        }
    }

    private void EndNumber() => Deliver(new JsonScalar(JsonScalarKind.Number, _token.ToString()));

    private void EndWord()
    {
        string word = _token.ToString();
        if (_tokenIsName)
        {
            Top.Node.OnMemberName(word);
            _state = State.ExpectColon;
            return;
        }

        JsonScalarKind? kind = word switch
        {
            "true" or "True" or "TRUE" => JsonScalarKind.True,
            "false" or "False" or "FALSE" => JsonScalarKind.False,
            "null" or "None" or "NULL" or "Null" or "undefined" or "nil" => JsonScalarKind.Null,
            "NaN" or "Infinity" => JsonScalarKind.Number,
            _ => null,
        };
        if (kind is { } known)
        {
            Deliver(new JsonScalar(known, known == JsonScalarKind.Number ? word : ""));
        }
        else
        {
            _state = Fail($"expected a value, got the word '{word}'");
        }
    }

    private void Deliver(in JsonScalar scalar)
    {
        _delivered = true;
        Top.Node.OnScalar(scalar);
        _state = State.AfterValue;
    }

    private void Open(bool isArray)
    {
        if (_stack.Count == 0)
        {
            // A list is read from its wrapper too: {"value": [...]} hands the array to the root node.
            PartialJsonNode node = _rootIsArray && !isArray ? new WrapperNode(_root) : _root;
            _stack.Add(new Frame(node, isArray));
        }
        else if (_stack.Count >= MaxDepth)
        {
            _state = Fail($"the JSON is nested deeper than {MaxDepth} levels");
            return;
        }
        else
        {
            _stack.Add(new Frame(Top.Node.OnContainerStart(isArray), isArray));
        }

        _state = isArray ? State.ExpectValue : State.ExpectMember;
    }

    private void Close()
    {
        Frame closed = Top;
        _stack.RemoveAt(_stack.Count - 1);
        closed.Node.OnEnd();
        if (_stack.Count == 0)
        {
            // An object without the list in its "value" was not the wrapper but a value of another kind: go on looking.
            bool notTheAnswer = closed.Node is WrapperNode { HasValue: false };
            _state = notTheAnswer ? State.BeforeRoot : State.Done;
            return;
        }

        _delivered = true;
        Top.Node.OnContainerEnd(closed.Node);
        _state = State.AfterValue;
    }

    /// <summary>
    /// A false start in prose (nothing read from it yet) is abandoned and the search for the object goes on;
    /// otherwise reading stops.
    /// </summary>
    private State Fail(string reason)
    {
        if (!_delivered && _restarts < MaxRestarts)
        {
            _restarts++;
            _restarted = true;
            _stack.Clear();
            _token.Clear();
            return State.BeforeRoot;
        }

        Failure = $"{reason} (at character {_position.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        return State.Failed;
    }

    private Frame Top => _stack[_stack.Count - 1];

    private readonly record struct Frame(PartialJsonNode Node, bool IsArray);

    /// <summary>The <c>{"value": […]}</c> wrapper of a list: hands its <c>value</c> array to the list's node.</summary>
    private sealed class WrapperNode : PartialJsonNode
    {
        private readonly PartialJsonNode _list;
        private bool _atValue;

        public WrapperNode(PartialJsonNode list) => _list = list;

        public bool HasValue { get; private set; }

        public override void OnMemberName(string name) =>
            _atValue = !HasValue && Prompting.LooseNames.Equal(name, "value");

        public override void OnScalar(in JsonScalar value) => _atValue = false;

        public override PartialJsonNode OnContainerStart(bool isArray)
        {
            if (!_atValue || !isArray)
            {
                return Ignored;
            }

            HasValue = true;
            return _list;
        }
    }

    private enum State
    {
        BeforeRoot,
        ExpectValue,
        ExpectMember,
        ExpectColon,
        AfterValue,
        InString,
        InStringEscape,
        InStringUnicode,
        InNumber,
        InWord,
        CommentSlash,
        LineComment,
        BlockComment,
        BlockCommentStar,
        SkippingOtherValue,
        Done,
        Failed,
    }
}
