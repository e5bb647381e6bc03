using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PromptGen.Generators.Diagnostics;

namespace PromptGen.CodeFixes;

/// <summary>PG0101: replaces a misspelt template variable with the parameter the analyzer suggested.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceTemplateVariableCodeFix)), Shared]
internal sealed class ReplaceTemplateVariableCodeFix : TemplateNameCodeFix
{
    public const string EquivalenceKey = "PG0101.UseSuggestedParameter";

    public ReplaceTemplateVariableCodeFix()
        : base(DiagnosticIds.UnknownTemplateVariable, FixProperties.SuggestedVariable, "Use parameter", EquivalenceKey)
    {
    }
}
