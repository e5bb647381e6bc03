namespace PromptGen;

/// <summary>The image formats Bedrock Converse accepts.</summary>
public enum ImageFormat
{
    /// <summary>PNG (<c>png</c>).</summary>
    Png,

    /// <summary>JPEG (<c>jpeg</c>).</summary>
    Jpeg,

    /// <summary>GIF (<c>gif</c>).</summary>
    Gif,

    /// <summary>WebP (<c>webp</c>).</summary>
    Webp,
}

/// <summary>The document formats Bedrock Converse accepts.</summary>
public enum DocumentFormat
{
    /// <summary>PDF (<c>pdf</c>).</summary>
    Pdf,

    /// <summary>Comma-separated values (<c>csv</c>).</summary>
    Csv,

    /// <summary>Word 97–2003 (<c>doc</c>).</summary>
    Doc,

    /// <summary>Word (<c>docx</c>).</summary>
    Docx,

    /// <summary>Excel 97–2003 (<c>xls</c>).</summary>
    Xls,

    /// <summary>Excel (<c>xlsx</c>).</summary>
    Xlsx,

    /// <summary>HTML (<c>html</c>).</summary>
    Html,

    /// <summary>Plain text (<c>txt</c>).</summary>
    Txt,

    /// <summary>Markdown (<c>md</c>).</summary>
    Md,
}

/// <summary>The video formats Bedrock Converse accepts (models with video input, such as Amazon Nova Lite and Pro).</summary>
public enum VideoFormat
{
    /// <summary>Matroska (<c>mkv</c>).</summary>
    Mkv,

    /// <summary>QuickTime (<c>mov</c>).</summary>
    Mov,

    /// <summary>MPEG-4 (<c>mp4</c>).</summary>
    Mp4,

    /// <summary>WebM (<c>webm</c>).</summary>
    Webm,

    /// <summary>Flash video (<c>flv</c>).</summary>
    Flv,

    /// <summary>MPEG (<c>mpeg</c>).</summary>
    Mpeg,

    /// <summary>MPEG (<c>mpg</c>).</summary>
    Mpg,

    /// <summary>Windows Media Video (<c>wmv</c>).</summary>
    Wmv,

    /// <summary>3GPP, <c>three_gp</c> on the wire.</summary>
    ThreeGp,
}

/// <summary>Where a media parameter's content blocks go relative to the rendered prompt text.</summary>
public enum MediaPlacement
{
    /// <summary>
    /// Before the text: what Anthropic and Amazon recommend (the question after the material it is about), and the default.
    /// </summary>
    BeforeText,

    /// <summary>After the text.</summary>
    AfterText,
}
