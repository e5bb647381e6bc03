namespace PromptGen;

/// <summary>The image formats Bedrock Converse accepts.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    Webp,
}

/// <summary>The document formats Bedrock Converse accepts.</summary>
public enum DocumentFormat
{
    Pdf,
    Csv,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Html,
    Txt,
    Md,
}

/// <summary>The video formats Bedrock Converse accepts (models with video input, such as Amazon Nova Lite and Pro).</summary>
public enum VideoFormat
{
    Mkv,
    Mov,
    Mp4,
    Webm,
    Flv,
    Mpeg,
    Mpg,
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
