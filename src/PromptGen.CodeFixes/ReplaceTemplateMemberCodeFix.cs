using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>
/// PG0103: replaces a misspelt member in a template (<c>{{ ticket.titel }}</c>) with the member the analyzer suggested,
/// spelt as templates read it (<c>title</c>, <c>created_at</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceTemplateMemberCodeFix)), Shared]
internal sealed class ReplaceTemplateMemberCodeFix : TemplateNameCodeFix
{
    public const string EquivalenceKey = "PG0103.UseSuggestedMember";

    public ReplaceTemplateMemberCodeFix()
        : base(DiagnosticIds.UnknownTemplateMember, FixProperties.SuggestedMember, "Use member", EquivalenceKey)
    {
    }
}
