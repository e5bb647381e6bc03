using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// Converts a complete scalar into a value of <typeparamref name="T"/>; false when it is not one.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool PartialScalarReader<T>(in JsonScalar scalar, out T value);

/// <summary>
/// Reads a JSON array element by element. A snapshot is a read-only view of the elements completed so far plus
/// the one being read, sharing storage with earlier snapshots (elements are only ever appended), so each
/// snapshot costs O(1) however long the list.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PartialListBuilder<T> : PartialValueBuilder<IReadOnlyList<T>>
{
    private readonly List<T> _items = new();
    private readonly PartialScalarReader<T>? _readScalar;
    private readonly Func<PartialValueBuilder<T>>? _createElement;
    private readonly bool _elementIsArray;
    private PartialValueBuilder<T>? _current;

    /// <param name="readScalar">Reads scalar elements; null when the elements are objects or lists.</param>
    /// <param name="createElement">Creates the builder of an object or list element; null for scalar elements.</param>
    /// <param name="elementIsArray">Elements are lists rather than objects.</param>
    public PartialListBuilder(PartialScalarReader<T>? readScalar, Func<PartialValueBuilder<T>>? createElement = null, bool elementIsArray = false)
    {
        _readScalar = readScalar;
        _createElement = createElement;
        _elementIsArray = elementIsArray;
    }

    /// <inheritdoc />
    public override void OnScalar(in JsonScalar value)
    {
        if (_readScalar is not null && _readScalar(value, out T item))
        {
            _items.Add(item);
            MarkChanged();
        }
    }

    /// <inheritdoc />
    public override PartialJsonNode OnContainerStart(bool isArray)
    {
        if (_createElement is null || isArray != _elementIsArray)
        {
            return Ignored;
        }

        _current = _createElement();
        return Adopt(_current);
    }

    /// <inheritdoc />
    public override void OnContainerEnd(PartialJsonNode child)
    {
        if (ReferenceEquals(child, _current))
        {
            _items.Add(_current!.Snapshot());
            _current = null;
            MarkChanged();
        }
    }

    /// <inheritdoc />
    protected override IReadOnlyList<T> Build() => _current is null
        ? new PartialList<T>(_items, _items.Count)
        : new PartialList<T>(_items, _items.Count, _current.Snapshot());
}

/// <summary>
/// Reads a JSON object with string keys. A snapshot copies the entries (dictionaries in results are small;
/// lists, which can be long, share storage instead).
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PartialDictionaryBuilder<T> : PartialValueBuilder<IReadOnlyDictionary<string, T>>
{
    private readonly Dictionary<string, T> _entries = new();
    private readonly PartialScalarReader<T>? _readScalar;
    private readonly Func<PartialValueBuilder<T>>? _createValue;
    private readonly bool _valueIsArray;
    private string? _key;
    private PartialValueBuilder<T>? _current;
    private string? _currentKey;

    /// <summary>Creates a builder of a dictionary whose values are scalars or, with <paramref name="createValue"/>, objects or lists.</summary>
    /// <param name="readScalar">Converts a scalar value; null when values are not scalars.</param>
    /// <param name="createValue">Creates the builder of a non-scalar value; null when values are scalars.</param>
    /// <param name="valueIsArray">Whether a non-scalar value is a JSON array rather than an object.</param>
    public PartialDictionaryBuilder(PartialScalarReader<T>? readScalar, Func<PartialValueBuilder<T>>? createValue = null, bool valueIsArray = false)
    {
        _readScalar = readScalar;
        _createValue = createValue;
        _valueIsArray = valueIsArray;
    }

    /// <inheritdoc />
    public override void OnMemberName(string name) => _key = name;

    /// <inheritdoc />
    public override void OnScalar(in JsonScalar value)
    {
        if (_key is not null && _readScalar is not null && _readScalar(value, out T item))
        {
            _entries[_key] = item;
            MarkChanged();
        }
    }

    /// <inheritdoc />
    public override PartialJsonNode OnContainerStart(bool isArray)
    {
        if (_key is null || _createValue is null || isArray != _valueIsArray)
        {
            return Ignored;
        }

        _current = _createValue();
        _currentKey = _key;
        return Adopt(_current);
    }

    /// <inheritdoc />
    public override void OnContainerEnd(PartialJsonNode child)
    {
        if (ReferenceEquals(child, _current))
        {
            _entries[_currentKey!] = _current!.Snapshot();
            _current = null;
            _currentKey = null;
            MarkChanged();
        }
    }

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, T> Build()
    {
        var copy = new Dictionary<string, T>(_entries);
        if (_current is not null)
        {
            copy[_currentKey!] = _current.Snapshot();
        }

        return copy;
    }
}

/// <summary>A read-only view of the first elements of an append-only list, plus an element still being read.</summary>
internal sealed class PartialList<T> : IReadOnlyList<T>
{
    private readonly List<T> _items;
    private readonly int _count;
    private readonly bool _hasTail;
    private readonly T _tail;

    public PartialList(List<T> items, int count)
    {
        _items = items;
        _count = count;
        _tail = default!;
    }

    public PartialList(List<T> items, int count, T tail)
    {
        _items = items;
        _count = count;
        _hasTail = true;
        _tail = tail;
    }

    public int Count => _hasTail ? _count + 1 : _count;

    public T this[int index] => (uint)index < (uint)_count ? _items[index]
        : _hasTail && index == _count ? _tail
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _items[i];
        }

        if (_hasTail)
        {
            yield return _tail;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", this) + "]";
}
