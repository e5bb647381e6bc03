using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// PG0101: replaces a misspelt template variable with the parameter the analyzer suggested. The diagnostic already
/// spans exactly the variable's characters inside the literal (verbatim, raw and escaped strings mapped), so only
/// those characters change and the rest of the template stays byte for byte.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceTemplateVariableCodeFix)), Shared]
public sealed class ReplaceTemplateVariableCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "PG0101.UseSuggestedParameter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownTemplateVariable);

    // Each diagnostic carries its own suggestion, so fixing all applies each one's.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            string? suggestion = await TemplateNameReplacement.SuggestionAsync(context.Document, diagnostic, FixProperties.SuggestedVariable, context.CancellationToken).ConfigureAwait(false);
            if (suggestion is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use parameter '{suggestion}'",
                        cancellationToken => TemplateNameReplacement.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, suggestion, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
