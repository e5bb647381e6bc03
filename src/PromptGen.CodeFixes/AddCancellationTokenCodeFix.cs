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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// PG0007: appends <c>CancellationToken cancellationToken = default</c> to a prompt method. The type is written fully
/// qualified and left to the simplifier and import adder, so it reads <c>CancellationToken</c> and a
/// <c>using System.Threading;</c> appears only when the file lacks one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCancellationTokenCodeFix)), Shared]
internal sealed class AddCancellationTokenCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "PG0007.AddCancellationToken";

    private const string ParameterName = "cancellationToken";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingCancellationToken);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // The diagnostic underlines the method's name. After a params array no parameter may follow: no fix.
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is MethodDeclarationSyntax method
                && !(method.ParameterList.Parameters.LastOrDefault()?.Modifiers.Any(SyntaxKind.ParamsKeyword) ?? false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add 'CancellationToken cancellationToken = default'",
                        cancellationToken => AddParameterAsync(context.Document, method, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddParameterAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        MethodDeclarationSyntax updated = method.WithParameterList(Append(method.ParameterList, CreateParameter(method)));
        Document withParameter = document.WithSyntaxRoot(root.ReplaceNode(method, updated));
        Document withImport = await ImportAdder.AddImportsAsync(withParameter, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(withImport, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ParameterSyntax CreateParameter(MethodDeclarationSyntax method)
    {
        TypeSyntax type = SyntaxFactory.ParseTypeName("global::System.Threading.CancellationToken")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return SyntaxFactory.Parameter(SyntaxFactory.Identifier(UnusedName(method)))
            .WithType(type.WithTrailingTrivia(SyntaxFactory.Space))
            .WithDefault(SyntaxFactory.EqualsValueClause(
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression)));
    }

    /// <summary><c>cancellationToken</c>, or <c>cancellationToken2</c>… when a parameter already has that name.</summary>
    private static string UnusedName(MethodDeclarationSyntax method)
    {
        string name = ParameterName;
        for (int suffix = 2; method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name); suffix++)
        {
            name = ParameterName + suffix;
        }

        return name;
    }

    /// <summary>
    /// Appends keeping the list's layout: the comma copies the previous comma's trailing trivia (a space, or a line
    /// break in a list written one parameter per line) and the parameter copies the last one's indentation.
    /// </summary>
    private static ParameterListSyntax Append(ParameterListSyntax list, ParameterSyntax parameter)
    {
        SeparatedSyntaxList<ParameterSyntax> parameters = list.Parameters;
        if (parameters.Count == 0)
        {
            return list.WithParameters(parameters.Add(parameter));
        }

        SyntaxTriviaList afterComma = parameters.SeparatorCount > 0
            ? parameters.GetSeparator(parameters.SeparatorCount - 1).TrailingTrivia
            : SyntaxFactory.TriviaList(SyntaxFactory.Space);
        SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(afterComma);
        ParameterSyntax last = parameters[parameters.Count - 1];
        var nodesAndTokens = parameters.GetWithSeparators()
            .Add(comma)
            .Add(parameter.WithLeadingTrivia(parameters.SeparatorCount > 0 ? last.GetLeadingTrivia() : SyntaxTriviaList.Empty));
        return list.WithParameters(SyntaxFactory.SeparatedList<ParameterSyntax>(nodesAndTokens));
    }
}
