using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromptGen.Package.Tests;

// How the README's C# blocks are compiled (the same text is in the README, "The README's code compiles"):
//
// - Every fenced block whose language is csharp (or cs, c#) is compiled; JSON, shell and other blocks are not.
// - Markers are HTML comments (invisible on GitHub) on the line(s) right above a block's opening fence:
//     <!-- block: NAME -->          names the block, so that later blocks can use its declarations;
//     <!-- compile-with: NAME -->   compiles the block together with the named block (and, in turn, with what that
//                                   one is compiled with); several names may be given, separated by commas;
//     <!-- no-compile: REASON -->   leaves the block out; the reason is required.
// - Each block is its own file, so it gets only the usings it shows. A block that no other block names is the root
//   of a project holding it and everything it is compiled with: an executable when one of its blocks has top-level
//   statements, a library otherwise. The project is what `dotnet new console` makes (implicit usings, nullable),
//   with warnings as errors, and references only the PromptGen package; `using PromptGen.Testing;` adds the
//   PromptGen.Testing package, and a `using Microsoft.AspNetCore...` makes it a web project (Microsoft.NET.Sdk.Web).
// - A marker anywhere else (not right above a fence, or above a block that is not C#), an unknown marker, a name
//   used twice, an unknown or skipped name, a cycle, or a README without any C# block to compile is a problem the
//   tests report.

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="Language">The fence's info string (first word), lower case; empty when none.</param>
/// <param name="FenceLine">The 1-based line of the opening fence.</param>
/// <param name="Code">The lines between the fences.</param>
/// <param name="Section">The text of the last level-2 heading (<c>## </c>) above the block; empty before the first.</param>
/// <param name="Markers">The marker comments right above the opening fence, as (line, key, value).</param>
internal sealed record MarkdownCodeBlock(string Language, int FenceLine, string Code, string Section, IReadOnlyList<ReadmeMarker> Markers)
{
    /// <summary>The 1-based line of the block's first line of code.</summary>
    public int FirstCodeLine => FenceLine + 1;

    public bool IsCSharp => Language is "csharp" or "cs" or "c#";
}

internal sealed record ReadmeMarker(int Line, string Key, string Value);

/// <summary>A C# block as the compile test sees it.</summary>
internal sealed record ReadmeBlock(MarkdownCodeBlock Source, string? Name, IReadOnlyList<string> CompileWith, string? SkipReason, CompilationUnitSyntax Syntax)
{
    public int Line => Source.FirstCodeLine;

    /// <summary>The namespaces (and alias targets) of the block's using directives, as written.</summary>
    public IReadOnlyList<string> Usings => Syntax.Usings.Select(u => u.NamespaceOrType.ToString()).ToList();

    public bool HasTopLevelStatements => Syntax.Members.OfType<GlobalStatementSyntax>().Any();
}

/// <summary>One project the compile test writes and builds: a root block and every block it is compiled with.</summary>
internal sealed record ReadmeProject(string Name, IReadOnlyList<ReadmeBlock> Blocks)
{
    public bool IsExecutable => Blocks.Any(b => b.HasTopLevelStatements);

    public bool IsWeb => Blocks.SelectMany(b => b.Usings).Any(u => u == "Microsoft.AspNetCore" || u.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));

    /// <summary>A block that wires OpenTelemetry up needs its hosting package (and nothing else of it).</summary>
    public bool UsesOpenTelemetry => Blocks.Any(b => b.Source.Code.Contains(".AddOpenTelemetry(", StringComparison.Ordinal));

    /// <summary>A block that maps the playground needs its package (the extension method is in ASP.NET Core's namespace).</summary>
    public bool UsesPlaygroundPackage => Blocks.Any(b => b.Source.Code.Contains(".MapPromptPlayground(", StringComparison.Ordinal));

    public bool UsesTestingPackage => Blocks.SelectMany(b => b.Usings).Any(u => u == "PromptGen.Testing" || u.StartsWith("PromptGen.Testing.", StringComparison.Ordinal));

    public string Describe() =>
        $"{Name} ({(IsWeb ? "web " : "")}{(IsExecutable ? "exe" : "library")}{(UsesTestingPackage ? ", PromptGen.Testing" : "")}): README lines {string.Join(", ", Blocks.Select(b => b.Line))}";
}

