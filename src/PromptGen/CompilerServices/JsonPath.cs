using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// Where a value sits in an answer, kept as its parent's path plus one member name or index and turned into text
/// only when an error is reported. Generated parsers pass one to every value they read,
/// and nearly every read succeeds, so building the text eagerly would allocate a string per value for nothing.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonPath
{
    private readonly string? _parent;
    private readonly string? _member;

    /// <summary>The element index plus one; 0 when the path is not an element's.</summary>
    private readonly int _indexPlusOne;

    private JsonPath(string parent, string? member, int indexPlusOne)
    {
        _parent = parent;
        _member = member;
        _indexPlusOne = indexPlusOne;
    }

    /// <summary>The path of member <paramref name="name"/> of the value at <paramref name="parent"/>.</summary>
    public static JsonPath Member(string parent, string name) => new(parent, name, 0);

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static JsonPath Element(string parent, int index) => new(parent, null, index + 1);

    /// <summary>A path written out, e.g. <c>$</c> for the whole answer.</summary>
    /// <param name="path">The JSONPath text.</param>
    public static implicit operator JsonPath(string path) => new(path, null, 0);

    /// <summary>The JSONPath text, e.g. <c>$.order.items[2]</c>.</summary>
    public override string ToString()
    {
        string parent = _parent ?? JsonPaths.Root;
        return _member is not null ? JsonPaths.Member(parent, _member)
            : _indexPlusOne > 0 ? JsonPaths.Index(parent, _indexPlusOne - 1)
            : parent;
    }
}
