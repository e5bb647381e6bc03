using System.Collections.Generic;

namespace PromptGen.Prompting;

/// <summary>Collects every error found while reading one answer, so the model can be told all of them at once.</summary>
public sealed class ResultErrorList
{
    private readonly List<ResultError> _items = new();

    public int Count => _items.Count;

    public IReadOnlyList<ResultError> Items => _items;

    public void Add(string path, ResultErrorKind kind, string message) => _items.Add(new ResultError(path, kind, message));

    internal void Add(ResultError error) => _items.Add(error);
}
