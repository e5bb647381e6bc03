using System;
using System.IO;

namespace PromptGen.Media;

/// <summary>The wire names of the media formats, and the formats file extensions and leading bytes stand for.</summary>
internal static class MediaFormatNames
{
    public static string Of(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpeg",
        ImageFormat.Gif => "gif",
        ImageFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an image format Bedrock accepts."),
    };

    public static string Of(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "pdf",
        DocumentFormat.Csv => "csv",
        DocumentFormat.Doc => "doc",
        DocumentFormat.Docx => "docx",
        DocumentFormat.Xls => "xls",
        DocumentFormat.Xlsx => "xlsx",
        DocumentFormat.Html => "html",
        DocumentFormat.Txt => "txt",
        DocumentFormat.Md => "md",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a document format Bedrock accepts."),
    };

    public static string Of(VideoFormat format) => format switch
    {
        VideoFormat.Mkv => "mkv",
        VideoFormat.Mov => "mov",
        VideoFormat.Mp4 => "mp4",
        VideoFormat.Webm => "webm",
        VideoFormat.Flv => "flv",
        VideoFormat.Mpeg => "mpeg",
        VideoFormat.Mpg => "mpg",
        VideoFormat.Wmv => "wmv",
        VideoFormat.ThreeGp => "three_gp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a video format Bedrock accepts."),
    };

    public static ImageFormat? ImageFromExtension(string path) => Extension(path) switch
    {
        ".png" => ImageFormat.Png,
        ".jpg" or ".jpeg" or ".jpe" or ".jfif" => ImageFormat.Jpeg,
        ".gif" => ImageFormat.Gif,
        ".webp" => ImageFormat.Webp,
        _ => null,
    };

    public static DocumentFormat? DocumentFromExtension(string path) => Extension(path) switch
    {
        ".pdf" => DocumentFormat.Pdf,
        ".csv" => DocumentFormat.Csv,
        ".doc" => DocumentFormat.Doc,
        ".docx" => DocumentFormat.Docx,
        ".xls" => DocumentFormat.Xls,
        ".xlsx" => DocumentFormat.Xlsx,
        ".html" or ".htm" => DocumentFormat.Html,
        ".txt" or ".text" or ".log" => DocumentFormat.Txt,
        ".md" or ".markdown" => DocumentFormat.Md,
        _ => null,
    };

    public static VideoFormat? VideoFromExtension(string path) => Extension(path) switch
    {
        ".mkv" => VideoFormat.Mkv,
        ".mov" => VideoFormat.Mov,
        ".mp4" or ".m4v" => VideoFormat.Mp4,
        ".webm" => VideoFormat.Webm,
        ".flv" => VideoFormat.Flv,
        ".mpeg" => VideoFormat.Mpeg,
        ".mpg" => VideoFormat.Mpg,
        ".wmv" => VideoFormat.Wmv,
        ".3gp" => VideoFormat.ThreeGp,
        _ => null,
    };

    /// <summary>The image format the file signature names; null when the bytes start like none of the four.</summary>
    public static ImageFormat? ImageFromSignature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(stackalloc byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ImageFormat.Png;
        }

        if (bytes.StartsWith(stackalloc byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return ImageFormat.Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        return bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8) ? ImageFormat.Webp : null;
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
