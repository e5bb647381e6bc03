namespace PromptGen.Descriptors;

/// <summary>Which media a descriptor's media parameter takes.</summary>
public enum PromptMediaKind
{
    /// <summary>A <see cref="PromptImage"/>.</summary>
    Image,

    /// <summary>A <see cref="PromptDocument"/>.</summary>
    Document,

    /// <summary>A <see cref="PromptVideo"/>.</summary>
    Video,
}

/// <summary>
/// A media parameter of a described method. Its argument is one JSON object,
/// <c>{"format":"png","base64":"..."}</c> (documents add <c>"name"</c>; format names are Bedrock's, e.g. <c>jpeg</c>,
/// <c>pdf</c>, <c>mp4</c>), which the page's file picker writes. Made by generated code.
/// </summary>
public sealed class PromptMediaParameter
{
    /// <summary>Describes one media parameter.</summary>
    /// <param name="name">The parameter's name, the argument's JSON property.</param>
    /// <param name="kind">Image, document or video.</param>
    /// <param name="isRequired">False when the parameter accepts null (no block is sent then).</param>
    public PromptMediaParameter(string name, PromptMediaKind kind, bool isRequired)
    {
        Name = name ?? throw new System.ArgumentNullException(nameof(name));
        Kind = kind;
        IsRequired = isRequired;
    }

    /// <summary>The parameter's name, the argument's JSON property.</summary>
    public string Name { get; }

    /// <summary>Image, document or video.</summary>
    public PromptMediaKind Kind { get; }

    /// <summary>False when the parameter accepts null (no block is sent then).</summary>
    public bool IsRequired { get; }
}
