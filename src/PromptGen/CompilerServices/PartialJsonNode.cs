using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// Receives what <see cref="IncrementalJsonReader"/> reads inside one JSON object or array. Generated partial
/// builders derive from <see cref="PartialObjectBuilder{T}"/>; lists and dictionaries use the runtime's builders.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// A node records that something observable changed (a member or element completed) and tells its parents, so
/// that a snapshot rebuilds only the path that changed and reuses the rest: taking a snapshot costs the size of
/// the schema, not of the answer read so far.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PartialJsonNode
{
    /// <summary>A node that ignores what it is given: members the type does not have, values of the wrong kind.</summary>
    public static readonly PartialJsonNode Ignored = new IgnoredNode();

    private PartialJsonNode? _parent;

    /// <summary>Something under this node changed since its last snapshot.</summary>
    public bool HasChanged { get; private set; }

    /// <summary>A member name was read (objects only); the value that follows belongs to it.</summary>
    public virtual void OnMemberName(string name)
    {
    }

    /// <summary>A complete scalar value was read at the current position.</summary>
    public abstract void OnScalar(in JsonScalar value);

    /// <summary>An object or array starts at the current position; returns the node that receives its contents.</summary>
    public abstract PartialJsonNode OnContainerStart(bool isArray);

    /// <summary>A container this node returned from <see cref="OnContainerStart"/> is complete.</summary>
    public virtual void OnContainerEnd(PartialJsonNode child)
    {
    }

    /// <summary>This node's own container is complete.</summary>
    public virtual void OnEnd()
    {
    }

    /// <summary>Marks this node and its ancestors as changed.</summary>
    protected void MarkChanged()
    {
        for (PartialJsonNode? node = this; node is not null && !node.HasChanged; node = node._parent)
        {
            node.HasChanged = true;
        }
    }

    /// <summary>Called when a snapshot has been taken of this node.</summary>
    protected void ClearChanged() => HasChanged = false;

    /// <summary>Makes <paramref name="child"/> report its changes to this node.</summary>
    protected PartialJsonNode Adopt(PartialJsonNode? child)
    {
        if (child is null || ReferenceEquals(child, Ignored))
        {
            return Ignored;
        }

        child._parent = this;
        return child;
    }

    private sealed class IgnoredNode : PartialJsonNode
    {
        public override void OnScalar(in JsonScalar value)
        {
        }

        public override PartialJsonNode OnContainerStart(bool isArray) => this;
    }
}

/// <summary>
/// A node that can give a snapshot of what it has read so far as a value of <typeparamref name="T"/>.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PartialValueBuilder<T> : PartialJsonNode
{
    private T _snapshot = default!;
    private bool _hasSnapshot;

    /// <summary>
    /// The value read so far. Rebuilt only when something under this node changed; otherwise the previous
    /// snapshot is returned, so unchanged parts of successive snapshots are shared.
    /// </summary>
    public T Snapshot()
    {
        if (!_hasSnapshot || HasChanged)
        {
            _snapshot = Build();
            _hasSnapshot = true;
            ClearChanged();
        }

        return _snapshot;
    }

    /// <summary>Builds a new snapshot; child builders are asked for theirs with <see cref="Snapshot"/>.</summary>
    protected abstract T Build();
}
