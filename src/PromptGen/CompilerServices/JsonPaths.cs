using System.Globalization;
using System.Text;

namespace PromptGen.CompilerServices;

/// <summary>Builds the JSONPath strings that locate errors: <c>$.order.items[2]</c>, <c>$['odd key']</c>.</summary>
/// <remarks>Generated code builds paths with <see cref="JsonPath"/>, which calls this only when an error is reported.</remarks>
internal static class JsonPaths
{
    /// <summary>The path of the whole answer.</summary>
    public const string Root = "$";

    /// <summary><c>parent.name</c> when the name is an identifier, else <c>parent['name']</c> with <c>'</c> and <c>\</c> escaped.</summary>
    public static string Member(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return parent + "." + name;
        }

        var quoted = new StringBuilder(parent.Length + name.Length + 4).Append(parent);
        AppendMember(quoted, name);
        return quoted.ToString();
    }

    /// <summary>Appends <c>.name</c>, or <c>['name']</c> with <c>'</c> and <c>\</c> escaped when the name is not an identifier.</summary>
    public static void AppendMember(StringBuilder path, string name)
    {
        if (IsIdentifier(name))
        {
            path.Append('.').Append(name);
            return;
        }

        path.Append("['");
        foreach (char c in name)
        {
            if (c is '\'' or '\\')
            {
                path.Append('\\');
            }

            path.Append(c);
        }

        path.Append("']");
    }

    /// <summary><c>parent[index]</c>.</summary>
    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] is '_' or '$'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(IsAsciiLetter(c) || c is >= '0' and <= '9' || c is '_' or '$'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
