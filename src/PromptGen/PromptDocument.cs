using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Media;

namespace PromptGen;

/// <summary>
/// A document for a prompt: a format, a name the model sees, and either the bytes or an S3 location. A prompt method
/// parameter of this type (or a collection of it) becomes a document content block of the user turn; null sends nothing.
/// </summary>
public sealed class PromptDocument
{
    private PromptDocument(DocumentFormat format, string name, ReadOnlyMemory<byte> bytes, S3Location? s3Location)
    {
        Format = format;
        Name = name;
        Bytes = bytes;
        S3Location = s3Location;
    }

    /// <summary>The document's format, sent as <c>document.format</c>.</summary>
    public DocumentFormat Format { get; }

    /// <summary>The name Bedrock shows the model; unique among a request's documents.</summary>
    public string Name { get; }

    /// <summary>The document's bytes; empty when it is in S3.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Where Bedrock reads the document; null when the bytes are inline.</summary>
    public S3Location? S3Location { get; }

    /// <summary>A document from its bytes (not copied).</summary>
    /// <param name="bytes">The document's content, at most 4.5 MB.</param>
    /// <param name="format">The document's format.</param>
    /// <param name="name">Checked against Bedrock's rule (see <see cref="IsValidName"/>); <see cref="SanitizeName"/> makes any text fit it.</param>
    /// <exception cref="PromptMediaException">The bytes are empty or over 4.5 MB, or the name breaks Bedrock's rule.</exception>
    public static PromptDocument FromBytes(ReadOnlyMemory<byte> bytes, DocumentFormat format, string name)
    {
        MediaReader.CheckSize(bytes, PromptMediaLimits.MaxDocumentBytes, "document");
        return new PromptDocument(format, CheckName(name), bytes, null);
    }

    /// <summary>A text document (UTF-8), e.g. markdown or CSV held in a string.</summary>
    public static PromptDocument FromText(string text, string name, DocumentFormat format = DocumentFormat.Txt)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromBytes(Encoding.UTF8.GetBytes(text), format, name);
    }

    /// <summary>
    /// A document from a file. The format comes from the extension unless given; the name, unless given, is the file name
    /// without its extension, made to fit Bedrock's rule (<see cref="SanitizeName"/>).
    /// </summary>
    public static PromptDocument FromFile(string path, DocumentFormat? format = null, string? name = null)
    {
        (DocumentFormat resolved, string documentName) = FileFacts(path, format, name);
        return new PromptDocument(resolved, documentName, MediaReader.ReadFile(path, PromptMediaLimits.MaxDocumentBytes, "document"), null);
    }

    /// <inheritdoc cref="FromFile"/>
    public static async Task<PromptDocument> FromFileAsync(string path, DocumentFormat? format = null, string? name = null, CancellationToken cancellationToken = default)
    {
        (DocumentFormat resolved, string documentName) = FileFacts(path, format, name);
        ReadOnlyMemory<byte> bytes = await MediaReader.ReadFileAsync(path, PromptMediaLimits.MaxDocumentBytes, "document", cancellationToken).ConfigureAwait(false);
        return new PromptDocument(resolved, documentName, bytes, null);
    }

    /// <summary>Reads the stream from its position to its end, once and asynchronously (it is left open).</summary>
    public static async Task<PromptDocument> FromStreamAsync(
        Stream stream,
        DocumentFormat format,
        string name,
        int maxBytes = PromptMediaLimits.MaxDocumentBytes,
        CancellationToken cancellationToken = default)
    {
        string checkedName = CheckName(name);
        ReadOnlyMemory<byte> bytes = await MediaReader.ReadAsync(stream, Math.Min(maxBytes, PromptMediaLimits.MaxDocumentBytes), "document", cancellationToken).ConfigureAwait(false);
        return new PromptDocument(format, checkedName, bytes, null);
    }

    /// <summary>A document Bedrock reads from S3 (<c>s3://bucket/key</c>); only some models accept S3 media.</summary>
    public static PromptDocument FromS3(string uri, DocumentFormat format, string name, string? bucketOwner = null) =>
        new(format, CheckName(name), ReadOnlyMemory<byte>.Empty, S3Locations.Create(uri, bucketOwner));

    /// <summary>
    /// Whether Bedrock accepts <paramref name="name"/>: 1–200 characters of ASCII letters and digits, single spaces,
    /// hyphens, parentheses and square brackets.
    /// </summary>
    public static bool IsValidName(string? name) => DocumentNames.Problem(name) is null;

    /// <summary>A name Bedrock accepts made from any text: other characters become hyphens, spaces are collapsed.</summary>
    public static string SanitizeName(string text) => DocumentNames.Sanitize(text);

    /// <summary>The Converse content block for this document.</summary>
    public ContentBlock ToContentBlock() => new()
    {
        Document = new DocumentBlock
        {
            Format = MediaFormatNames.Of(Format),
            Name = Name,
            Source = S3Location is null ? new DocumentSource { Bytes = Bytes } : new DocumentSource { S3Location = S3Location },
        },
    };

    private static (DocumentFormat Format, string Name) FileFacts(string path, DocumentFormat? format, string? name)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DocumentFormat resolved = format ?? MediaFormatNames.DocumentFromExtension(path) ?? throw new PromptMediaException(
            $"The format of the document '{Path.GetFileName(path)}' cannot be told from its extension; give one of pdf, csv, doc, docx, xls, xlsx, html, txt, md.");
        return (resolved, name is null ? DocumentNames.Sanitize(Path.GetFileNameWithoutExtension(path)) : CheckName(name));
    }

    private static string CheckName(string name) => DocumentNames.Problem(name) is { } problem
        ? throw new PromptMediaException($"Bedrock refuses the document name '{name}': {problem}. PromptDocument.SanitizeName makes any text fit.", nameof(name))
        : name;
}
