using Microsoft.CodeAnalysis.CSharp;

namespace PromptGen.Generators.Emit;

/// <summary>Names the generated code takes from the user's members.</summary>
internal static class Names
{
    /// <summary>
    /// <c>TicketId</c> → <c>ticketId</c>, <c>URLValue</c> → <c>urlValue</c>, <c>ID</c> → <c>id</c>; a name that does not
    /// start with a capital is kept.
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name.Length == 0 ? "member" : name;
        }

        int upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        // In "URLValue" the last capital starts the next word.
        int lower = upper > 1 && upper < name.Length && char.IsLower(name[upper]) ? upper - 1 : upper;
        return name.Substring(0, lower).ToLowerInvariant() + name.Substring(lower);
    }

    /// <summary>A name as C# source: with '@' when it is a keyword (<c>@class</c>).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
