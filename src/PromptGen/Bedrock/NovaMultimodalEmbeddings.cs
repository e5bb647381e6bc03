using System;
using System.Collections.Generic;
using System.Text.Json;
using static PromptGen.Bedrock.Serialization.InvokeBodyJson;

namespace PromptGen.Bedrock;

// Amazon Nova Multimodal Embeddings, amazon.nova-2-multimodal-embeddings-v1:0. Synchronous request schema from AWS,
// "Complete embeddings request and response schema", https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html:
// schemaVersion "nova-multimodal-embed-v1", taskType "SINGLE_EMBEDDING", singleEmbeddingParams {embeddingPurpose
// (required: GENERIC_INDEX, GENERIC_RETRIEVAL, TEXT_RETRIEVAL, IMAGE_RETRIEVAL, VIDEO_RETRIEVAL, DOCUMENT_RETRIEVAL,
// AUDIO_RETRIEVAL, CLASSIFICATION, CLUSTERING), embeddingDimension 256|384|1024|3072, text {truncationMode
// START|END|NONE, value}, image {detailLevel STANDARD_IMAGE|DOCUMENT_IMAGE, format png|jpeg|gif|webp, source
// SourceObject}}; a SourceObject is {bytes: base64} or {s3Location: {uri, bucketOwner}} (same page).
// Response {"embeddings":[{"embeddingType","embedding","truncatedCharLength"?}]} [U: read from excerpts].

/// <summary>
/// The request body of Amazon Nova Multimodal Embeddings (<c>amazon.nova-2-multimodal-embeddings-v1:0</c>) for one
/// text or one image (<c>SINGLE_EMBEDDING</c>).
/// </summary>
public sealed class NovaEmbeddingRequest
{
    /// <summary>
    /// What the vector is for (<c>embeddingPurpose</c>), required: <c>GENERIC_INDEX</c>, <c>GENERIC_RETRIEVAL</c>,
    /// <c>TEXT_RETRIEVAL</c>, <c>IMAGE_RETRIEVAL</c>, <c>DOCUMENT_RETRIEVAL</c>, <c>CLASSIFICATION</c>, <c>CLUSTERING</c>…
    /// </summary>
    public string? EmbeddingPurpose { get; init; }

    /// <summary>The vector length (<c>embeddingDimension</c>): 256, 384, 1024 or 3072.</summary>
    public int? EmbeddingDimension { get; init; }

    /// <summary>The text to embed (<c>text.value</c>); give this or <see cref="ImageBytes"/>.</summary>
    public string? Text { get; init; }

    /// <summary>How over-long text is cut (<c>text.truncationMode</c>): <c>START</c>, <c>END</c> or <c>NONE</c>.</summary>
    public string? TextTruncationMode { get; init; }

    /// <summary>The image to embed (<c>image.source.bytes</c>); give this or <see cref="Text"/>.</summary>
    public ReadOnlyMemory<byte>? ImageBytes { get; init; }

    /// <summary>The image's format (<c>image.format</c>): <c>png</c>, <c>jpeg</c>, <c>gif</c> or <c>webp</c>; required with an image.</summary>
    public string? ImageFormat { get; init; }

    /// <summary><c>STANDARD_IMAGE</c> or <c>DOCUMENT_IMAGE</c> (<c>image.detailLevel</c>).</summary>
    public string? ImageDetailLevel { get; init; }

    /// <summary>
    /// The image to embed, read by Bedrock from S3 (<c>image.source.s3Location.uri</c>, an <c>s3://</c> URI); give this
    /// instead of <see cref="ImageBytes"/> for an image in S3.
    /// </summary>
    public string? ImageS3Uri { get; init; }

    /// <summary>The account that owns the bucket of <see cref="ImageS3Uri"/> (<c>image.source.s3Location.bucketOwner</c>).</summary>
    public string? ImageS3BucketOwner { get; init; }

