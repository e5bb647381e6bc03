using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// PG0204 (end of life) and PG0203 (legacy): replaces the model with the successor the catalog names. The analyzer
/// already made the successor callable, keeping the user's profile geography, so the fix writes it as given.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWithSuccessorModelCodeFix)), Shared]
internal sealed class ReplaceWithSuccessorModelCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "PG0204.UseSuccessor";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.EndOfLifeModel, DiagnosticIds.LegacyModel);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.SuccessorModelId, out string? successor)
                || string.IsNullOrEmpty(successor)
                || await ModelIdLiteral.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use successor model '{successor}'",
                    cancellationToken => ModelIdLiteral.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, successor!, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
