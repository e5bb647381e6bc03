using System;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;
using PromptGen.Media;

namespace PromptGen.AI;

/// <summary>
/// M.E.AI <see cref="DataContent"/> to and from Converse image, document and video blocks, by media type. Only inline
/// bytes cross: an S3 source has no <see cref="DataContent"/> form, so it becomes a <see cref="UriContent"/> of the s3 URI.
/// </summary>
internal static class MediaContentMapping
{
    /// <summary>The block for <paramref name="data"/>, or null when Bedrock has no block for its media type.</summary>
    public static ContentBlock? ToBlock(DataContent data, int documentIndex)
    {
        string mediaType = data.MediaType.ToLowerInvariant();
        if (ImageFormatOf(mediaType) is { } image)
        {
            return new ContentBlock { Image = new ImageBlock { Format = image, Source = new MediaSource { Bytes = data.Data } } };
        }

        if (DocumentFormatOf(mediaType) is { } document)
        {
            // Bedrock needs a name; M.E.AI's is optional and free text.
            string name = data.Name is { Length: > 0 } given ? DocumentNames.Sanitize(given) : $"document-{documentIndex}";
            return new ContentBlock { Document = new DocumentBlock { Format = document, Name = name, Source = new DocumentSource { Bytes = data.Data } } };
        }

        return VideoFormatOf(mediaType) is { } video
            ? new ContentBlock { Video = new VideoBlock { Format = video, Source = new MediaSource { Bytes = data.Data } } }
            : null;
    }

    /// <summary>The M.E.AI content for a media block; null for other blocks.</summary>
    public static AIContent? ToContent(ContentBlock block)
    {
        if (block.Image is { } image)
        {
            return Content(image.Source.Bytes, image.Source.S3Location, "image/" + image.Format, name: null);
        }

        if (block.Document is { } document)
        {
            return Content(document.Source.Bytes, document.Source.S3Location, DocumentMediaType(document.Format), document.Name);
        }

        return block.Video is { } video ? Content(video.Source.Bytes, video.Source.S3Location, VideoMediaType(video.Format), name: null) : null;
    }

    private static AIContent? Content(ReadOnlyMemory<byte>? bytes, S3Location? s3, string mediaType, string? name)
    {
        if (bytes is { } data)
        {
            return new DataContent(data, mediaType) { Name = name };
        }

        return s3 is null ? null : new UriContent(new Uri(s3.Uri), mediaType);
    }

    private static string? ImageFormatOf(string mediaType) => mediaType switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" => "jpeg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ when mediaType.StartsWith("image/", StringComparison.Ordinal) =>
            throw new NotSupportedException($"Bedrock Converse takes png, jpeg, gif and webp images, not {mediaType}."),
        _ => null,
    };

    private static string? DocumentFormatOf(string mediaType) => mediaType switch
    {
        "application/pdf" => "pdf",
        "text/csv" => "csv",
        "application/msword" => "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
        "application/vnd.ms-excel" => "xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
        "text/html" => "html",
        "text/plain" => "txt",
        "text/markdown" => "md",
        _ => null,
    };

    private static string? VideoFormatOf(string mediaType) => mediaType switch
    {
        "video/x-matroska" => "mkv",
        "video/quicktime" => "mov",
        "video/mp4" => "mp4",
        "video/webm" => "webm",
        "video/x-flv" => "flv",
        "video/mpeg" => "mpeg",
        "video/x-ms-wmv" => "wmv",
        "video/3gpp" => "three_gp",
        _ => null,
    };

    private static string DocumentMediaType(string? format) => format switch
    {
        "pdf" => "application/pdf",
        "csv" => "text/csv",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "html" => "text/html",
        "md" => "text/markdown",
        _ => "text/plain",
    };

    private static string VideoMediaType(string format) => format switch
    {
        "mkv" => "video/x-matroska",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        "flv" => "video/x-flv",
        "mpeg" or "mpg" => "video/mpeg",
        "wmv" => "video/x-ms-wmv",
        "three_gp" => "video/3gpp",
        _ => "video/mp4",
    };
}
