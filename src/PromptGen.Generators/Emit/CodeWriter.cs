using System.Text;

namespace PromptGen.Generators.Emit;

/// <summary>An indenting text builder that writes "\n" line ends and leaves blank lines truly empty.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();

    public int Indent { get; set; }

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', Indent * 4).Append(line);
        }

        _text.Append('\n');
    }

    public void WriteLine() => _text.Append('\n');

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
