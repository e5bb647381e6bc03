using System;

namespace PromptGen.Testing;

/// <summary>
/// One content block of the last user message as the emulator received it, so a test can assert what was attached, in
/// which order, with which format and name, and the exact bytes.
/// </summary>
public sealed class RecordedContentBlock
{
    internal RecordedContentBlock(string kind)
    {
        Kind = kind;
    }

    /// <summary>One of <see cref="ContentKinds"/>, or the block's member name when it is another kind.</summary>
    public string Kind { get; }

    /// <summary>The text of a text block (or of a document's text source).</summary>
    public string? Text { get; internal init; }

    /// <summary>The <c>format</c> of an image, document or video, as sent (e.g. <c>png</c>, <c>md</c>, <c>three_gp</c>).</summary>
    public string? Format { get; internal init; }

    /// <summary>A document's name.</summary>
    public string? Name { get; internal init; }

    /// <summary>The decoded <c>source.bytes</c>; null when the source is not inline bytes or is not valid base64.</summary>
    public ReadOnlyMemory<byte>? Bytes { get; internal init; }

    /// <summary>The <c>source.s3Location.uri</c>; null for inline media.</summary>
    public string? S3Uri { get; internal init; }

    /// <summary>The <c>source.s3Location.bucketOwner</c>.</summary>
    public string? BucketOwner { get; internal init; }

    /// <summary>A document sent with <c>citations: {"enabled": true}</c>: the emulator's answer cites it where it shares a term.</summary>
    public bool CitationsEnabled { get; internal init; }

    /// <summary>A short description, e.g. <c>image (png, 1234 bytes)</c>; the default reply lists media this way.</summary>
    public override string ToString() => Kind switch
    {
        ContentKinds.Text => $"text ({Text?.Length ?? 0} characters)",
        ContentKinds.Document => $"document '{Name}' ({Format}, {Size})",
        ContentKinds.Image or ContentKinds.Video => $"{Kind} ({Format}, {Size})",
        _ => Kind,
    };

    private string Size => Bytes is { } bytes ? $"{bytes.Length} bytes" : S3Uri ?? "no bytes";
}

/// <summary>The values of <see cref="RecordedContentBlock.Kind"/> for the block kinds the emulator reads.</summary>
public static class ContentKinds
{
    /// <summary>A text block.</summary>
    public const string Text = "text";
    /// <summary>An image block.</summary>
    public const string Image = "image";
    /// <summary>A document block.</summary>
    public const string Document = "document";
    /// <summary>A video block.</summary>
    public const string Video = "video";
}
