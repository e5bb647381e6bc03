using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// PG0103: replaces a misspelt member in a template (<c>{{ ticket.titel }}</c>) with the member the analyzer
/// suggested, spelt as templates read it (<c>title</c>, <c>created_at</c>). The diagnostic spans exactly the member's
/// characters inside the literal, so nothing else in the template changes. No suggestion, no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceTemplateMemberCodeFix)), Shared]
public sealed class ReplaceTemplateMemberCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "PG0103.UseSuggestedMember";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownTemplateMember);

    // Each diagnostic carries its own suggestion, so fixing all applies each one's.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            string? suggestion = await TemplateNameReplacement.SuggestionAsync(context.Document, diagnostic, FixProperties.SuggestedMember, context.CancellationToken).ConfigureAwait(false);
            if (suggestion is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use member '{suggestion}'",
                        cancellationToken => TemplateNameReplacement.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, suggestion, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
