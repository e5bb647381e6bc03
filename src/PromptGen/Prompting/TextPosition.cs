using System.Globalization;

namespace PromptGen.Prompting;

/// <summary>Turns an index into "line 3, column 14", computed only when an error needs it.</summary>
internal static class TextPosition
{
    public static string Describe(string text, int index)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return index >= text.Length
            ? string.Create(CultureInfo.InvariantCulture, $"at the end of the answer, line {line}")
            : string.Create(CultureInfo.InvariantCulture, $"at line {line}, column {index - lineStart + 1}");
    }
}
