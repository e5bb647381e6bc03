using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PromptGen.Bedrock;
using PromptGen.Reliability.Engine;
using PromptGen.Testing.Wire.Invoke;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The typed InvokeModel response readers (<see cref="TitanTextEmbeddingResponse"/>, <see cref="CohereEmbedResponse"/>,
/// <see cref="NovaEmbeddingResponse"/>, <see cref="AmazonImageResponse"/>, <see cref="StabilityImageResponse"/>) and their
/// <c>ThrowIfFiltered</c>: every reader on every input. Inputs: answers the emulator writes for each family, mutated
/// (bytes flipped, inserted, deleted, cut, numbers made huge or fractional, values swapped for other JSON kinds, strings
/// given invalid UTF-8 or lone surrogates), and fuzzed model JSON. Allowed out: <see cref="BedrockResponseException"/> from
/// a reader, <see cref="BedrockContentFilteredException"/> from ThrowIfFiltered; what a reader returns must hold finite
/// numbers and lists as long as it says.
/// </summary>
/// <remarks>An input is a string of bytes, one char each, so invalid UTF-8 reaches the readers.</remarks>
public sealed class InvokeBodiesTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly string[] Replacements =
    {
        "1e999", "-0", "1.5", "9999999999999999999999", "null", "true", "\"x\"", "[]", "{}", "[[1,2],[3]]", "\"\\uD800\"", "\"\\u0000\"", "\"****\"",
    };

    public string Name => "invoke-bodies";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        byte[] bytes = random.Next(5) == 0
            ? Encoding.UTF8.GetBytes(generator.Next(random))
            : (byte[])InvokeBodySeeds.All[random.Next(InvokeBodySeeds.All.Count)].Clone();
        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            bytes = Mutate(random, bytes);
        }

        return new string(bytes.Select(b => (char)b).ToArray());
    }

    public void Run(string input)
    {
        byte[] body = input.Select(c => checked((byte)c)).ToArray();
        Check("titan", () =>
        {
            TitanTextEmbeddingResponse response = TitanTextEmbeddingResponse.Parse(body);
            Finite(response.Embedding);
            Finite(response.FloatEmbedding ?? Array.Empty<float>());
        });
        Check("cohere", () =>
        {
            CohereEmbedResponse response = CohereEmbedResponse.Parse(body);
            foreach (IReadOnlyList<float> vector in response.EmbeddingsByType.Values.SelectMany(vectors => vectors))
            {
                Finite(vector);
            }

            _ = response.FloatEmbeddings.Count;
        });
        Check("nova", () =>
        {
            foreach (NovaEmbedding embedding in NovaEmbeddingResponse.Parse(body).Embeddings)
            {
                Finite(embedding.Embedding);
            }
        });
        Check("amazon-image", () =>
        {
            AmazonImageResponse response = AmazonImageResponse.Parse(body);
            Filtered(() => response.ThrowIfFiltered("fuzz"), response.Error is not null || response.Images.Count == 0);
        });
        Check("stability", () =>
        {
            StabilityImageResponse response = StabilityImageResponse.Parse(body);
            Filtered(() => response.ThrowIfFiltered("fuzz"), response.IsFiltered || response.Images.Count == 0);
        });
    }

    public bool IsExpected(Exception exception) => false;

    private void Check(string reader, Action read)
    {
        string outcome = "read";
        try
        {
            read();
        }
        catch (BedrockResponseException e)
        {
            outcome = "refused";
            if (string.IsNullOrEmpty(e.Message))
            {
                throw new FuzzViolation($"{reader}: a refusal without a message");
            }
        }
        finally
        {
            Outcomes[$"{reader} {outcome}"] = Outcomes.GetValueOrDefault($"{reader} {outcome}") + 1;
        }
    }

    private static void Filtered(Action throwIfFiltered, bool expected)
    {
        try
        {
            throwIfFiltered();
            if (expected)
            {
                throw new FuzzViolation("ThrowIfFiltered passed an answer that is filtered or has no image");
            }
        }
        catch (BedrockContentFilteredException e)
        {
            if (!expected || e.Reasons.Count == 0 || e.RequestId != "fuzz")
            {
                throw new FuzzViolation($"ThrowIfFiltered raised for an answer with images and no reason, or without reasons: {e.Message}");
            }
        }
    }

    private static void Finite(IReadOnlyList<float> vector)
    {
        foreach (float value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw new FuzzViolation($"a vector holds {value}");
            }
        }
    }

    /// <summary>
    /// One mutation of a JSON body: bit flips, inserted or deleted bytes, a cut, or one value replaced by another kind
    /// (from <paramref name="replacements"/>, else this target's list). Shared by the targets whose inputs are JSON.
    /// </summary>
    internal static byte[] Mutate(Random random, byte[] bytes, string[]? replacements = null)
    {
        replacements ??= Replacements;
        switch (random.Next(6))
        {
            case 0:
                EventStreamTarget.FlipBits(random, bytes);
                return bytes;
            case 1:
                return EventStreamTarget.InsertBytes(random, bytes);
            case 2:
                return EventStreamTarget.DeleteBytes(random, bytes);
            case 3:
                return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
            default:
                {
                    // Replace one JSON value (a number, string, literal, array or object start) with another kind.
                    string text = Encoding.Latin1.GetString(bytes);
                    int at = random.Next(Math.Max(1, text.Length));
                    int start = text.IndexOfAny(new[] { ':', '[', ',' }, at);
                    if (start < 0)
                    {
                        return bytes;
                    }

                    int end = text.IndexOfAny(new[] { ',', ']', '}' }, start + 1);
                    end = end < 0 ? text.Length : end;
                    string replaced = text[..(start + 1)] + replacements[random.Next(replacements.Length)] + text[end..];
                    return Encoding.Latin1.GetBytes(replaced);
                }
        }
    }
}

