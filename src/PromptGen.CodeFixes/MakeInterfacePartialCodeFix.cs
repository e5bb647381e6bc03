using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>PG0001: adds <c>partial</c> to a [PromptClient] interface, so the generator can add its Create method.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeInterfacePartialCodeFix)), Shared]
internal sealed class MakeInterfacePartialCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "PG0001.MakePartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PromptClientNotPartial);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // The diagnostic underlines the interface's name.
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is InterfaceDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Make '{declaration.Identifier.ValueText}' partial",
                        cancellationToken => MakePartialAsync(context.Document, declaration, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> MakePartialAsync(Document document, InterfaceDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, WithPartial(declaration)));
    }

    /// <summary>
    /// <c>partial</c> must stand right before <c>interface</c>. With no other modifier it takes over the keyword's
    /// leading trivia (the indentation after the attributes), so the layout stays as written.
    /// </summary>
    private static InterfaceDeclarationSyntax WithPartial(InterfaceDeclarationSyntax declaration)
    {
        SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        SyntaxToken keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia(SyntaxTriviaList.Empty))
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
