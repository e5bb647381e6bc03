using System;
using System.Collections.Generic;
using System.Text.Json;
using static PromptGen.Bedrock.Serialization.InvokeBodyJson;

namespace PromptGen.Bedrock;

// Amazon Titan Text Embeddings V2, amazon.titan-embed-text-v2:0. Request and response bodies from AWS, "Amazon Titan
// Embeddings Text", https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html (V2
// Request / V2 Response): inputText required; dimensions 1024 (default), 512 or 256; normalize (default true);
// embeddingTypes "float" and/or "binary" (default float); embeddingsByType is always present.

/// <summary>
/// The request body of Amazon Titan Text Embeddings V2 (<c>amazon.titan-embed-text-v2:0</c>) for
/// <see cref="IBedrockRuntime.InvokeModelAsync"/>: one text per call.
/// </summary>
public sealed class TitanTextEmbeddingRequest
{
    /// <summary>The text to embed (<c>inputText</c>); required.</summary>
    public string? InputText { get; init; }

    /// <summary>The vector's length (<c>dimensions</c>): 1024 (the model's default), 512 or 256.</summary>
    public int? Dimensions { get; init; }

    /// <summary>Whether the vector is scaled to length 1 (<c>normalize</c>); the model's default is true.</summary>
    public bool? Normalize { get; init; }

    /// <summary>The vector kinds to return (<c>embeddingTypes</c>): <c>float</c>, <c>binary</c> or both; the default is <c>float</c>.</summary>
    public IReadOnlyList<string>? EmbeddingTypes { get; init; }

    /// <summary>The JSON body, members the caller did not set left out.</summary>
    /// <exception cref="ArgumentException"><see cref="InputText"/> is not set.</exception>
    public byte[] ToJson()
    {
        string inputText = RequireText(InputText, nameof(TitanTextEmbeddingRequest), nameof(InputText));
        return Write(writer =>
        {
            writer.WriteString("inputText", inputText);
            WriteOptional(writer, "dimensions", Dimensions);
            WriteOptional(writer, "normalize", Normalize);
            WriteOptional(writer, "embeddingTypes", EmbeddingTypes);
        });
    }
}

/// <summary>The response body of Amazon Titan Text Embeddings V2.</summary>
public sealed class TitanTextEmbeddingResponse
{
    private const string What = "Titan Text Embeddings";

    private TitanTextEmbeddingResponse(float[] embedding, int inputTextTokenCount, float[]? floatEmbedding, int[]? binaryEmbedding)
    {
        Embedding = embedding;
        InputTextTokenCount = inputTextTokenCount;
        FloatEmbedding = floatEmbedding;
        BinaryEmbedding = binaryEmbedding;
    }

    /// <summary>The vector (<c>embedding</c>), always floats.</summary>
    public IReadOnlyList<float> Embedding { get; }

    /// <summary>The tokens of the input (<c>inputTextTokenCount</c>).</summary>
    public int InputTextTokenCount { get; }

    /// <summary><c>embeddingsByType.float</c>, when the model returned it.</summary>
    public IReadOnlyList<float>? FloatEmbedding { get; }

    /// <summary><c>embeddingsByType.binary</c> (one 0 or 1 per dimension), when <c>binary</c> was asked for.</summary>
    public IReadOnlyList<int>? BinaryEmbedding { get; }

    /// <summary>Reads a response body.</summary>
    /// <exception cref="BedrockResponseException">The body is not a Titan Text Embeddings response.</exception>
    public static TitanTextEmbeddingResponse Parse(ReadOnlyMemory<byte> body) => Read(body, What, root =>
    {
        float[] embedding = Floats(Required(root, "embedding", What, "$"), What, "$.embedding");
        int tokens = Int(Required(root, "inputTextTokenCount", What, "$"), What, "$.inputTextTokenCount");
        float[]? floats = null;
        int[]? binary = null;
        if (Optional(root, "embeddingsByType") is { } byType)
        {
            if (byType.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(What, "$.embeddingsByType", "is not an object");
            }

            floats = Optional(byType, "float") is { } f ? Floats(f, What, "$.embeddingsByType.float") : null;
            binary = Optional(byType, "binary") is { } b ? Ints(b, What, "$.embeddingsByType.binary") : null;
        }

        return new TitanTextEmbeddingResponse(embedding, tokens, floats, binary);
    });
}
