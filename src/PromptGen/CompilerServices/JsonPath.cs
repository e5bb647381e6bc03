using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace PromptGen.CompilerServices;

/// <summary>
/// Where a value sits in an answer, turned into text (<c>$.order.items[2]</c>) only when an error is reported.
/// Generated parsers pass one to every value they read, and nearly every read succeeds, so the text is never built
/// on the way down: a path is its own step (a member name or an element index) plus how many enclosing containers
/// come before it, whose steps the <see cref="ResultErrorList"/> of the parse keeps while they are being read.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// A path refers to the containers being read when it was made, so it is turned into text while its value is read
/// (as <see cref="ResultErrorList.Add(JsonPath, ResultErrorKind, string)"/> does), not kept for later.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonPath
{
    /// <summary>The steps of the enclosing containers; null for a path written out as text.</summary>
    private readonly PathFrames? _frames;

    /// <summary>With <see cref="_frames"/>: how many of its steps come before this path's own.</summary>
    private readonly int _depth;

    /// <summary>A path written out: the whole path, or the parent of <see cref="_member"/> or <see cref="_indexPlusOne"/>.</summary>
    private readonly string? _text;

    private readonly string? _member;

    /// <summary>The element index plus one; 0 when the path is not an element's.</summary>
    private readonly int _indexPlusOne;

    private JsonPath(PathFrames? frames, int depth, string? text, string? member, int indexPlusOne)
    {
        _frames = frames;
        _depth = depth;
        _text = text;
        _member = member;
        _indexPlusOne = indexPlusOne;
    }

    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    /// <param name="parent">The object's path, from <see cref="JsonValueReaders.TryStartObject"/>.</param>
    /// <param name="name">The member's name in the schema.</param>
    public static JsonPath Member(JsonPath parent, string name) => parent.Child(name, 0);

    /// <summary>The path of element <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    /// <param name="parent">The array's path.</param>
    /// <param name="index">The element's index, from 0.</param>
    public static JsonPath Element(JsonPath parent, int index) => parent.Child(null, index + 1);

    /// <summary>A path written out, e.g. <c>$.args</c> for the value of a tool's arguments.</summary>
    /// <param name="path">The JSONPath text.</param>
    public static implicit operator JsonPath(string path) => new(null, 0, path, null, 0);

    /// <summary>Whether the path has a step of its own (a member or an element), which a container records.</summary>
    internal bool IsStep => _member is not null || _indexPlusOne > 0;

    /// <summary>The JSONPath text, e.g. <c>$.order.items[2]</c>.</summary>
    public override string ToString()
    {
        if (_frames is null && _member is null && _indexPlusOne == 0)
        {
            return _text ?? JsonPaths.Root;
        }

        var text = new StringBuilder();
        if (_frames is not null)
        {
            _frames.Write(text, _depth);
        }
        else
        {
            text.Append(_text ?? JsonPaths.Root);
        }

        AppendStep(text, _member, _indexPlusOne);
        return text.ToString();
    }

    /// <summary>Writes <c>.name</c>, <c>['odd name']</c> or <c>[index]</c>.</summary>
    internal static void AppendStep(StringBuilder text, string? member, int indexPlusOne)
    {
        if (member is not null)
        {
            JsonPaths.AppendMember(text, member);
        }
        else if (indexPlusOne > 0)
        {
            text.Append('[').Append((indexPlusOne - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }

    /// <summary>
    /// The path of the container at this path, whose step <paramref name="frames"/> now records: its members and
    /// elements are paths one step below it, built without text.
    /// </summary>
    internal JsonPath Enter(PathFrames frames)
    {
        if (ReferenceEquals(_frames, frames))
        {
            if (!IsStep)
            {
                return this; // already a container's path (the root, or a container entered twice)
            }

            frames.Set(_depth, _member, _indexPlusOne);
            return new JsonPath(frames, _depth + 1, null, null, 0);
        }

        // The root, or a path written out as text (or recorded by another parse): it becomes the first step.
        frames.SetText(ToString());
        return new JsonPath(frames, 1, null, null, 0);
    }

    private JsonPath Child(string? member, int indexPlusOne)
    {
        if (_frames is not null && !IsStep)
        {
            return new JsonPath(_frames, _depth, null, member, indexPlusOne);
        }

        // A parent that is not a container being read (a path written out, or a member's own path): as text.
        return new JsonPath(null, 0, ToString(), member, indexPlusOne);
    }
}

/// <summary>
/// The steps of the containers being read, by depth: what turns a <see cref="JsonPath"/> into text. A container
/// records its step when its reading starts; while it is read, nothing else writes at its depth (its children
/// write deeper, its siblings after it), so every path below it finds its ancestors' steps in place.
/// </summary>
internal sealed class PathFrames
{
    private string?[] _members = new string?[8];
    private int[] _indexes = new int[8];
    private string _start = JsonPaths.Root;

    /// <summary>The text of the first step: <c>$</c>, or a path given as text.</summary>
    public void SetText(string start) => _start = start;

    public void Set(int depth, string? member, int indexPlusOne)
    {
        if (depth >= _members.Length)
        {
            System.Array.Resize(ref _members, _members.Length * 2);
            System.Array.Resize(ref _indexes, _indexes.Length * 2);
        }

        _members[depth] = member;
        _indexes[depth] = indexPlusOne;
    }

    /// <summary>Writes the steps before <paramref name="depth"/>: the first step's text, then each member or index.</summary>
    public void Write(StringBuilder text, int depth)
    {
        text.Append(_start);
        for (int i = 1; i < depth; i++)
        {
            JsonPath.AppendStep(text, _members[i], _indexes[i]);
        }
    }

    public void Reset() => _start = JsonPaths.Root;
}
