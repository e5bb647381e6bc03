using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PromptGen.Generators.Catalog;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The model id reader every model judgement starts with (<see cref="ModelIdSyntax.IsWellFormed"/>, hand-written so it
/// cannot time out) and the "did you mean" suggestions built on it (<see cref="ModelTable.Suggest"/>,
/// <see cref="ModelIdParts"/>). Inputs: real base ids, profile ids and ARNs of the catalog, mutated (characters flipped,
/// inserted, deleted, cut, parts repeated, separators and non-ASCII characters added, lengths near the 2048 bound).
/// Must hold: nothing throws; the reader accepts exactly what <see cref="ModelIdSyntax.Pattern"/> matches as a whole
/// string (the oracle is the same pattern run by .NET's non-backtracking engine, anchored \A…\z); a suggestion (asked
/// for one input in 16) is an id the catalog finds, of the modality asked for, at most as many as asked.
/// </summary>
public sealed class ModelIdTarget : IFuzzTarget, ICountsOutcomes
{
    private static readonly Regex Oracle = new(
        @"\A(?:" + ModelIdSyntax.Pattern.TrimStart('^').TrimEnd('$') + @")\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly string[] Pieces = { ":", ".", "-", "/", "_", "arn:aws:bedrock:", "us.", "global.", "-v1:0", " ", "\n", "é", "\u0000", "::", "foundation-model/", "inference-profile/" };

    private readonly string[] _seeds;

    public ModelIdTarget()
    {
        var seeds = new List<string>();
        foreach (ModelInfo model in ModelCatalog.All)
        {
            seeds.Add(model.BaseId);
            seeds.AddRange(model.ProfilePrefixes.Select(prefix => prefix + "." + model.BaseId));
            seeds.Add("arn:aws:bedrock:us-east-1::foundation-model/" + model.BaseId);
            seeds.Add("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov." + model.BaseId);
            seeds.Add(model.DisplayName);
        }

        seeds.Add("arn:aws:sagemaker:eu-west-1:123456789012:endpoint/my-endpoint");
        seeds.Add("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6");
        _seeds = seeds.ToArray();
    }

    public string Name => "model-id";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        string text = _seeds[random.Next(_seeds.Length)];
        if (random.Next(50) == 0)
        {
            return text + new string(text.Length == 0 ? 'a' : text[^1], random.Next(ModelIdSyntax.MaxLength - 8, ModelIdSyntax.MaxLength + 8) - text.Length);
        }

        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            int at = random.Next(text.Length + 1);
            text = random.Next(5) switch
            {
                0 when text.Length > 0 => text.Remove(Math.Min(at, text.Length - 1), 1),
                1 => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
                2 when text.Length > 0 => text.Substring(0, at),
                3 when text.Length > 0 => text.Remove(Math.Min(at, text.Length - 1), 1).Insert(Math.Min(at, text.Length - 1), ((char)random.Next(0x20, 0x7F)).ToString()),
                _ => text + text.Substring(at),
            };
        }

        return text;
    }

    public void Run(string input)
    {
        bool wellFormed = ModelIdSyntax.IsWellFormed(input);
        bool expected = input.Length is > 0 and <= ModelIdSyntax.MaxLength && Oracle.IsMatch(input);
        if (wellFormed != expected)
        {
            throw new FuzzViolation($"IsWellFormed says {wellFormed}, the pattern says {expected}");
        }

        ModelLookup lookup = ModelCatalog.Find(input);
        Count(wellFormed ? lookup.Kind.ToString() : "malformed");

        // Suggestions measure the input against every model: one input in 16 (by its length) keeps a million inputs in
        // minutes, and still covers every kind of mutation.
        if (input.Length % 16 != 0)
        {
            return;
        }

        foreach (ModelModality? modality in new ModelModality?[] { ModelModality.Chat, null })
        {
            IReadOnlyList<string> suggestions = ModelCatalog.Suggest(input, max: 3, modality);
            if (suggestions.Count > 3)
            {
                throw new FuzzViolation($"{suggestions.Count} suggestions, 3 asked for");
            }

            foreach (string suggestion in suggestions)
            {
                if (ModelCatalog.Find(suggestion).Model is not { } model || (modality is { } asked && model.Modality != asked))
                {
                    throw new FuzzViolation($"the suggestion '{suggestion}' is not a catalog model of {modality?.ToString() ?? "any"} modality");
                }
            }

            if (modality is null)
            {
                Count(suggestions.Count == 0 ? "no suggestion" : "suggested");
            }
        }
    }

    public bool IsExpected(Exception exception) => false;

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.TryGetValue(outcome, out int seen) ? seen + 1 : 1;
}
