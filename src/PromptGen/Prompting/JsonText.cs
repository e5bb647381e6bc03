using System.Text;

namespace PromptGen.Prompting;

/// <summary>Whitespace in JSON text.</summary>
internal static class JsonText
{
    /// <summary>
    /// <paramref name="json"/> without the whitespace between its tokens; strings are kept exactly as written. The
    /// generated code keeps schemas pretty-printed for its readers, while Bedrock and the prompt get them compact
    /// (every space is a token the caller pays for). Text that has no such whitespace is returned as is.
    /// </summary>
    public static string Minify(string json)
    {
        if (!HasWhitespaceBetweenTokens(json))
        {
            return json;
        }

        var compact = new StringBuilder(json.Length);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                compact.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    compact.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                compact.Append(c);
            }
            else if (!IsWhitespace(c))
            {
                compact.Append(c);
            }
        }

        return compact.ToString();
    }

    private static bool HasWhitespaceBetweenTokens(string json)
    {
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (IsWhitespace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>JSON's insignificant whitespace (RFC 8259): space, tab, line feed, carriage return.</summary>
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