    /// <summary>The JSON body.</summary>
    /// <exception cref="ArgumentException">The purpose is missing, or not exactly one of a text and an image is given.</exception>
    public byte[] ToJson()
    {
        string purpose = RequireText(EmbeddingPurpose, nameof(NovaEmbeddingRequest), nameof(EmbeddingPurpose));
        bool image = ImageBytes is not null || ImageS3Uri is not null;
        if ((Text is null) == !image || (ImageBytes is not null && ImageS3Uri is not null))
        {
            throw new ArgumentException("NovaEmbeddingRequest takes exactly one of Text, ImageBytes and ImageS3Uri.", nameof(Text));
        }

        string? imageFormat = !image ? null : RequireText(ImageFormat, nameof(NovaEmbeddingRequest), nameof(ImageFormat));
        return Write(writer =>
        {
            writer.WriteString("schemaVersion", "nova-multimodal-embed-v1");
            writer.WriteString("taskType", "SINGLE_EMBEDDING");
            writer.WriteStartObject("singleEmbeddingParams");
            writer.WriteString("embeddingPurpose", purpose);
            WriteOptional(writer, "embeddingDimension", EmbeddingDimension);
            if (Text is not null)
            {
                writer.WriteStartObject("text");
                WriteOptional(writer, "truncationMode", TextTruncationMode);
                writer.WriteString("value", Text);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject("image");
                WriteOptional(writer, "detailLevel", ImageDetailLevel);
                writer.WriteString("format", imageFormat);
                writer.WriteStartObject("source");
                if (ImageBytes is { } bytes)
                {
                    writer.WriteBase64String("bytes", bytes.Span);
                }
                else
                {
                    writer.WriteStartObject("s3Location");
                    writer.WriteString("uri", ImageS3Uri);
                    WriteOptional(writer, "bucketOwner", ImageS3BucketOwner);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
    }
}

/// <summary>One vector of a <see cref="NovaEmbeddingResponse"/>.</summary>
public sealed class NovaEmbedding
{
    internal NovaEmbedding(string? embeddingType, float[] embedding, int? truncatedCharLength)
    {
        EmbeddingType = embeddingType;
        Embedding = embedding;
        TruncatedCharLength = truncatedCharLength;
    }

    /// <summary>What was embedded (<c>embeddingType</c>), e.g. <c>TEXT</c> or <c>IMAGE</c>.</summary>
    public string? EmbeddingType { get; }

    /// <summary>The vector (<c>embedding</c>).</summary>
    public IReadOnlyList<float> Embedding { get; }

    /// <summary>Where the text was cut (<c>truncatedCharLength</c>), when it was.</summary>
    public int? TruncatedCharLength { get; }
}

/// <summary>The response body of Amazon Nova Multimodal Embeddings.</summary>
public sealed class NovaEmbeddingResponse
{
    private const string What = "Nova Multimodal Embeddings";

    private NovaEmbeddingResponse(IReadOnlyList<NovaEmbedding> embeddings) => Embeddings = embeddings;

    /// <summary>The vectors (<c>embeddings</c>); one for a single text or image.</summary>
    public IReadOnlyList<NovaEmbedding> Embeddings { get; }

    /// <summary>Reads a response body.</summary>
    /// <exception cref="BedrockResponseException">The body is not a Nova Multimodal Embeddings response.</exception>
    public static NovaEmbeddingResponse Parse(ReadOnlyMemory<byte> body) => Read(body, What, root =>
        new NovaEmbeddingResponse(Array(Required(root, "embeddings", What, "$"), What, "$.embeddings", (item, path) =>
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(What, path, "is not an object");
            }

            return new NovaEmbedding(
                OptionalString(item, "embeddingType", What, path),
                Floats(Required(item, "embedding", What, path), What, path + ".embedding"),
                Optional(item, "truncatedCharLength") is { } cut ? Int(cut, What, path + ".truncatedCharLength") : null);
        })));
}