internal sealed record ReadmePlan(IReadOnlyList<ReadmeBlock> Blocks, IReadOnlyList<ReadmeProject> Projects, IReadOnlyList<string> Problems);

internal static partial class ReadmeBlocks
{
    private static readonly string[] MarkerKeys = { "block", "compile-with", "no-compile" };

    /// <summary>Every fenced code block of <paramref name="markdown"/>, with its section and markers; misplaced markers go to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> Read(string markdown, List<string> problems)
    {
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<MarkdownCodeBlock>();
        var pending = new List<ReadmeMarker>();
        string section = "";
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match fence = FencePattern().Match(line);
            if (fence.Success)
            {
                string fenceText = fence.Groups["fence"].Value;
                string language = fence.Groups["info"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? "";
                int fenceLine = i + 1;
                var code = new List<string>();
                for (i++; i < lines.Length && !IsClosingFence(lines[i], fenceText); i++)
                {
                    code.Add(lines[i]);
                }

                if (i == lines.Length)
                {
                    problems.Add($"README line {fenceLine}: the code block is never closed");
                }

                blocks.Add(new MarkdownCodeBlock(language, fenceLine, string.Join("\n", code) + "\n", section, pending.ToList()));
                pending.Clear();
                continue;
            }

            Match marker = MarkerPattern().Match(line);
            if (marker.Success)
            {
                pending.Add(new ReadmeMarker(i + 1, marker.Groups["key"].Value, marker.Groups["value"].Value.Trim()));
                continue;
            }

            foreach (ReadmeMarker stray in pending)
            {
                problems.Add($"README line {stray.Line}: the marker '{stray.Key}' is not on the line(s) right above a code block's fence");
            }

            pending.Clear();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line.Substring(3).Trim();
            }
        }

        foreach (ReadmeMarker stray in pending)
        {
            problems.Add($"README line {stray.Line}: the marker '{stray.Key}' is not on the line(s) right above a code block's fence");
        }

