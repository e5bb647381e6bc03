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

    public override string ToString() => _text.ToString();
}
