using System.Text;

namespace PromptGen.Generators.Templates;

/// <summary>
/// Translates the strftime-style format of Scriban's <c>date.to_string</c> into a .NET custom format string, for the
/// specifiers whose meaning is the same under the invariant culture. Anything else stays with Scriban (null).
/// </summary>
internal static class StrftimeFormat
{
    public static string? ToDotNet(string strftime)
    {
        var format = new StringBuilder();
        for (int i = 0; i < strftime.Length; i++)
        {
            char c = strftime[i];
            if (c != '%')
            {
                AppendLiteral(format, c);
                continue;
            }

            if (++i >= strftime.Length)
            {
                return null;
            }

            string? specifier = strftime[i] switch
            {
                'Y' => "yyyy",
                'm' => "MM",
                'd' => "dd",
                'H' => "HH",
                'I' => "hh",
                'M' => "mm",
                'S' => "ss",
                'b' => "MMM",
                'B' => "MMMM",
                'a' => "ddd",
                'A' => "dddd",
                'y' => "yy",
                _ => null,
            };
            if (specifier is null)
            {
                if (strftime[i] != '%')
                {
                    return null;
                }

                AppendLiteral(format, '%');
                continue;
            }

            format.Append(specifier);
        }

        return format.ToString();
    }

    /// <summary>Letters and the format's own metacharacters are escaped, so none is read as a .NET specifier.</summary>
    private static void AppendLiteral(StringBuilder format, char c)
    {
        if (char.IsLetter(c) || c is '\\' or '"' or '\'' or '%' or ':' or '/')
        {
            format.Append('\\');
        }

        format.Append(c);
    }
}