        return blocks;
    }

    /// <summary>The C# blocks of <paramref name="markdown"/>, and the projects that compile them, following the conventions above.</summary>
    public static ReadmePlan Plan(string markdown)
    {
        var problems = new List<string>();
        IReadOnlyList<MarkdownCodeBlock> code = Read(markdown, problems);
        var blocks = new List<ReadmeBlock>();
        foreach (MarkdownCodeBlock block in code)
        {
            if (!block.IsCSharp)
            {
                if (block.Markers.Count > 0)
                {
                    problems.Add($"README line {block.FenceLine}: markers on a '{block.Language}' block; only C# blocks are compiled");
                }

                continue;
            }

            blocks.Add(ToReadmeBlock(block, problems));
        }

        var named = new Dictionary<string, ReadmeBlock>(StringComparer.Ordinal);
        foreach (ReadmeBlock block in blocks.Where(b => b.Name is not null))
        {
            if (!named.TryAdd(block.Name!, block))
            {
                problems.Add($"README line {block.Line}: the block name '{block.Name}' is used by the block at line {named[block.Name!].Line} too");
            }
        }

        List<ReadmeBlock> compiled = blocks.Where(b => b.SkipReason is null).ToList();
        foreach (ReadmeBlock block in blocks)
        {
            foreach (string name in block.CompileWith)
            {
                if (!named.TryGetValue(name, out ReadmeBlock? target))
                {
                    problems.Add($"README line {block.Line}: 'compile-with: {name}' names no block");
                }
                else if (target.SkipReason is not null)
                {
                    problems.Add($"README line {block.Line}: 'compile-with: {name}' names a block that is not compiled");
                }
            }
        }

        var referenced = new HashSet<ReadmeBlock>(compiled.SelectMany(b => b.CompileWith).Where(named.ContainsKey).Select(n => named[n]));
        var projects = new List<ReadmeProject>();
        foreach (ReadmeBlock root in compiled.Where(b => !referenced.Contains(b)))
        {
            var members = new List<ReadmeBlock>();
            if (Collect(root, named, members, new List<ReadmeBlock>(), problems))
            {
                projects.Add(new ReadmeProject($"Readme_L{root.Line}", members.OrderBy(b => b.Line).ToList()));
            }
        }

        // A cycle leaves its blocks without a root; they must still be reported, not silently skipped.
        foreach (ReadmeBlock orphan in compiled.Where(b => !projects.Any(p => p.Blocks.Contains(b))))
        {
            if (Collect(orphan, named, new List<ReadmeBlock>(), new List<ReadmeBlock>(), problems))
            {
                problems.Add($"README line {orphan.Line}: the block is in no project");
            }
        }

        if (projects.Count == 0)
        {
            problems.Add("the README has no C# block to compile");
        }

        return new ReadmePlan(blocks, projects, problems.Distinct().ToList());
    }

    private static ReadmeBlock ToReadmeBlock(MarkdownCodeBlock block, List<string> problems)
    {
        string? name = null;
        string? skip = null;
        var compileWith = new List<string>();
        foreach (ReadmeMarker marker in block.Markers)
        {
            switch (marker.Key)
            {
                case "block" when marker.Value.Length == 0 || marker.Value.Contains(',', StringComparison.Ordinal):
                    problems.Add($"README line {marker.Line}: 'block:' needs one name");
                    break;
                case "block" when name is not null:
                    problems.Add($"README line {marker.Line}: the block already has the name '{name}'");
                    break;
                case "block":
                    name = marker.Value;
                    break;
                case "compile-with":
                    string[] names = marker.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (names.Length == 0)
                    {
                        problems.Add($"README line {marker.Line}: 'compile-with:' needs at least one block name");
                    }

                    compileWith.AddRange(names);
                    break;
                case "no-compile" when marker.Value.Length == 0:
                    problems.Add($"README line {marker.Line}: 'no-compile:' needs a reason");
                    break;
                case "no-compile":
                    skip = marker.Value;
                    break;
                default:
                    problems.Add($"README line {marker.Line}: unknown marker '{marker.Key}' (known: {string.Join(", ", MarkerKeys)})");
                    break;
            }
        }

        if (skip is not null && (name is not null || compileWith.Count > 0))
        {
            problems.Add($"README line {block.FenceLine}: a 'no-compile' block cannot be named or compiled with others");
        }

        var syntax = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        return new ReadmeBlock(block, name, compileWith, skip, syntax);
    }

    /// <summary>Adds <paramref name="block"/> and, first, everything it is compiled with; false on a cycle.</summary>
    private static bool Collect(ReadmeBlock block, Dictionary<string, ReadmeBlock> named, List<ReadmeBlock> members, List<ReadmeBlock> path, List<string> problems)
    {
        if (path.Contains(block))
        {
            problems.Add($"README line {block.Line}: compile-with cycle: {string.Join(" -> ", path.Append(block).Select(b => b.Name ?? $"line {b.Line}"))}");
            return false;
        }

        if (members.Contains(block))
        {
            return true;
        }

        path.Add(block);
        foreach (string name in block.CompileWith)
        {
            if (named.TryGetValue(name, out ReadmeBlock? dependency) && dependency.SkipReason is null && !Collect(dependency, named, members, path, problems))
            {
                return false;
            }
        }

        path.RemoveAt(path.Count - 1);
        members.Add(block);
        return true;
    }

    private static bool IsClosingFence(string line, string fence)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"^\s*<!--\s*(?<key>[a-z][a-z-]*)\s*:(?<value>.*?)-->\s*$")]
    private static partial Regex MarkerPattern();
}
