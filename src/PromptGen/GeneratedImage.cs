using System;

namespace PromptGen;

/// <summary>One image an image method made: its bytes and what the model said about it.</summary>
public sealed class GeneratedImage
{
    /// <summary>Creates an image result.</summary>
    /// <param name="data">The encoded image.</param>
    /// <param name="mediaType">Its media type, e.g. <c>image/png</c>.</param>
    /// <param name="modelId">The model that made it.</param>
    public GeneratedImage(ReadOnlyMemory<byte> data, string mediaType, string modelId)
    {
        Data = data;
        MediaType = mediaType ?? throw new ArgumentNullException(nameof(mediaType));
        ModelId = modelId ?? throw new ArgumentNullException(nameof(modelId));
    }

    /// <summary>The encoded image (PNG or JPEG), as the model sent it.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The media type of <see cref="Data"/>: <c>image/png</c> or <c>image/jpeg</c>.</summary>
    public string MediaType { get; }

    /// <summary>The model id, inference profile or ARN the image came from.</summary>
    public string ModelId { get; }

    /// <summary>The seed behind the image, when the model reports it (Stability) or the method set one.</summary>
    public long? Seed { get; init; }

    /// <summary>The model's finish reason for the image, when it gives one (Stability: null means success).</summary>
    public string? FinishReason { get; init; }

    /// <summary>The <c>x-amzn-RequestId</c> of the call that made the image.</summary>
    public string? RequestId { get; init; }
}
