using System.Collections.Generic;
using Scriban;
using Scriban.Parsing;

namespace PromptGen.Generators.Templates;

/// <summary>A syntax error in a template, as offsets into the template text.</summary>
internal readonly record struct TemplateError(string Message, int Start, int End);

/// <summary>Parses templates with the same Scriban the runtime uses, so what compiles here renders there.</summary>
internal static class TemplateSyntax
{
    public static IReadOnlyList<TemplateError> FindErrors(string template)
    {
        var errors = new List<TemplateError>();
        Template parsed;
        try
        {
            parsed = Template.Parse(template);
        }
        catch (System.Exception exception)
        {
            // Scriban reports errors as messages; an exception is its own bug, but the generator must not throw.
            errors.Add(new TemplateError(exception.Message, 0, template.Length));
            return errors;
        }

        foreach (LogMessage message in parsed.Messages)
        {
            if (message.Type != ParserMessageType.Error)
            {
                continue;
            }

            int start = message.Span.Start.Offset;
            int end = message.Span.End.Offset + 1; // Scriban's end position is inclusive
            errors.Add(new TemplateError(message.Message, start, end));
        }

        return errors;
    }
}
