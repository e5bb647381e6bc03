using System.Collections.Generic;
using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// Collects every error found while reading one answer, so the model can be told all of them at once, and keeps the
/// steps of the containers being read, which turn a <see cref="JsonPath"/> into text when an error is reported.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResultErrorList
{
    // One list per thread is reused by the parses run on it (a parse never starts another one).
    [System.ThreadStatic]
    private static ResultErrorList? _threadCached;

    private readonly PathFrames _frames = new();

    // Created at the first error: most answers have none.
    private List<ResultError>? _items;

    /// <summary>The number of errors collected.</summary>
    public int Count => _items?.Count ?? 0;

    /// <summary>The errors collected, in the order found.</summary>
    public IReadOnlyList<ResultError> Items => _items ?? (IReadOnlyList<ResultError>)System.Array.Empty<ResultError>();

    /// <summary>Adds an error at <paramref name="path"/>.</summary>
    /// <param name="path">Where in the answer.</param>
    /// <param name="kind">What kind of problem it is.</param>
    /// <param name="message">What was expected and what was there, worded for the model.</param>
    public void Add(JsonPath path, ResultErrorKind kind, string message) => Add(new ResultError(path.ToString(), kind, message));

    internal void Add(ResultError error) => (_items ??= new List<ResultError>()).Add(error);

    /// <summary>Records that the container at <paramref name="path"/> is being read; returns the path its members and elements hang from.</summary>
    internal JsonPath Enter(JsonPath path) => path.Enter(_frames);

    /// <summary>A cleared list for one parse on this thread; give it back with <see cref="Return"/>.</summary>
    internal static ResultErrorList Rent()
    {
        ResultErrorList? list = _threadCached;
        _threadCached = null;
        return list ?? new ResultErrorList();
    }

    /// <summary>Takes back a list from <see cref="Rent"/>, once what it holds has been copied out.</summary>
    internal static void Return(ResultErrorList list)
    {
        list.Clear();
        _threadCached = list;
    }

    /// <summary>Empties the list for the next answer, so one list can serve many parses on a thread.</summary>
    internal void Clear()
    {
        _items?.Clear();
        _frames.Reset();
    }
}
