using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Package.Tests;

/// <summary>
/// Which namespaces the README's C# blocks open. The tour is every level-2 section except the opt-in areas below,
/// each of which may add its own one namespace: there, and only there, a block may use more than <c>PromptGen</c>.
/// </summary>
internal static class ReadmeTour
{
    /// <summary>Opt-in sections (by the start of their <c>## </c> heading) and the one PromptGen namespace each adds.</summary>
    public static readonly IReadOnlyDictionary<string, string> OptInSections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["The local Bedrock emulator"] = "PromptGen.Testing",
        ["Microsoft.Extensions.AI"] = "PromptGen.AI",
        ["Calling Converse yourself"] = "PromptGen.Bedrock",
        ["Batch inference"] = "PromptGen.Batch",
    };

    /// <summary>The opt-in namespace of <paramref name="section"/>, or null when the section is part of the tour.</summary>
    public static string? OptInNamespaceOf(string section) =>
        OptInSections.FirstOrDefault(entry => section.StartsWith(entry.Key, StringComparison.Ordinal)).Value;

    /// <summary>
    /// What breaks "the tour needs one namespace": a PromptGen namespace other than <c>PromptGen</c> in a tour
    /// block (in a using directive or a qualified name), another PromptGen namespace than its own in an opt-in
    /// block, any <c>Amazon.*</c> namespace anywhere, or a tour that never opens <c>PromptGen</c> at all.
    /// </summary>
    public static IReadOnlyList<string> Problems(string markdown)
    {
        var problems = new List<string>();
        IReadOnlyList<MarkdownCodeBlock> blocks = ReadmeBlocks.Read(markdown, problems);
        var tourNamespaces = new SortedSet<string>(StringComparer.Ordinal);
        int tourBlocks = 0;
        foreach (MarkdownCodeBlock block in blocks.Where(b => b.IsCSharp))
        {
            string? optIn = OptInNamespaceOf(block.Section);
            tourBlocks += optIn is null ? 1 : 0;
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            string where = optIn is null ? $"in the tour (section '{block.Section}')" : $"in the opt-in section '{block.Section}'";

            foreach (UsingDirectiveSyntax directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                string name = StripGlobal(directive.NamespaceOrType.ToString());
                int line = block.FirstCodeLine + directive.GetLocation().GetLineSpan().StartLinePosition.Line;
                if (IsIn(name, "Amazon"))
                {
                    problems.Add($"README line {line}: 'using {name};' {where}: the README needs no AWS SDK namespace");
                }

                if (!IsIn(name, "PromptGen"))
                {
                    continue;
                }

                if (optIn is null)
                {
                    tourNamespaces.Add(name);
                    if (name != "PromptGen")
                    {
                        problems.Add($"README line {line}: 'using {name};' {where}: the tour needs 'using PromptGen;' only");
                    }
                }
                else if (name != "PromptGen" && name != optIn)
                {
                    problems.Add($"README line {line}: 'using {name};' {where}, whose namespace is {optIn}");
                }
            }

            // A qualified name reaches a namespace without a using: PromptGen.Bedrock.Message, Amazon.Runtime.X...
            foreach (SyntaxNode node in root.DescendantNodes().Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax))
            {
                if (node.Ancestors().Any(a => a is UsingDirectiveSyntax) || node.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax)
                {
                    continue;
                }

                string text = StripGlobal(string.Concat(node.ToString().Where(c => !char.IsWhiteSpace(c))));
                int line = block.FirstCodeLine + node.GetLocation().GetLineSpan().StartLinePosition.Line;
                if (text.StartsWith("Amazon.", StringComparison.Ordinal))
                {
                    problems.Add($"README line {line}: '{text}' {where}: the README needs no AWS SDK namespace");
                }
                else if (text.StartsWith("PromptGen.", StringComparison.Ordinal) && optIn is null)
                {
                    problems.Add($"README line {line}: '{text}' {where}: the tour names types without their namespace (using PromptGen;)");
                }
            }
        }

        if (tourBlocks == 0)
        {
            problems.Add("the README has no C# block in the tour");
        }
        else if (!tourNamespaces.Contains("PromptGen"))
        {
            // Any other PromptGen namespace was reported at its line above.
            problems.Add("the tour shows no 'using PromptGen;': it must open exactly one PromptGen namespace, PromptGen");
        }

        return problems;
    }

    private static bool IsIn(string name, string root) => name == root || name.StartsWith(root + ".", StringComparison.Ordinal);

    private static string StripGlobal(string name) => name.StartsWith("global::", StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
}
