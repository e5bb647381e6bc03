using System;

namespace PromptGen.Bedrock;

// Converse media content blocks (wire spec §3): image, document and video, each with a source union of inline bytes
// or an S3 location. Bytes are ReadOnlyMemory<byte>, which System.Text.Json writes as base64 straight from the
// caller's buffer: no intermediate copy or base64 string is made before the request body.

/// <summary>An image content block: <c>{"format":"png","source":{"bytes":"…"}}</c>.</summary>
public sealed class ImageBlock
{
    /// <summary><c>png</c>, <c>jpeg</c>, <c>gif</c> or <c>webp</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>Where the image comes from (<c>source</c>): inline bytes or S3.</summary>
    public MediaSource Source { get; set; } = new();
}

/// <summary>A document content block. Bedrock reads documents only in user turns that also hold a text block.</summary>
public sealed class DocumentBlock
{
    /// <summary><c>pdf</c>, <c>csv</c>, <c>doc</c>, <c>docx</c>, <c>xls</c>, <c>xlsx</c>, <c>html</c>, <c>txt</c> or <c>md</c>.</summary>
    public string? Format { get; set; }

    /// <summary>
    /// 1–200 characters: letters, digits, single spaces, hyphens, parentheses and square brackets. Unique within a request.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>Where the document comes from (<c>source</c>): inline bytes, S3 or text.</summary>
    public DocumentSource Source { get; set; } = new();

    /// <summary>Turns on document citations (<c>citations: {"enabled": true}</c>) for models that support them; null leaves it out.</summary>
    public CitationsConfig? Citations { get; set; }
}

/// <summary>A video content block.</summary>
public sealed class VideoBlock
{
    /// <summary><c>mkv</c>, <c>mov</c>, <c>mp4</c>, <c>webm</c>, <c>flv</c>, <c>mpeg</c>, <c>mpg</c>, <c>wmv</c> or <c>three_gp</c>.</summary>
    public string Format { get; set; } = "";

    /// <summary>Where the video comes from (<c>source</c>): inline bytes or S3.</summary>
    public MediaSource Source { get; set; } = new();
}

/// <summary>An image or video source union: set <see cref="Bytes"/> or <see cref="S3Location"/>.</summary>
public sealed class MediaSource
{
    /// <summary>The raw bytes; base64 on the wire.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; set; }

    /// <summary>The object Bedrock reads (<c>s3Location</c>).</summary>
    public S3Location? S3Location { get; set; }
}

/// <summary>A document source union: set <see cref="Bytes"/>, <see cref="S3Location"/> or <see cref="Text"/>.</summary>
public sealed class DocumentSource
{
    /// <summary>The raw bytes; base64 on the wire.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; set; }

    /// <summary>The object Bedrock reads (<c>s3Location</c>).</summary>
    public S3Location? S3Location { get; set; }

    /// <summary>The document as plain text (newer models only; <see cref="Bytes"/> works everywhere).</summary>
    public string? Text { get; set; }
}

/// <summary>An object in Amazon S3 that Bedrock reads itself (only some models accept S3 media, see wire spec §7).</summary>
public sealed class S3Location
{
    /// <summary><c>s3://bucket/key</c>.</summary>
    public string Uri { get; set; } = "";

    /// <summary>The bucket owner's 12-digit account id, when the bucket belongs to another account.</summary>
    public string? BucketOwner { get; set; }
}
