using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PromptGen.EndToEnd.Tests.TypedCorpus;

/// <summary>
/// Loads the typed corpus: <c>TypedCorpus/*.cases</c>, realistic answers of each model family (the file's name), each
/// read through that family's generated client. Lines before the first case are comments. A case:
/// <code>
/// === name of the case
/// --- method tags              the result read (see <see cref="TypedCorpusTests"/>: ticket, invoice, review, tickets,
///                              priority, urgent, count, refunds, headline, tags, scores, due, meeting, total, order)
/// --- stop max_tokens          optional: the stop reason (end_turn when absent)
/// --- via tool                 optional: the answer is the input of the forced tool call (JSON), not text
/// --- input                    the model's answer, exactly, up to the next "--- " line (the last line break is not part of it);
///                              "--- input escaped" reads \n, \t, \r, \uXXXX and \\ as the characters they stand for
/// ...
/// --- expect                   the value, as camelCase JSON with enums as names
/// ...
/// --- errors                   instead of expect: every error, "path Kind" one per line, in order
/// ...
/// --- message text             optional, with errors: text the first error's message must contain
/// </code>
/// </summary>
internal static class TypedCorpus
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "TypedCorpus");

    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> Cases = new(Load);

    public static IReadOnlyDictionary<string, CorpusCase> All => Cases.Value;

    private static IReadOnlyDictionary<string, CorpusCase> Load()
    {
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (string file in System.IO.Directory.GetFiles(Directory, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            string family = Path.GetFileNameWithoutExtension(file);
            string text = File.ReadAllText(file).ReplaceLineEndings("\n");
            foreach (string block in text.Split("\n=== ").Skip(1))
            {
                CorpusCase corpusCase = Parse(family, block);
                if (!cases.TryAdd(corpusCase.Id, corpusCase))
                {
                    throw new InvalidDataException($"Two corpus cases are called '{corpusCase.Id}'.");
                }
            }
        }

        return cases;
    }

    private static CorpusCase Parse(string family, string block)
    {
        string[] lines = block.Split('\n');
        var corpusCase = new CorpusCase { Id = $"{family}: {lines[0].Trim()}", Family = family };
        string? section = null;
        var body = new List<string>();
        void Close()
        {
            string content = string.Join("\n", body);
            switch (section)
            {
                case "input":
                    corpusCase.Input = content;
                    break;
                case "expect":
                    corpusCase.ExpectedJson = content.Trim();
                    break;
                case "errors":
                    corpusCase.ExpectedErrors = body.Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
                    break;
            }

            body.Clear();
        }

        foreach (string line in lines.Skip(1))
        {
            if (!line.StartsWith("--- ", StringComparison.Ordinal))
            {
                body.Add(line);
                continue;
            }

            Close();
            string[] words = line[4..].Trim().Split(' ', 2);
            section = null;
            switch (words[0])
            {
                case "method":
                    corpusCase.Method = words[1].Trim();
                    break;
                case "stop":
                    corpusCase.StopReason = words[1].Trim();
                    break;
                case "via":
                    corpusCase.ViaTool = words[1].Trim() == "tool" ? true : throw new InvalidDataException($"{corpusCase.Id}: unknown '{line}'.");
                    break;
                case "message":
                    corpusCase.MessageContains = words[1];
                    break;
                case "input":
                    corpusCase.InputEscaped = words.Length > 1 && words[1].Trim() == "escaped";
                    section = "input";
                    break;
                case "expect" or "errors":
                    section = words[0];
                    break;
                default:
                    throw new InvalidDataException($"{corpusCase.Id}: unknown section '{line}'.");
            }
        }

        Close();
        if (corpusCase.InputEscaped)
        {
            corpusCase.Input = Unescape(corpusCase.Input);
        }
        if ((corpusCase.ExpectedJson is null) == (corpusCase.ExpectedErrors is null))
        {
            throw new InvalidDataException($"{corpusCase.Id}: a case needs exactly one of 'expect' and 'errors'.");
        }

        return corpusCase;
    }

    /// <summary>For "--- input escaped": <c>\n</c>, <c>\t</c>, <c>\r</c>, <c>\uXXXX</c> and <c>\\</c>.</summary>
    private static string Unescape(string text)
    {
        var result = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            char next = text[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case 'u':
                    result.Append((char)Convert.ToInt32(text.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: result.Append(next); break;
            }
        }

        return result.ToString();
    }
}

internal sealed class CorpusCase
{
    public required string Id { get; init; }

    public required string Family { get; init; }

    public string Method { get; set; } = "order";

    public string StopReason { get; set; } = "end_turn";

    public bool ViaTool { get; set; }

    public string Input { get; set; } = "";

    public bool InputEscaped { get; set; }

    public string? ExpectedJson { get; set; }

    public string[]? ExpectedErrors { get; set; }

    public string? MessageContains { get; set; }
}
