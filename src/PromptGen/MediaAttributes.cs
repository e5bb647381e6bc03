using System;

namespace PromptGen;

/// <summary>
/// Sends a prompt method parameter as image content blocks rather than template text. Needed on raw bytes
/// (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>Memory&lt;byte&gt;</c>) and <c>Stream</c>; optional on
/// <see cref="PromptImage"/> and its collections, which are images by type, to choose <see cref="Placement"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ImageAttribute : Attribute
{
    /// <summary>The format is told from the bytes' file signature at run time (PNG, JPEG, GIF, WebP).</summary>
    public ImageAttribute()
    {
    }

    /// <summary>The bytes are of this format; bytes that are recognisably another one are refused.</summary>
    public ImageAttribute(ImageFormat format) => Format = format;

    public ImageFormat? Format { get; }

    /// <summary>Before (the default) or after the rendered prompt text.</summary>
    public MediaPlacement Placement { get; set; }
}

/// <summary>
/// Sends a prompt method parameter as document content blocks. Needed, with the format, on raw bytes and streams;
/// optional on <see cref="PromptDocument"/> and its collections.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DocumentAttribute : Attribute
{
    /// <summary>For <see cref="PromptDocument"/> parameters, which carry their format.</summary>
    public DocumentAttribute()
    {
    }

    public DocumentAttribute(DocumentFormat format) => Format = format;

    public DocumentFormat? Format { get; }

    /// <summary>
    /// The name the model sees for raw bytes or a stream (letters, digits, single spaces, hyphens, parentheses, square
    /// brackets; at most 200). Defaults to the parameter's name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Before (the default) or after the rendered prompt text.</summary>
    public MediaPlacement Placement { get; set; }
}

/// <summary>
/// Sends a prompt method parameter as video content blocks. Needed, with the format, on raw bytes and streams; optional
/// on <see cref="PromptVideo"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class VideoAttribute : Attribute
{
    /// <summary>For <see cref="PromptVideo"/> parameters, which carry their format.</summary>
    public VideoAttribute()
    {
    }

    public VideoAttribute(VideoFormat format) => Format = format;

    public VideoFormat? Format { get; }

    /// <summary>Before (the default) or after the rendered prompt text.</summary>
    public MediaPlacement Placement { get; set; }
}
