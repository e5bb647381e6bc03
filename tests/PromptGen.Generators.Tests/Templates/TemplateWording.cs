using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Xunit;

namespace PromptGen.Generators.Tests.Templates;

/// <summary>Holds template diagnostics to PromptGen's own words: none repeats what Scriban's parser says.</summary>
internal static class TemplateWording
{
    /// <summary>Phrases of Scriban's parser and lexer messages, which a user cannot act on.</summary>
    private static readonly string[] ScribanPhrases =
    {
        "Expecting", "<expression>", "<EOL>", "Invalid token", "while parsing", "Unexpected token", "object initializer",
        "CodeExit", "not terminated by", "Error while", "<end>", "Found <", "no matching {", "end of line",
    };

    private static readonly Regex Position = new(@"\(\d+,\d+\)", RegexOptions.CultureInvariant);

    public static void AssertOwnWords(string template, string message)
    {
        foreach (string phrase in ScribanPhrases)
        {
            Assert.False(message.Contains(phrase, StringComparison.Ordinal), $"'{message}' quotes Scriban ('{phrase}') for template '{template}'");
        }

        foreach (string scriban in ScribanMessages(template))
        {
            Assert.False(message.Contains(scriban, StringComparison.Ordinal), $"'{message}' quotes Scriban's '{scriban}' for template '{template}'");
        }

        Assert.False(Position.IsMatch(message), $"'{message}' gives a position in Scriban's (line,column) form");
    }

    /// <summary>Everything Scriban's parser and lexer say about <paramref name="template"/>.</summary>
    public static IEnumerable<string> ScribanMessages(string template)
    {
        var messages = new List<string>();
        try
        {
            messages.AddRange(Template.Parse(template).Messages.Select(message => message.Message));
            var lexer = new Lexer(template);
            foreach (Token _ in lexer)
            {
            }

            if (lexer.HasErrors)
            {
                messages.AddRange(lexer.Errors.Select(error => error.Message));
            }
        }
        catch (Exception)
        {
            // Scriban's own bug; the diagnosis must still word it, which the phrases check.
        }

        return messages.Where(message => message.Length > 8);
    }
}
