using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.CompilerServices;

namespace PromptGen.Descriptors;

/// <summary>
/// An embedding method: its texts come from the arguments, its InvokeModel body from the same writer the method's
/// calls use, and a run goes through the same batching path; the result is a summary of the vectors (a page shows
/// numbers, not thousands of floats).
/// </summary>
internal sealed class EmbeddingPromptInvoker<TArguments> : PromptInvoker
{
    /// <summary>How many leading values of each vector the summary shows.</summary>
    private const int HeadLength = 8;

    private readonly Func<byte[], ParseOutcome<TArguments>> _parse;
    private readonly Func<TArguments, IEnumerable<string>> _texts;
    private readonly EmbeddingSpec _spec;

    public EmbeddingPromptInvoker(Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, IEnumerable<string>> texts, EmbeddingSpec spec)
    {
        _parse = parse;
        _texts = texts;
        _spec = spec;
    }

    internal override PromptPreview Render(PromptDescriptor descriptor, string argumentsJson)
    {
        IReadOnlyList<string> texts = Texts(descriptor, argumentsJson);
        // The first call's body: a list longer than the model takes per call is sent in several.
        byte[] body = texts.Count == 0 ? Array.Empty<byte>() : Embeddings.RequestBody(_spec, texts, 0, Math.Min(texts.Count, _spec.MaxTextsPerCall));
        return new PromptPreview(null, string.Join("\n", texts), _spec.ModelId, body.Length == 0 ? "null" : Encoding.UTF8.GetString(body));
    }

    internal override async Task<PromptRunResult> RunAsync(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        if (!string.IsNullOrWhiteSpace(modelId) && !string.Equals(modelId, _spec.ModelId, StringComparison.Ordinal))
        {
            // The body's shape belongs to the model family the build checked; another model may read another shape.
            throw new NotSupportedException($"{descriptor.MethodName} makes embeddings with {_spec.ModelId} only; it cannot be run on another model.");
        }

        IReadOnlyList<string> texts = Texts(descriptor, argumentsJson);
        PromptInvocation.Enter(descriptor.InterfaceName, descriptor.MethodName);
        var clock = Stopwatch.StartNew();
        (float[][] vectors, long? inputTokens) = await Embeddings.EmbedBatchAsync(bedrock, _spec, texts, cancellationToken).ConfigureAwait(false);
        int tokens = (int)Math.Min(inputTokens ?? 0, int.MaxValue);
        return new PromptRunResult
        {
            ResultJson = WriteJson(writer => WriteSummary(writer, vectors)),
            RawText = string.Empty,
            ModelId = _spec.ModelId,
            Attempts = Array.Empty<PromptAttempt>(),
            Usage = new TokenUsage { InputTokens = tokens, TotalTokens = tokens },
            Latency = clock.Elapsed,
        };
    }

    // An embedding is one answer, not text that arrives.
    internal override PromptStream? Stream(PromptDescriptor descriptor, IBedrockRuntime bedrock, string argumentsJson, string? modelId, CancellationToken cancellationToken) => null;

    private IReadOnlyList<string> Texts(PromptDescriptor descriptor, string argumentsJson) =>
        _texts(ReadArguments(descriptor, argumentsJson, _parse))?.ToArray() ?? Array.Empty<string>();

    /// <summary><c>{"count":n,"vectors":[{"dimensions":d,"norm":x,"head":[...]}]}</c>: enough to see that the vectors came back and how they look.</summary>
    private static void WriteSummary(Utf8JsonWriter writer, float[][] vectors)
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", vectors.Length);
        writer.WriteStartArray("vectors");
        foreach (float[] vector in vectors)
        {
            double squares = 0;
            foreach (float value in vector)
            {
                squares += (double)value * value;
            }

            writer.WriteStartObject();
            writer.WriteNumber("dimensions", vector.Length);
            writer.WriteNumber("norm", Math.Round(Math.Sqrt(squares), 6));
            writer.WriteStartArray("head");
            foreach (float value in vector.Take(HeadLength))
            {
                writer.WriteNumberValue(Math.Round(value, 6));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
