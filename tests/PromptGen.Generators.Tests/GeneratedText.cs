using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Generators.Tests;

/// <summary>Reads generated code the way its tests need it: wrapped lines joined, schema constants as compact JSON.</summary>
internal static class GeneratedText
{
    /// <summary>
    /// The code with the generator's line wrapping undone (whitespace runs become one space, none follows an opening
    /// or precedes a closing parenthesis, and an initializer's last comma goes), so a test can look for a call or an
    /// initializer whatever its length.
    /// </summary>
    public static string Flat(string code)
    {
        string flat = Regex.Replace(code, @"\s+", " ");
        flat = Regex.Replace(flat, @"\( ", "(");
        flat = Regex.Replace(flat, @" \)", ")");
        return Regex.Replace(flat, @", \}", " }");
    }

    /// <summary>The JSON schema constants of the generated code (<c>TicketTriageSchema</c>...), compact, by name.</summary>
    public static IReadOnlyDictionary<string, string> Schemas(string code) =>
        CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions).GetRoot().DescendantNodes()
            .OfType<FieldDeclarationSyntax>()
            .Where(field => field.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(field => field.Declaration.Variables)
            .Where(variable => variable.Identifier.ValueText.EndsWith("Schema", StringComparison.Ordinal))
            .ToDictionary(
                variable => variable.Identifier.ValueText,
                variable => Compact(((LiteralExpressionSyntax)variable.Initializer!.Value).Token.ValueText),
                StringComparer.Ordinal);

    /// <summary>The one JSON schema constant of the generated code, compact.</summary>
    public static string Schema(string code) => Schemas(code).Values.Single();

    /// <summary>JSON without the whitespace between its tokens, as the runtime sends a schema.</summary>
    public static string Compact(string json)
    {
        var compact = new StringBuilder(json.Length);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                compact.Append(c);
                if (c == '\\')
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
            else if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        return compact.ToString();
    }
}
