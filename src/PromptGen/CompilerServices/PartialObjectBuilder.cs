using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// The base of generated partial builders: matches member names to the type's members (as leniently as the
/// non-streaming parser) and dispatches each member's value. Unknown members are ignored.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PartialObjectBuilder<T> : PartialValueBuilder<T>
{
    private int _member = -1;

    /// <inheritdoc />
    public sealed override void OnMemberName(string name) => _member = MemberIndex(name);

    /// <inheritdoc />
    public sealed override void OnScalar(in JsonScalar value)
    {
        if (_member >= 0 && ReadScalar(_member, value))
        {
            MarkChanged();
        }
    }

    /// <inheritdoc />
    public sealed override PartialJsonNode OnContainerStart(bool isArray) =>
        _member >= 0 ? Adopt(StartMember(_member, isArray)) : Ignored;

    /// <inheritdoc />
    public sealed override void OnContainerEnd(PartialJsonNode child)
    {
        if (!ReferenceEquals(child, Ignored))
        {
            MarkChanged(); // a nested object or list member is complete
        }
    }

    /// <summary>The index of the member named <paramref name="name"/>, or -1.</summary>
    protected abstract int MemberIndex(string name);

    /// <summary>Reads a scalar into member <paramref name="member"/>; false when it is not a value of its type.</summary>
    protected abstract bool ReadScalar(int member, in JsonScalar value);

    /// <summary>The builder for a container value of member <paramref name="member"/>, or null to ignore it.</summary>
    protected abstract PartialJsonNode? StartMember(int member, bool isArray);
}
