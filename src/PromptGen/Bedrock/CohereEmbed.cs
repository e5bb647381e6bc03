using System;
using System.Collections.Generic;
using System.Text.Json;
using static PromptGen.Bedrock.Serialization.InvokeBodyJson;

namespace PromptGen.Bedrock;

// Cohere Embed v3 (cohere.embed-english-v3, cohere.embed-multilingual-v3) and v4 (cohere.embed-v4:0). Bodies from AWS,
// "Cohere Embed v3", https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v3.html (input_type
// search_document|search_query|classification|clustering|image; texts 0–96 of at most 2,048 characters; images one data
// URI; truncate NONE|START|END; embedding_types float|int8|uint8|binary|ubinary), and "Cohere Embed v4",
// https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v4.html (output_dimension 256|512|1024|1536,
// max_tokens, truncate NONE|LEFT|RIGHT, up to 96 texts or images). Response: {id, texts, embeddings, response_type}
// where embeddings is a list of float vectors ("embeddings_floats") or an object of lists by type
// ("embeddings_by_type"); the response shape is Cohere's, not spelled out on the v4 page [U].

/// <summary>
/// The request body of Cohere Embed v3 (<c>cohere.embed-english-v3</c>, <c>cohere.embed-multilingual-v3</c>) and v4
/// (<c>cohere.embed-v4:0</c>): many texts per call.
/// </summary>
public sealed class CohereEmbedRequest
{
    /// <summary>
    /// What the vectors are for (<c>input_type</c>), required: <c>search_document</c>, <c>search_query</c>,
    /// <c>classification</c> or <c>clustering</c> (v3 also <c>image</c>).
    /// </summary>
    public string? InputType { get; init; }

    /// <summary>The texts to embed (<c>texts</c>), at most 96; give these or <see cref="Images"/>.</summary>
    public IReadOnlyList<string>? Texts { get; init; }

    /// <summary>Images as data URIs, <c>data:image/png;base64,…</c> (<c>images</c>); v3 takes one.</summary>
    public IReadOnlyList<string>? Images { get; init; }

    /// <summary>How over-long input is cut (<c>truncate</c>): v3 <c>NONE</c>, <c>START</c> or <c>END</c>; v4 <c>NONE</c>, <c>LEFT</c> or <c>RIGHT</c>.</summary>
    public string? Truncate { get; init; }

    /// <summary>The vector kinds to return (<c>embedding_types</c>): <c>float</c>, <c>int8</c>, <c>uint8</c>, <c>binary</c>, <c>ubinary</c>.</summary>
    public IReadOnlyList<string>? EmbeddingTypes { get; init; }

    /// <summary>v4 only: the vector length (<c>output_dimension</c>), 256, 512, 1024 or 1536.</summary>
    public int? OutputDimension { get; init; }

    /// <summary>v4 only: the most tokens per input (<c>max_tokens</c>).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The JSON body, members the caller did not set left out.</summary>
    /// <exception cref="ArgumentException"><see cref="InputType"/> is not set.</exception>
    public byte[] ToJson()
    {
        string inputType = RequireText(InputType, nameof(CohereEmbedRequest), nameof(InputType));
        return Write(writer =>
        {
            WriteOptional(writer, "texts", Texts);
            WriteOptional(writer, "images", Images);
            writer.WriteString("input_type", inputType);
            WriteOptional(writer, "truncate", Truncate);
            WriteOptional(writer, "embedding_types", EmbeddingTypes);
            WriteOptional(writer, "output_dimension", OutputDimension);
            WriteOptional(writer, "max_tokens", MaxTokens);
        });
    }
}

/// <summary>The response body of Cohere Embed v3 and v4: one vector per input, of each kind asked for.</summary>
public sealed class CohereEmbedResponse
{
    private const string What = "Cohere Embed";

    private CohereEmbedResponse(string? id, string? responseType, IReadOnlyList<string> texts, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<float>>> byType)
    {
        Id = id;
        ResponseType = responseType;
        Texts = texts;
        EmbeddingsByType = byType;
    }

    /// <summary>The response id (<c>id</c>).</summary>
    public string? Id { get; }

    /// <summary><c>embeddings_floats</c> (floats only) or <c>embeddings_by_type</c> (<c>response_type</c>).</summary>
    public string? ResponseType { get; }

    /// <summary>The texts that were embedded, as the model echoes them (<c>texts</c>); empty when it did not.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>
    /// The vectors by kind (<c>float</c>, <c>int8</c>, <c>uint8</c>, <c>binary</c>, <c>ubinary</c>), one per input in order;
    /// integer kinds as their values. An <c>embeddings_floats</c> answer fills <c>float</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<float>>> EmbeddingsByType { get; }

    /// <summary>The float vectors, one per input; empty when floats were not asked for.</summary>
    public IReadOnlyList<IReadOnlyList<float>> FloatEmbeddings =>
        EmbeddingsByType.TryGetValue("float", out IReadOnlyList<IReadOnlyList<float>>? floats) ? floats : System.Array.Empty<IReadOnlyList<float>>();

    /// <summary>Reads a response body.</summary>
    /// <exception cref="BedrockResponseException">The body is not a Cohere Embed response.</exception>
    public static CohereEmbedResponse Parse(ReadOnlyMemory<byte> body) => Read(body, What, root =>
    {
        JsonElement embeddings = Required(root, "embeddings", What, "$");
        var byType = new Dictionary<string, IReadOnlyList<IReadOnlyList<float>>>(StringComparer.Ordinal);
        if (embeddings.ValueKind == JsonValueKind.Array)
        {
            byType["float"] = Vectors(embeddings, "$.embeddings");
        }
        else if (embeddings.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty kind in embeddings.EnumerateObject())
            {
                if (kind.Value.ValueKind != JsonValueKind.Null)
                {
                    byType[kind.Name] = Vectors(kind.Value, $"$.embeddings.{kind.Name}");
                }
            }
        }
        else
        {
            throw Invalid(What, "$.embeddings", "is neither a list of vectors nor an object of them");
        }

        IReadOnlyList<string> texts = Optional(root, "texts") is { } t
            ? Array(t, What, "$.texts", (element, path) => String(element, What, path))
            : System.Array.Empty<string>();
        return new CohereEmbedResponse(OptionalString(root, "id", What, "$"), OptionalString(root, "response_type", What, "$"), texts, byType);
    });

    private static List<IReadOnlyList<float>> Vectors(JsonElement value, string path) =>
        Array<IReadOnlyList<float>>(value, What, path, (vector, vectorPath) => Floats(vector, What, vectorPath));
}
