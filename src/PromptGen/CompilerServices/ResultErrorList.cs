using System.Collections.Generic;
using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>Collects every error found while reading one answer, so the model can be told all of them at once.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResultErrorList
{
    // Created at the first error: most answers have none, and one list per parse is the parse's only fixed cost.
    private List<ResultError>? _items;

    public int Count => _items?.Count ?? 0;

    public IReadOnlyList<ResultError> Items => _items ?? (IReadOnlyList<ResultError>)System.Array.Empty<ResultError>();

    public void Add(JsonPath path, ResultErrorKind kind, string message) => Add(new ResultError(path.ToString(), kind, message));

    internal void Add(ResultError error) => (_items ??= new List<ResultError>()).Add(error);
}
