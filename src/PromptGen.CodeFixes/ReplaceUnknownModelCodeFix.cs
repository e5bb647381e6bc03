using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>PG0201: one fix per model id the catalog suggests for an unknown one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnknownModelCodeFix)), Shared]
internal sealed class ReplaceUnknownModelCodeFix : CodeFixProvider
{
    public const string EquivalenceKeyPrefix = "PG0201.UseModel:";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownModel);

    // No fix-all: each unknown id has its own candidates, and picking one for every place is a guess.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.SuggestedModelIds, out string? joined) || string.IsNullOrEmpty(joined))
            {
                continue;
            }

            LiteralExpressionSyntax? literal = await ModelIdLiteral.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (literal is null)
            {
                continue;
            }

            foreach (string suggestion in joined!.Split(FixProperties.Separator))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use model '{suggestion}'",
                        cancellationToken => ModelIdLiteral.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, suggestion, cancellationToken),
                        EquivalenceKeyPrefix + suggestion),
                    diagnostic);
            }
        }
    }
}
