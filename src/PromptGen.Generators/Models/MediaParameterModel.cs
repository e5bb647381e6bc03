namespace PromptGen.Generators.Models;

/// <summary>Which kind of content block a media parameter becomes.</summary>
internal enum MediaKind
{
    Image,
    Document,
    Video,
}

/// <summary>What the parameter holds, which decides the call that turns it into content blocks.</summary>
internal enum MediaValueShape
{
    /// <summary>PromptImage, PromptDocument or PromptVideo.</summary>
    MediaObject,

    /// <summary>An array or IEnumerable&lt;T&gt; of one of them.</summary>
    MediaCollection,

    /// <summary>byte[].</summary>
    ByteArray,

    /// <summary>ReadOnlyMemory&lt;byte&gt; or Memory&lt;byte&gt;.</summary>
    Memory,

    /// <summary>ReadOnlyMemory&lt;byte&gt;? or Memory&lt;byte&gt;?.</summary>
    NullableMemory,

    /// <summary>System.IO.Stream or a type derived from it: read once, asynchronously, before the call.</summary>
    Stream,
}

/// <summary>A parameter sent as content blocks beside the rendered text rather than rendered into it.</summary>
/// <param name="Format">The format enum member for raw bytes and streams (e.g. <c>Png</c>); null to detect (images) or when the value carries it.</param>
/// <param name="DocumentName">The name for a raw document; null otherwise.</param>
/// <param name="AfterText">Placement = MediaPlacement.AfterText; before the text otherwise.</param>
internal sealed record MediaParameterModel(
    string Identifier,
    MediaKind Kind,
    MediaValueShape Shape,
    string? Format,
    string? DocumentName,
    bool AfterText)
{
    /// <summary>
    /// A reference type the user may pass null for (annotated, or nullable-oblivious): null sends no block. Otherwise a
    /// null is an ArgumentNullException rather than a silently missing attachment.
    /// </summary>
    public bool AcceptsNull { get; init; }
}