/// <summary>What the emulator answers for each family (small sizes), the seeds of <see cref="InvokeBodiesTarget"/>.</summary>
public static class InvokeBodySeeds
{
    public static IReadOnlyList<byte[]> All { get; } = Build();

    private static IReadOnlyList<byte[]> Build()
    {
        InvokeRequest Embedding(InvokeFamily family, string[] inputs, int dimension, params string[] types) => new()
        {
            Family = family,
            Prompt = string.Join("\n", inputs),
            EmbeddingInputs = inputs,
            Dimension = dimension,
            Normalize = true,
            EmbeddingTypes = types,
        };

        InvokeRequest Image(InvokeFamily family, int count, string format) => new()
        {
            Family = family,
            Prompt = "a small fox",
            Width = 16,
            Height = 8,
            ImageCount = count,
            Seed = 3,
            ImageFormat = format,
        };

        return new[]
        {
            InvokeResponseBodies.Embeddings(Embedding(InvokeFamily.TitanTextEmbeddingsV2, new[] { "hello" }, 8, "float", "binary"), 2),
            InvokeResponseBodies.Embeddings(Embedding(InvokeFamily.CohereEmbedV3, new[] { "a", "b" }, 8), 2),
            InvokeResponseBodies.Embeddings(Embedding(InvokeFamily.CohereEmbedV4, new[] { "a", "image:00" }, 16, "float", "int8", "uint8", "binary", "ubinary"), 2),
            InvokeResponseBodies.Embeddings(Embedding(InvokeFamily.NovaMultimodalEmbeddings, new[] { "a cat" }, 8), 2),
            InvokeResponseBodies.Images(Image(InvokeFamily.NovaCanvas, 2, "png")),
            InvokeResponseBodies.Images(Image(InvokeFamily.StabilityDiffusion35, 1, "jpeg")),
            InvokeResponseBodies.StabilityFiltered(PromptGen.Testing.ContentFilterStage.Output),
            """{"images":[],"error":"This image was blocked"}"""u8.ToArray(),
        };
    }
}
