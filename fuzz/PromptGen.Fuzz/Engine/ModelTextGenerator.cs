using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PromptGen.Reliability.Engine;

/// <summary>
/// Makes model-like answers: JSON in the relaxed dialect models write (generated from a small grammar), wrapped in
/// prose and fences, then mutated (characters flipped, inserted, deleted, duplicated, spans spliced from other
/// inputs, cut off), plus pathological shapes (deep nesting, long runs, lone surrogates, control characters).
/// </summary>
public sealed class ModelTextGenerator
{
    private static readonly string[] Interesting =
    {
        "{", "}", "[", "]", "\"", "'", "`", ":", ",", "\\", "/", "*", "//", "/*", "*/", "\n", "\r\n", " ", "\t",
        "```", "```json", "\u0000", "\uFEFF", "\uD800", "\uDC00", "😀", "é", "\\u", "\\uD800", "\\x", "#", "True",
        "None", "NaN", "-Infinity", "1e999", "0x1F", "+", "-", ".", "e", "null", "undefined", "\u2028",
    };

    private static readonly string[] Words = { "title", "priority", "minutes", "High", "Low", "name", "a", "b", "items", "note", "" };

    private readonly List<string> _seeds;

    public ModelTextGenerator(IEnumerable<string>? seeds = null)
    {
        _seeds = (seeds ?? Enumerable.Empty<string>()).Where(s => s.Length > 0).ToList();
        if (_seeds.Count == 0)
        {
            _seeds.Add("""{"title": "Refund", "priority": "High", "minutes": 30}""");
        }
    }

    /// <summary>The inputs of the parsing corpus (tests/PromptGen.Tests/Prompting/Corpus/*.cases) as seeds.</summary>
    public static IEnumerable<string> CorpusSeeds(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (string file in Directory.EnumerateFiles(directory, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            var input = new StringBuilder();
            bool inInput = false;
            foreach (string line in File.ReadLines(file))
            {
                if (line.StartsWith("--- input", StringComparison.Ordinal))
                {
                    inInput = true;
                    input.Clear();
                }
                else if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("=== ", StringComparison.Ordinal))
                {
                    if (inInput)
                    {
                        yield return input.ToString();
                    }

                    inInput = false;
                }
                else if (inInput)
                {
                    input.Append(line).Append('\n');
                }
            }
        }
    }

    public string Next(Random random)
    {
        string text = random.Next(10) switch
        {
            < 3 => _seeds[random.Next(_seeds.Count)],
            < 8 => Wrap(random, Value(random, depth: 0)),
            8 => Pathological(random),
            _ => Wrap(random, Value(random, depth: 0)) + _seeds[random.Next(_seeds.Count)],
        };

        int mutations = random.Next(4) == 0 ? 0 : random.Next(1, 6);
        for (int m = 0; m < mutations; m++)
        {
            text = Mutate(random, text);
        }

        return text;
    }

    public string Mutate(Random random, string text)
    {
        int at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        int span = text.Length == 0 ? 0 : random.Next(Math.Min(16, text.Length - Math.Min(at, text.Length)) + 1);
        switch (random.Next(8))
        {
            case 0:
                return text.Insert(at, Interesting[random.Next(Interesting.Length)]);
            case 1:
                return text.Remove(at, span);
            case 2 when span > 0:
                return text.Insert(at, text.Substring(at, span));
            case 3:
                return text[..at];
            case 4 when text.Length > 0:
                var chars = text.ToCharArray();
                chars[Math.Min(at, chars.Length - 1)] = (char)random.Next(0, 0x3000);
                return new string(chars);
            case 5:
                string other = _seeds[random.Next(_seeds.Count)];
                int from = random.Next(other.Length + 1);
                return text[..at] + other[from..];
            case 6:
                return text.Insert(at, new string(Interesting[random.Next(Interesting.Length)][0], random.Next(1, 200)));
            default:
                return text.Insert(at, Value(random, depth: 2));
        }
    }

    private static string Wrap(Random random, string json) => random.Next(6) switch
    {
        0 => "```json\n" + json + "\n```",
        1 => "Here is the result:\n" + json + "\nLet me know if you need more.",
        2 => "```\n" + json + "\n``` and also ```json\n" + json + "\n```",
        3 => "Sure! " + json,
        4 => json + " (see [1])",
        _ => json,
    };

    private static string Pathological(Random random) => random.Next(7) switch
    {
        0 => new string('[', random.Next(60, 5000)) + new string(']', random.Next(0, 5000)),
        1 => string.Concat(Enumerable.Repeat("{\"a\":", random.Next(60, 2000))) + "1" + new string('}', random.Next(0, 2000)),
        2 => "\"" + new string('\\', random.Next(1, 3000)) + "\"",
        3 => string.Concat(Enumerable.Repeat("```json\n{\n```\n", random.Next(1, 500))),
        4 => string.Concat(Enumerable.Repeat("{[(", random.Next(1, 3000))),
        5 => "{\"n\": " + new string('9', random.Next(1, 20000)) + "}",
        _ => "{\"s\": \"" + string.Concat(Enumerable.Range(0, random.Next(1, 400)).Select(_ => Interesting[random.Next(Interesting.Length)])) + "\"}",
    };

    private static string Value(Random random, int depth)
    {
        int pick = depth > 6 ? random.Next(5) : random.Next(9);
        return pick switch
        {
            0 => Number(random),
            1 => String(random),
            2 => new[] { "true", "false", "null", "True", "False", "None", "undefined", "NaN", "Infinity" }[random.Next(9)],
            3 => String(random),
            4 => Number(random),
            5 or 6 => Object(random, depth),
            _ => Array(random, depth),
        };
    }

    private static string Object(Random random, int depth)
    {
        var builder = new StringBuilder("{");
        int count = random.Next(5);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(random.Next(8) == 0 ? " , " : ", ");
            }

            if (random.Next(10) == 0)
            {
                builder.Append("// note\n");
            }

            string key = Words[random.Next(Words.Length)];
            builder.Append(random.Next(4) switch { 0 => key, 1 => $"'{key}'", _ => $"\"{key}\"" });
            builder.Append(random.Next(6) == 0 ? " = " : ": ");
            builder.Append(Value(random, depth + 1));
        }

        if (random.Next(5) == 0)
        {
            builder.Append(',');
        }

        if (random.Next(12) == 0)
        {
            builder.Append("/* trailing */");
        }

        return builder.Append('}').ToString();
    }

    private static string Array(Random random, int depth)
    {
        var builder = new StringBuilder("[");
        int count = random.Next(5);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Value(random, depth + 1));
        }

        if (random.Next(5) == 0)
        {
            builder.Append(',');
        }

        return builder.Append(']').ToString();
    }

    private static string Number(Random random) => random.Next(10) switch
    {
        0 => "-0",
        1 => "1e" + random.Next(-400, 400),
        2 => ".5",
        3 => "+1",
        4 => "0x" + random.Next().ToString("X"),
        5 => "1_000",
        6 => random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        7 => long.MaxValue + "0",
        _ => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string String(Random random)
    {
        string body = random.Next(8) switch
        {
            0 => "with \\\"escape\\\" and \\n",
            1 => "\\u00e9\\uD83D\\uDE00",
            2 => "\\uD800 lone",
            3 => "line\nbreak",
            4 => Words[random.Next(Words.Length)],
            5 => "tab\there",
            6 => "it's",
            _ => "High",
        };
        return random.Next(5) switch { 0 => $"'{body}'", 1 => $"`{body}`", _ => $"\"{body}\"" };
    }
}
