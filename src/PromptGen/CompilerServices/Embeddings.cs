using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// The calls behind embedding methods: one text, or many sent in as few calls as the model takes (Cohere 96 texts per
/// call, Titan and Nova one), at most <see cref="MaxConcurrentCalls"/> at a time, the vectors in input order. The
/// runtime's retries apply to each call; the first failure cancels the calls still running and is thrown.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Embeddings
{
    /// <summary>The most calls one batch has in flight at a time.</summary>
    public const int MaxConcurrentCalls = 8;

    private static readonly InvokeModelOptions Options = new() { Operation = InvokeModelOperation.Embeddings };

    // AWS "Amazon Titan Embeddings Text" (model-parameters-titan-embed-text.html): 1024 when dimensions is not sent.
    private const int TitanDefaultDimensions = 1024;

    /// <summary>Embeds one text. Used by generated code; not for direct use.</summary>
    public static async Task<Embedding<float>> EmbedAsync(IBedrockRuntime runtime, EmbeddingSpec spec, string text, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<float> vector = await EmbedVectorAsync(runtime, spec, text, cancellationToken).ConfigureAwait(false);
        return ToEmbedding(spec, vector);
    }

    /// <summary>Embeds one text, the bare vector. Used by generated code; not for direct use.</summary>
    public static async Task<ReadOnlyMemory<float>> EmbedVectorAsync(IBedrockRuntime runtime, EmbeddingSpec spec, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(text);
        var vectors = new float[1][];
        await CallAsync(runtime, spec, new[] { text }, 0, 1, vectors, cancellationToken).ConfigureAwait(false);
        return vectors[0];
    }

    /// <summary>Embeds many texts, the vectors in input order. Used by generated code; not for direct use.</summary>
    public static async Task<IReadOnlyList<Embedding<float>>> EmbedManyAsync(IBedrockRuntime runtime, EmbeddingSpec spec, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        (float[][] vectors, _) = await EmbedBatchAsync(runtime, spec, texts, cancellationToken).ConfigureAwait(false);
        var embeddings = new Embedding<float>[vectors.Length];
        for (int i = 0; i < vectors.Length; i++)
        {
            embeddings[i] = ToEmbedding(spec, vectors[i]);
        }

        return embeddings;
    }

    /// <summary>Embeds many texts, the bare vectors in input order. Used by generated code; not for direct use.</summary>
    public static async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedVectorsAsync(IBedrockRuntime runtime, EmbeddingSpec spec, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        (float[][] vectors, _) = await EmbedBatchAsync(runtime, spec, texts, cancellationToken).ConfigureAwait(false);
        var memories = new ReadOnlyMemory<float>[vectors.Length];
        for (int i = 0; i < vectors.Length; i++)
        {
            memories[i] = vectors[i];
        }

        return memories;
    }

    /// <summary>The vectors in input order, and the input tokens Bedrock reported (null when no call reported them).</summary>
    internal static async Task<(float[][] Vectors, long? InputTokens)> EmbedBatchAsync(
        IBedrockRuntime runtime, EmbeddingSpec spec, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(texts);
        IReadOnlyList<string> inputs = texts as IReadOnlyList<string> ?? new List<string>(texts);
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException($"Text {i} is null; every text to embed must be a string.", nameof(texts));
            }
        }

        var vectors = new float[inputs.Count][];
        int perCall = spec.MaxTextsPerCall;
        int calls = (inputs.Count + perCall - 1) / perCall;
        if (calls == 0)
        {
            return (vectors, null);
        }

        var tokens = new TokenTally();
        if (calls == 1)
        {
            tokens.Add(await CallAsync(runtime, spec, inputs, 0, inputs.Count, vectors, cancellationToken).ConfigureAwait(false));
            return (vectors, tokens.Total);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int next = -1;
        var workers = new Task[Math.Min(MaxConcurrentCalls, calls)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = WorkAsync();
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Throw(FirstFailure(workers));
            throw;
        }

        return (vectors, tokens.Total);

        async Task WorkAsync()
        {
            try
            {
                int call;
                while ((call = Interlocked.Increment(ref next)) < calls)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    int start = call * perCall;
                    int count = Math.Min(perCall, inputs.Count - start);
                    tokens.Add(await CallAsync(runtime, spec, inputs, start, count, vectors, stop.Token).ConfigureAwait(false));
                }
            }
            catch
            {
                stop.Cancel(); // the batch has failed: stop sending the rest
                throw;
            }
        }
    }

    /// <summary>The failure that stopped the batch: the first that is not a cancellation it caused.</summary>
    private static Exception FirstFailure(Task[] workers)
    {
        Exception? canceled = null;
        foreach (Task worker in workers)
        {
            if (worker.Exception?.InnerException is { } failure)
            {
                if (failure is not OperationCanceledException)
                {
                    return failure;
                }

                canceled ??= failure;
            }
        }

        return canceled ?? new OperationCanceledException();
    }

    /// <summary>The InvokeModel body of the call for texts [start, start + count), in the model family's shape (also what a descriptor previews).</summary>
    internal static byte[] RequestBody(EmbeddingSpec spec, IReadOnlyList<string> texts, int start, int count) =>
        spec.Family switch
        {
            EmbeddingFamily.TitanText => new TitanTextEmbeddingRequest
            {
                InputText = texts[start],
                Dimensions = spec.Dimensions,
                Normalize = spec.Normalize,
            }.ToJson(),
            EmbeddingFamily.Cohere => new CohereEmbedRequest
            {
                InputType = spec.InputType ?? "search_document",
                Texts = Slice(texts, start, count),
                Truncate = spec.Truncation,
                OutputDimension = spec.Dimensions,
            }.ToJson(),
            _ => new NovaEmbeddingRequest
            {
                EmbeddingPurpose = spec.InputType ?? "GENERIC_INDEX",
                EmbeddingDimension = spec.Dimensions,
                Text = texts[start],
                TextTruncationMode = spec.Truncation ?? "END",
            }.ToJson(),
        };

    /// <summary>One InvokeModel call for texts [start, start + count); its vectors go to the same places in <paramref name="vectors"/>.</summary>
    private static async Task<int?> CallAsync(
        IBedrockRuntime runtime, EmbeddingSpec spec, IReadOnlyList<string> texts, int start, int count, float[][] vectors, CancellationToken cancellationToken)
    {
        byte[] body = RequestBody(spec, texts, start, count);
        InvokeModelResponse response = await runtime.InvokeModelAsync(spec.ModelId, body, Options, cancellationToken).ConfigureAwait(false);
        switch (spec.Family)
        {
            case EmbeddingFamily.TitanText:
                vectors[start] = EmbeddingVectorReader.ReadTitan(response.Body.Span, spec.Dimensions ?? TitanDefaultDimensions) ?? Vector(TitanTextEmbeddingResponse.Parse(response.Body).Embedding);
                break;
            case EmbeddingFamily.Cohere:
                IReadOnlyList<IReadOnlyList<float>> floats = CohereEmbedResponse.Parse(response.Body).FloatEmbeddings;
                if (floats.Count != count)
                {
                    throw new BedrockResponseException($"{spec.ModelId} returned {floats.Count} vectors for {count} texts.") { RequestId = response.RequestId };
                }

                for (int i = 0; i < count; i++)
                {
                    vectors[start + i] = Vector(floats[i]);
                }

                break;
            default:
                IReadOnlyList<NovaEmbedding> nova = NovaEmbeddingResponse.Parse(response.Body).Embeddings;
                if (nova.Count == 0)
                {
                    throw new BedrockResponseException($"{spec.ModelId} returned no vector.") { RequestId = response.RequestId };
                }

                vectors[start] = Vector(nova[0].Embedding);
                break;
        }

        return response.InputTokenCount;
    }

    private static IReadOnlyList<string> Slice(IReadOnlyList<string> texts, int start, int count)
    {
        if (start == 0 && count == texts.Count)
        {
            return texts;
        }

        var slice = new string[count];
        for (int i = 0; i < count; i++)
        {
            slice[i] = texts[start + i];
        }

        return slice;
    }

    private static float[] Vector(IReadOnlyList<float> values)
    {
        if (values is float[] array)
        {
            return array;
        }

        var copy = new float[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }

    private static Embedding<float> ToEmbedding(EmbeddingSpec spec, ReadOnlyMemory<float> vector) =>
        new(vector) { ModelId = spec.ModelId, CreatedAt = DateTimeOffset.UtcNow };

    /// <summary>The input tokens of a batch's calls, added from several workers.</summary>
    private sealed class TokenTally
    {
        private long _total;
        private int _reported;

        public long? Total => Volatile.Read(ref _reported) == 0 ? null : Interlocked.Read(ref _total);

        public void Add(int? tokens)
        {
            if (tokens is { } count)
            {
                Interlocked.Add(ref _total, count);
                Interlocked.Exchange(ref _reported, 1);
            }
        }
    }
}
