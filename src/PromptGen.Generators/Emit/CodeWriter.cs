using System.Collections.Generic;
using System.Text;

namespace PromptGen.Generators.Emit;

/// <summary>
/// An indenting text builder that writes "\n" line ends, leaves blank lines truly empty and wraps a line of code
/// longer than <see cref="MaxLineLength"/> at its outermost argument list (see <see cref="LineWrapper"/>).
/// </summary>
internal sealed class CodeWriter
{
    /// <summary>Where a line of code is wrapped, indentation included; string data may run past it.</summary>
    public const int MaxLineLength = 140;

    private readonly StringBuilder _text = new();

    public int Indent { get; set; }

    public void WriteLine(string line)
    {
        if (line.Length == 0)
        {
            _text.Append('\n');
            return;
        }

        foreach ((int indent, string text) in LineWrapper.Wrap(line, Indent * 4, MaxLineLength))
        {
            _text.Append(' ', (Indent + indent) * 4).Append(text).Append('\n');
        }
    }

    public void WriteLine() => _text.Append('\n');

    /// <summary>Whether <paramref name="line"/> fits on one line at the current indentation.</summary>
    public bool Fits(string line) => (Indent * 4) + line.Length <= MaxLineLength;

    /// <summary>
    /// Writes <c>{head} = new()</c> and an object initializer block with <paramref name="members"/>, ending in
    /// <c>};</c>. When that line is too long, <c>new()</c> goes on the next line, or, when the declared type alone is
    /// too long, the name does (see <see cref="LineWrapper"/>); the block is then indented below it.
    /// </summary>
    public void WriteNewObject(string head, IEnumerable<string> members, string creation = "new()")
    {
        bool fits = Fits($"{head} = {creation}");
        if (fits)
        {
            WriteLine($"{head} = {creation}");
        }
        else if (Fits($"{head} ="))
        {
            WriteLine($"{head} =");
            Indent++;
            WriteLine(creation);
        }
        else
        {
            WriteLine($"{head} = {creation}");
            Indent++;
        }

        OpenBlock();
        foreach (string member in members)
        {
            WriteLine(member + ",");
        }

        Indent--;
        WriteLine("};");
        if (!fits)
        {
            Indent--;
        }
    }

    /// <summary>Writes the items of a list, each followed by a comma, as many on a line as fit.</summary>
    public void WriteFilled(IEnumerable<string> items)
    {
        var line = new StringBuilder();
        foreach (string item in items)
        {
            if (line.Length > 0 && !Fits(line + " " + item + ","))
            {
                WriteLine(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(item).Append(',');
        }

        if (line.Length > 0)
        {
            WriteLine(line.ToString());
        }
    }

    /// <summary>Writes a line as it is, indented but never wrapped: a line inside a raw string literal.</summary>
    public void WriteUnwrapped(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', Indent * 4).Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes "{" and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        Indent++;
    }

    /// <summary>Ends the block opened by <see cref="OpenBlock"/>.</summary>
    public void CloseBlock()
    {
        Indent--;
        WriteLine("}");
    }

    public override string ToString() => _text.ToString();
}
