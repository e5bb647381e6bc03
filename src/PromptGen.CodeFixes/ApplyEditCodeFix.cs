using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// Applies the edit a diagnostic carries (<see cref="FixProperties.EditStart"/>): PG0100 (close an unclosed <c>{{</c>,
/// write <c>}}</c> for a lone <c>}</c>, drop a stray <c>{{</c>), PG0106 (Scriban's function for a Liquid or Jinja filter,
/// <c>end</c> for <c>endif</c>, <c>{{ name }}</c> for <c>{name}</c>, …) and PG0006 (remove <c>ref</c>, <c>in</c> or
/// <c>ref readonly</c>). The diagnostic computed the edit where it knew the template and its literal; the fix only
/// checks that the source still holds the text the edit replaces, so it never guesses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApplyEditCodeFix)), Shared]
internal sealed class ApplyEditCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.TemplateSyntaxError,
        DiagnosticIds.OtherTemplateLanguageSyntax,
        DiagnosticIds.UnsupportedParameter);

    // Each diagnostic carries its own edit, so fixing all applies each one's.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (ReadEdit(diagnostic, text) is not { } edit)
            {
                continue;
            }

            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    edit.Title,
                    cancellationToken => ApplyAsync(document, edit.Change, cancellationToken),
                    diagnostic.Id + ".Edit"),
                diagnostic);
        }
    }

    /// <summary>The edit, when the diagnostic carries one and the source still holds the text it replaces.</summary>
    internal static (TextChange Change, string Title)? ReadEdit(Diagnostic diagnostic, SourceText text)
    {
        ImmutableDictionary<string, string?> properties = diagnostic.Properties;
        if (!properties.TryGetValue(FixProperties.EditStart, out string? startText)
            || !properties.TryGetValue(FixProperties.EditLength, out string? lengthText)
            || !properties.TryGetValue(FixProperties.EditOriginal, out string? original)
            || !properties.TryGetValue(FixProperties.EditReplacement, out string? replacement)
            || !properties.TryGetValue(FixProperties.EditTitle, out string? title)
            || !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out int start)
            || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int length)
            || original is null || replacement is null || string.IsNullOrEmpty(title)
            || start + length > text.Length)
        {
            return null;
        }

        var span = new TextSpan(start, length);
        return text.ToString(span) == original ? (new TextChange(span, replacement), title!) : null;
    }

    private static async Task<Document> ApplyAsync(Document document, TextChange change, CancellationToken cancellationToken)
    {
        SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(change));
    }
}
