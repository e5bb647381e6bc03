using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PromptGen.Tests.Prompting;

/// <summary>
/// Loads the model-output corpus: <c>Corpus/*.cases</c>, each a list of cases in this form (lines before the first
/// case are comments):
/// <code>
/// === name of the case
/// --- truncated                (optional: the model stopped at max_tokens)
/// --- input                    (or "--- input escaped": \n, \t, \uXXXX and \\ are interpreted)
/// the model's answer, exactly, up to the next "--- " line (the last line break is not part of it)
/// --- expect                   (the strict JSON it must become, compared as JSON)
/// {"a": 1}
/// --- error MalformedJson      (instead of expect: the error kind)
/// --- message nested more than (optional: text the error message must contain)
/// </code>
/// </summary>
internal static class ModelJsonCorpus
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Prompting", "Corpus");

    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> Cases = new(Load);

    public static IEnumerable<object[]> Ids() => Cases.Value.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

    public static CorpusCase Get(string id) => Cases.Value[id];

    public static int Count => Cases.Value.Count;

    private static IReadOnlyDictionary<string, CorpusCase> Load()
    {
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (string file in System.IO.Directory.GetFiles(Directory, "*.cases"))
        {
            foreach (CorpusCase c in Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file).Replace("\r\n", "\n")))
            {
                if (!cases.TryAdd(c.Id, c))
                {
                    throw new InvalidDataException($"Two corpus cases are called '{c.Id}'.");
                }
            }
        }

        return cases;
    }

    private static IEnumerable<CorpusCase> Parse(string file, string text)
    {
        CorpusCase? current = null;
        string? section = null;
        var body = new List<string>();

        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return Finish(current, section, body);
                }

                current = new CorpusCase { Id = $"{file}: {line[4..].Trim()}" };
                section = null;
                body.Clear();
            }
            else if (current is not null && line.StartsWith("--- ", StringComparison.Ordinal))
            {
                Close(current, section, body);
                string[] words = line[4..].Trim().Split(' ', 2);
                section = null;
                switch (words[0])
                {
                    case "truncated":
                        current.WasTruncated = true;
                        break;
                    case "input":
                        current.InputEscaped = words.Length > 1 && words[1] == "escaped";
                        section = "input";
                        break;
                    case "expect":
                        section = "expect";
                        break;
                    case "error":
                        current.ExpectedError = Enum.Parse<ResultErrorKind>(words[1]);
                        break;
                    case "message":
                        current.MessageContains = words[1];
                        break;
                    default:
                        throw new InvalidDataException($"{current.Id}: unknown section '{line}'.");
                }
            }
            else if (section is not null)
            {
                body.Add(line);
            }
        }

        if (current is not null)
        {
            yield return Finish(current, section, body);
        }
    }

    private static CorpusCase Finish(CorpusCase c, string? section, List<string> body)
    {
        Close(c, section, body);
        if ((c.ExpectedJson is null) == (c.ExpectedError is null))
        {
            throw new InvalidDataException($"{c.Id}: a case needs exactly one of 'expect' and 'error'.");
        }

        return c;
    }

    private static void Close(CorpusCase c, string? section, List<string> body)
    {
        string content = string.Join("\n", body);
        if (section == "input")
        {
            c.Input = c.InputEscaped ? Unescape(content) : content;
        }
        else if (section == "expect")
        {
            c.ExpectedJson = content;
        }

        body.Clear();
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder();
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
                case 'u':
                    result.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
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

    public string Input { get; set; } = "";

    public bool InputEscaped { get; set; }

    public bool WasTruncated { get; set; }

    public string? ExpectedJson { get; set; }

    public ResultErrorKind? ExpectedError { get; set; }

    public string? MessageContains { get; set; }
}
