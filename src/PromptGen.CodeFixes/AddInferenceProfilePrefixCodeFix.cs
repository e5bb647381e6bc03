using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// PG0205: prefixes a base model id with an inference profile, one fix per geography the model is served under
/// (<c>us.</c>, <c>eu.</c>, <c>global.</c>…); where the data may be processed is the user's choice, not ours.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddInferenceProfilePrefixCodeFix)), Shared]
internal sealed class AddInferenceProfilePrefixCodeFix : CodeFixProvider
{
    public const string EquivalenceKeyPrefix = "PG0205.AddProfilePrefix:";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InferenceProfileRequired);

    // Fix-all applies the chosen geography everywhere: the same key means the same prefix.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.ProfilePrefixes, out string? joined) || string.IsNullOrEmpty(joined))
            {
                continue;
            }

            LiteralExpressionSyntax? literal = await ModelIdLiteral.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (ModelIdLiteral.ValueOf(literal) is not { } baseId)
            {
                continue;
            }

            foreach (string prefix in joined!.Split(FixProperties.Separator))
            {
                string profileId = prefix + "." + baseId;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use inference profile '{profileId}'",
                        cancellationToken => ModelIdLiteral.ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, profileId, cancellationToken),
                        EquivalenceKeyPrefix + prefix),
                    diagnostic);
            }
        }
    }
}
