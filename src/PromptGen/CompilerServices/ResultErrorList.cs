using System.Collections.Generic;
using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// Collects every error found while reading one answer, so the model can be told all of them at once.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResultErrorList
{
    // Created at the first error: most answers have none, and one list per parse is the parse's only fixed cost.
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
}
