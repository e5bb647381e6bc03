using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Broken C# as an IDE sees it while someone types: every prefix of the samples' prompt files, seeded random
/// deletions, each bracket or quote missing in turn, half-typed attributes and half-typed templates.
/// </summary>
internal static class NeverThrowSources
{
    private static readonly string[] PromptFiles =
    {
        "samples/QuickStart/Prompts.cs",
        "tests/PromptGen.EndToEnd.Tests/ReviewPrompts.cs",
        "tests/PromptGen.EndToEnd.Tests/OrderPrompts.cs",
        "samples/ToolCalling/Prompts.cs",
    };

    private static readonly string[] HalfTypedAttributes =
    {
        "[Prompt(", "[Prompt(\"Hello {{ na", "[Prompt(\"\"\"\n  Hi {{", "[Model(", "[Model(\"us.", "[Inference(MaxTokens = ",
        "[Inference(Temperature = 2.5f, MaxTokens = -1)]", "[StructuredOutput(Strategy = (PromptGen.StructuredOutputStrategy)99, MaxRepairAttempts = -5)]",
        "[SystemPrompt(null)]", "[Prompt(null)]", "[Prompt(\"\")]", "[PromptClient(Model = 42)]", "[Prompt($\"{{x}}\")]",
        "[Prompt(\"a\" + \"b\")]", "[Prompt(nameof(Ticket))]", "[Model(Id)]", "[Prompt(\"{{ x }}\", \"extra\")]", "[Prompt]",
        "[Prompt(\"x\")][Prompt(\"y\")]", "[Inference(StopSequences = new[] { \"\", null })]", "[Inference(StopSequences = null)]",
        "[Prompt(\"\\uD800 {{ }}\")]", "[Model(\"\")]", "[Model(\"arn:aws:bedrock:::\")]", "[NotInTemplate(", "[Prompt(\"{{\"", "[",
        "[ToolLoop(", "[ToolLoop(MaxIterations = ", "[ToolLoop(Choice = (PromptGen.ToolChoiceMode)9, Tool = null)]", "[ToolLoop(MaxIterations = -1, Tool = 42)]",
        "[Tool(", "[Tool(null)]", "[Tool(\"\")]",
    };

    private static readonly string[] HalfTypedTemplates =
    {
        "{{", "{{ }}", "{{ for x in ", "{{ end }}", "{{ if }}", "{{ ticket. }}", "{{ ticket.title | }}", "{{ func f }}",
        "{{ 1/0 }}", "}}{{", "{{{{", "{{ x = ticket }}{{ x.nope }}", "{{ ticket.tags[ }}", "{{ ticket.tags[99999999999] }}",
        "{{ " + new string('(', 300) + " }}", "{{ review.", "{{ review | string.upcase | }}", "{{ for t in ticket.tags }}{{ t.",
        "{{ include 'x' }}", "{{ capture c }}", "{{- -}}", "{{ ~ }}", "{{ while true }}{{ end }}", "{{ $0 }}", "{{ @ }}",
        "{{ \"unterminated }}", "{{ ticket.title \\\" }}", "{{ 'a' + }}",
    };

    /// <summary>
    /// Set (to 1) by CI: every third prefix of the prompt files and every other breakage. A developer's
    /// <c>dotnet test</c> takes every twelfth prefix and a fixed third of the other breakages (chosen by a stable hash
    /// of their names, so every kind and every half-typed fragment stays represented), so the suite stays quick.
    /// </summary>
    public const string FullCorpusVariable = "PROMPTGEN_FULL_CORPUS";

    public static bool IsFull => Environment.GetEnvironmentVariable(FullCorpusVariable) == "1";

    public static IReadOnlyList<(string Name, string Source)> All()
    {
        int prefixStep = IsFull ? 3 : 12;
        var sources = new List<(string, string)>();
        var random = new Random(20251125);
        foreach (string relative in PromptFiles)
        {
            string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative)).Replace("\r\n", "\n");
            string name = Path.GetFileName(relative);

            // One character more rarely changes what the generator sees, and test time matters.
            for (int length = 0; length < text.Length; length += prefixStep)
            {
                sources.Add(($"{name} prefix {length}", text[..length]));
            }

            for (int i = 0; i < 100; i++)
            {
                int start = random.Next(text.Length);
                int count = Math.Min(random.Next(1, 24), text.Length - start);
                sources.Add(($"{name} deletion {start}+{count}", text.Remove(start, count)));
            }

            int[] brackets = Enumerable.Range(0, text.Length).Where(i => "{}()[]\"<>;,".Contains(text[i])).ToArray();
            foreach (int at in brackets.Where((_, index) => index % Math.Max(1, brackets.Length / 80) == 0))
            {
                sources.Add(($"{name} without '{text[at]}' at {at}", text.Remove(at, 1)));
            }

            int[] attributeStarts = Regex.Matches(text, @"^\s*\[(Prompt|Model|SystemPrompt|Inference|StructuredOutput)\b", RegexOptions.Multiline)
                .Select(match => match.Index + match.Value.IndexOf('[', StringComparison.Ordinal)).ToArray();
            foreach (int at in attributeStarts)
            {
                foreach (string fragment in HalfTypedAttributes)
                {
                    sources.Add(($"{name} attribute '{fragment}' at {at}", text.Insert(at, fragment + "\n    ")));
                }
            }

            foreach (Match template in Regex.Matches(text, "\\[(?:Prompt|SystemPrompt)\\(\"(?<t>[^\"\\\\]*)\"\\)\\]"))
            {
                Group body = template.Groups["t"];
                foreach (string fragment in HalfTypedTemplates)
                {
                    sources.Add(($"{name} template '{fragment}' at {body.Index}", text.Remove(body.Index, body.Length).Insert(body.Index, fragment)));
                    int cut = random.Next(body.Length + 1);
                    sources.Add(($"{name} template cut at {cut} + '{fragment}'", text.Remove(body.Index + cut, body.Length - cut).Insert(body.Index + cut, fragment)));
                }
            }
        }

        return IsFull ? sources : sources.Where(source => source.Item1.Contains(" prefix ", StringComparison.Ordinal) || StableHash(source.Item1) % 3 == 0).ToList();
    }

    /// <summary>FNV-1a over the name's characters: the same on every run and machine, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint StableHash(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
