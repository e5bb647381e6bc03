using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PromptGen.CodeFixes;

/// <summary>
/// Replaces a misspelt name inside a template with the one the analyzer suggested. The diagnostic spans exactly the
/// name's characters inside the literal (verbatim, raw and escaped strings mapped), so only those characters change
/// and the rest of the template stays byte for byte. No suggestion, no fix.
/// </summary>
internal abstract class TemplateNameCodeFix : CodeFixProvider
{
    private readonly string _suggestionProperty;
    private readonly string _titlePrefix;
    private readonly string _equivalenceKey;

    private protected TemplateNameCodeFix(string diagnosticId, string suggestionProperty, string titlePrefix, string equivalenceKey)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _suggestionProperty = suggestionProperty;
        _titlePrefix = titlePrefix;
        _equivalenceKey = equivalenceKey;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    // Each diagnostic carries its own suggestion, so fixing all applies each one's.
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            string? suggestion = await TemplateNameReplacement.SuggestionAsync(context.Document, diagnostic, _suggestionProperty, context.CancellationToken).ConfigureAwait(false);
            if (suggestion is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"{_titlePrefix} '{suggestion}'",
                        cancellationToken => TemplateNameReplacement.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, suggestion, cancellationToken),
                        _equivalenceKey),
                    diagnostic);
            }
        }
    }
}
