using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The model catalog's file reader (<see cref="CatalogJson"/> and <see cref="CatalogFile"/>), which reads the built-in
/// catalog and the <c>promptgen.models.json</c> files users hand the analyzers. Inputs: the built-in file and small
/// override files, mutated (characters flipped, inserted, deleted, cut, values swapped for other JSON kinds or bad
/// numbers and dates, members duplicated, deep nesting), and fuzzed model JSON. Must hold: only
/// <see cref="CatalogJsonException"/> leaves the JSON reader, nothing leaves <see cref="CatalogFile.Read"/>; every fault has
/// a message and a place inside the text; what the reader accepts System.Text.Json accepts, and what it refuses
/// System.Text.Json refuses too unless the reason is one System.Text.Json does not check (a repeated member name, our
/// nesting bound).
/// </summary>
public sealed class CatalogFileTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly string BuiltIn = ModelCatalog.ReadEmbeddedText();

    private static readonly string[] Seeds =
    {
        BuiltIn,
        """{ "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-lite-v1:0", "limits": { "maxOutputTokens": 1000 } } ] }""",
        """{ "asOf": "2026-12-01", "models": [ { "id": "anthropic.claude-sonnet-4-5-20250929-v1:0", "lifecycle": { "status": "endOfLife", "endOfLife": "2026-11-01", "successor": "anthropic.claude-haiku-4-5-20251001-v1:0" } } ] }""",
        """{"asOf":"2026-12-01","models":[{"id":"acme.next-v1:0","provider":"Acme","family":"Next","name":"Next","modality":"chat","limits":{"contextTokens":1000,"maxOutputTokens":100},"lifecycle":{"status":"active"},"inferenceProfile":{"required":true,"prefixes":["us","eu"]},"capabilities":["converse","toolUse"],"unconfirmed":[],"source":"x"}]}""",
        """{ "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-lite-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["inRegion", "geo"], "inputPerMillion": 0.25, "outputPerMillion": 1.5, "cacheReadPerMillion": 0.025, "cacheWritePerMillion": 0, "asOf": "2026-12-01", "source": "https://example.test/p" }, { "region": "eu-west-1", "endpoints": ["global"], "inputPerMillion": 3e-1, "asOf": "2026-12-01", "source": "s" } ] } ] }""",
        """{"asOf":"2026-12-01","models":[{"id":"amazon.titan-embed-text-v3:0","provider":"Amazon","family":"Titan","name":"Titan V3","modality":"embedding","invokeBody":"titanTextEmbeddingsV2","limits":{"contextTokens":8192,"maxOutputTokens":0},"lifecycle":{"status":"active"},"capabilities":[],"source":"x"},{"id":"cohere.embed-v4:1","provider":"Cohere","family":"Embed","name":"Embed v4.1","modality":"image","invokeBody":"cohereEmbedV3","limits":{"contextTokens":0,"maxOutputTokens":0},"lifecycle":{"status":"active"},"capabilities":[],"source":"x"}]}""",
        """{ "asOf": "2026-12-01", "models": [ { "id": "amazon.nova-canvas-v1:0", "prices": [ { "region": "us-east-1", "endpoints": ["inRegion"], "perImage": 0.04, "batchInputPerMillion": 12.5, "batchOutputPerMillion": 0.000001, "asOf": "2026-12-01", "source": "s" } ] }, { "id": "amazon.nova-micro-v1:0", "prices": [] } ] }""",
    };

    private static readonly string[] Replacements =
    {
        "1e999", "-0", "1.5", "-1", "99999999999", "null", "true", "\"x\"", "[]", "{}", "\"\\uD800\"", "\"\\u0000\"", "\"2026-02-30\"",
        "\"us.amazon.nova-lite-v1:0\"", "\"endOfLife\"", "[\"geo\",\"geo\"]", "[\"global\"]", "1e-30", "0.1234567890123456789012345678901", "[\"zz\"]", "\"\"", new string('[', 200), "\"\\x\"", "01",
    };

    public string Name => "catalog-file";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        if (random.Next(6) == 0)
        {
            return generator.Next(random);
        }

        string text = Seeds[random.Next(Seeds.Length)];
        if (text.Length > 4000 && random.Next(3) > 0)
        {
            // The whole built-in file is slow to mutate a million times; a slice keeps the models array's shape.
            int start = text.IndexOf("    {", random.Next(text.Length - 2000), StringComparison.Ordinal);
            text = start < 0 ? text : """{ "asOf": "2026-12-01", "models": [""" + text.Substring(start, Math.Min(1500, text.Length - start));
        }

        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            text = Mutate(random, text);
        }

        return text;
    }

    public void Run(string input)
    {
        CheckJson(input);

        foreach (Func<string, ModelInfo?>? existing in new Func<string, ModelInfo?>?[] { null, ModelCatalog.BuiltIn.Row })
        {
            CatalogFileContent content = CatalogFile.Read(input, existing);
            foreach (CatalogFileError error in content.Errors)
            {
                if (string.IsNullOrEmpty(error.Message) || error.Line < 1 || error.Column < 1 || error.Line > input.Count(c => c == '\n') + 1)
                {
                    throw new FuzzViolation($"a fault must say why and where inside the text; got {error}");
                }
            }

            if (content.Models.Select(model => model.BaseId).Distinct(StringComparer.Ordinal).Count() != content.Models.Count)
            {
                throw new FuzzViolation("a model was read twice");
            }

            if (existing is not null)
            {
                _ = ModelCatalog.BuiltIn.With(content.Models, content.AsOf).Find("us.amazon.nova-lite-v1:0");
            }

            Count(content.Errors.Count == 0 ? "file read" : content.Models.Count > 0 ? "file read in part" : "file refused");
            if (existing is not null && content.Errors.Count == 0)
            {
                CheckRuntimePrices(input, content.Models);
            }
        }

        ReadRuntimePrices(input);
    }

    /// <summary>
    /// The runtime reads the same files' prices with its own reader (PromptGen.Pricing): a file the generator reads
    /// without a fault must give the runtime the same prices, rate for rate.
    /// </summary>
    private void CheckRuntimePrices(string input, IReadOnlyList<ModelInfo> models)
    {
        IReadOnlyDictionary<string, IReadOnlyList<PromptGen.Pricing.ModelPrice>> runtime;
        try
        {
            runtime = PromptGen.Pricing.ModelPriceReader.Read(input.Length > 0 && input[0] == '\uFEFF' ? input.Substring(1) : input);
        }
        catch (System.IO.InvalidDataException error) when (error.InnerException is InvalidOperationException)
        {
            // An escaped lone surrogate ("\uD800"): the generator's reader keeps it in the string, System.Text.Json
            // refuses to give it as a string; a refusal, never a wrong price.
            Count("prices: runtime refuses an escaped lone surrogate");
            return;
        }
        catch (System.IO.InvalidDataException error)
        {
            throw new FuzzViolation($"the runtime refuses prices the generator reads: {error.Message}");
        }

        foreach (ModelInfo model in models)
        {
            bool has = runtime.TryGetValue(model.BaseId, out IReadOnlyList<PromptGen.Pricing.ModelPrice>? prices);
            if (!has && model.Prices.Count == 0)
            {
                continue;
            }

            if (prices is null || prices.Count != model.Prices.Count)
            {
                throw new FuzzViolation($"{model.BaseId}: the runtime reads {prices?.Count ?? 0} prices, the generator {model.Prices.Count}");
            }

            for (int i = 0; i < prices.Count; i++)
            {
                ModelPrice ours = model.Prices[i];
                PromptGen.Pricing.ModelPrice theirs = prices[i];
                if (ours.Region != theirs.Region || ours.AsOf != theirs.AsOf || ours.Source != theirs.Source
                    || ours.InputPerMillion != theirs.InputPerMillion || ours.OutputPerMillion != theirs.OutputPerMillion
                    || ours.CacheReadPerMillion != theirs.CacheReadPerMillion || ours.CacheWritePerMillion != theirs.CacheWritePerMillion
                    || ours.BatchInputPerMillion != theirs.BatchInputPerMillion || ours.BatchOutputPerMillion != theirs.BatchOutputPerMillion
                    || ours.PerImage != theirs.PerImage
                    || ours.Endpoints.Count != theirs.Endpoints.Count)
                {
                    throw new FuzzViolation($"{model.BaseId}: price {i} reads differently in the runtime");
                }
            }
        }

        Count("prices agree");
    }

    /// <summary>The runtime's price reader on any text: a price or an <see cref="System.IO.InvalidDataException"/> with a message, nothing else.</summary>
    private void ReadRuntimePrices(string input)
    {
        try
        {
            IReadOnlyDictionary<string, IReadOnlyList<PromptGen.Pricing.ModelPrice>> prices = PromptGen.Pricing.ModelPriceReader.Read(input);
            Count(prices.Count > 0 ? "runtime prices read" : "runtime no prices");
        }
        catch (System.IO.InvalidDataException error) when (!string.IsNullOrEmpty(error.Message))
        {
            Count("runtime prices refused");
        }
    }

    public bool IsExpected(Exception exception) => false;

    private void CheckJson(string input)
    {
        string? ours;
        try
        {
            CatalogJson.Parse(input);
            ours = null;
        }
        catch (CatalogJsonException error)
        {
            if (string.IsNullOrEmpty(error.Message) || error.Line < 1 || error.Column < 1)
            {
                throw new FuzzViolation($"a JSON fault must say why and where; got ({error.Line},{error.Column}) '{error.Message}'");
            }

            ours = error.Message;
        }

        // System.Text.Json reads UTF-8: text holding a lone surrogate cannot be compared fairly; nor can a second
        // byte-order mark, which one reader may skip as a mark and the other refuses as a character.
        if (HasLoneSurrogate(input) || input.StartsWith("\uFEFF\uFEFF", StringComparison.Ordinal))
        {
            return;
        }

        bool theirs;
        try
        {
            // The reader allows one byte-order mark before the value, as a file saved by an editor may have; exactly one.
            string withoutMark = input.Length > 0 && input[0] == '\uFEFF' ? input.Substring(1) : input;
            using JsonDocument document = JsonDocument.Parse(withoutMark, new JsonDocumentOptions { MaxDepth = CatalogJson.MaxDepth + 1 });
            theirs = true;
        }
        catch (JsonException)
        {
            theirs = false;
        }

        if (ours is null && !theirs)
        {
            throw new FuzzViolation("accepted text System.Text.Json refuses");
        }

        // System.Text.Json neither refuses a repeated member name nor stops at our depth bound (it was given one more level).
        if (ours is not null && theirs && !ours.Contains("appears twice", StringComparison.Ordinal) && !ours.Contains("nested deeper", StringComparison.Ordinal))
        {
            throw new FuzzViolation($"refused text System.Text.Json accepts: {ours}");
        }

        Count(ours is null ? "json read" : "json refused");
    }

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.TryGetValue(outcome, out int count) ? count + 1 : 1;

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Mutate(Random random, string text)
    {
        if (text.Length == 0)
        {
            return Replacements[random.Next(Replacements.Length)];
        }

        int at = random.Next(text.Length);
        var builder = new StringBuilder(text);
        switch (random.Next(7))
        {
            case 0:
                builder[at] = (char)random.Next(0, 128);
                break;
            case 1:
                builder.Insert(at, (char)random.Next(0, 0x3000));
                break;
            case 2:
                builder.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                break;
            case 3:
                return text.Substring(0, at);
            case 4:
                // Replace the value after a colon with another kind of value.
                int colon = text.IndexOf(':', at);
                if (colon >= 0)
                {
                    int end = colon + 1;
                    while (end < text.Length && text[end] is not (',' or '}' or ']'))
                    {
                        end++;
                    }

                    builder.Remove(colon + 1, end - colon - 1).Insert(colon + 1, Replacements[random.Next(Replacements.Length)]);
                }

                break;
            case 5:
                // Repeat a member: the reader must refuse the second.
                int quote = text.IndexOf('"', at);
                int comma = quote < 0 ? -1 : text.IndexOf(',', quote);
                if (comma > quote)
                {
                    builder.Insert(comma + 1, text.Substring(quote, comma - quote + 1));
                }

                break;
            default:
                builder.Insert(at, new string(random.Next(2) == 0 ? '[' : '{', random.Next(1, 100)));
                break;
        }

        return builder.ToString();
    }
}
