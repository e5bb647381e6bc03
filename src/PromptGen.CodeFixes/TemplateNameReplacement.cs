using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// Replacing a misspelt name in a template (PG0101, PG0103): the diagnostic spans exactly the name's characters inside
/// the literal, so only those change. When the template does not come from one literal (a constant, a concatenation,
/// an interpolation hole) the diagnostic spans a whole expression, and there is nothing safe to replace.
/// </summary>
internal static class TemplateNameReplacement
{
    /// <summary>The suggestion, when the diagnostic carries one and its span spells exactly the typed name.</summary>
    public static async Task<string?> SuggestionAsync(Document document, Diagnostic diagnostic, string suggestionKey, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(suggestionKey, out string? suggestion)
            || string.IsNullOrEmpty(suggestion)
            || !diagnostic.Properties.TryGetValue(FixProperties.TypedName, out string? typed)
            || string.IsNullOrEmpty(typed))
        {
            return null;
        }

        SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        TextSpan span = diagnostic.Location.SourceSpan;
        return span.End <= text.Length && text.ToString(span) == typed ? suggestion : null;
    }

    public static async Task<Document> ReplaceAsync(Document document, TextSpan span, string suggestion, CancellationToken cancellationToken)
    {
        SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, suggestion)));
    }
}
