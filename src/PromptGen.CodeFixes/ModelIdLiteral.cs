using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PromptGen.CodeFixes;

/// <summary>
/// The model-id string literal a PG02xx diagnostic underlines, and how to write another id in its place. Only a plain
/// literal is rewritten: an id that comes from a constant is shared, and changing the constant is the user's call.
/// </summary>
internal static class ModelIdLiteral
{
    public static async Task<LiteralExpressionSyntax?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root?.FindNode(span, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;
    }

    public static async Task<Document> ReplaceAsync(Document document, TextSpan span, string newId, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        LiteralExpressionSyntax? literal = await FindAsync(document, span, cancellationToken).ConfigureAwait(false);
        if (root is null || literal is null)
        {
            return document;
        }

        LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(newId))
            .WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
    }

    /// <summary>The id as written (the literal's value), or null when the diagnostic is not on a plain literal.</summary>
    public static string? ValueOf(LiteralExpressionSyntax? literal) => literal?.Token.ValueText;
}
