using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// What JSON value a result is at its root, which says what to look for in a model's answer and whether the
/// schema wraps it as <c>{"value": …}</c>. Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ResultRoot
{
    /// <summary>A record or class: the schema is its own, and the answer is a JSON object.</summary>
    Object,

    /// <summary>
    /// A JSON object the schema wraps (a dictionary, or a record that may be null): the answer is the object itself,
    /// or the wrapper, an object whose only member is <c>value</c>.
    /// </summary>
    WrappedObject,

    /// <summary>A list or array: a JSON array, bare or wrapped.</summary>
    Array,

    /// <summary>An enum, a date, a GUID or other text: a JSON string, bare or wrapped.</summary>
    String,

    /// <summary>A number: bare or wrapped.</summary>
    Number,

    /// <summary>A boolean: <c>true</c> or <c>false</c>, bare or wrapped.</summary>
    Boolean,
}
