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
    /// <param name="format">The format of the bytes.</param>
    public ImageAttribute(ImageFormat format) => Format = format;

    /// <summary>The declared format; null when it is told from the bytes.</summary>
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

    /// <summary>For raw bytes and streams, which need their format declared.</summary>
    /// <param name="format">The format of the bytes.</param>
    public DocumentAttribute(DocumentFormat format) => Format = format;

    /// <summary>The declared format; null for <see cref="PromptDocument"/> parameters, which carry theirs.</summary>
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

    /// <summary>For raw bytes and streams, which need their format declared.</summary>
    /// <param name="format">The format of the bytes.</param>
    public VideoAttribute(VideoFormat format) => Format = format;

    /// <summary>The declared format; null for <see cref="PromptVideo"/> parameters, which carry theirs.</summary>
    public VideoFormat? Format { get; }

    /// <summary>Before (the default) or after the rendered prompt text.</summary>
    public MediaPlacement Placement { get; set; }
}
