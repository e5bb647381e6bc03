using System;

namespace PromptGen.Prompting;

/// <summary>What <see cref="AnswerScan"/> looks for in an answer: the JSON value a result is read from.</summary>
internal enum AnswerKind
{
    /// <summary>An object (a record or class result).</summary>
    Object,

    /// <summary>An object or an array, whichever comes first (what <see cref="ModelJson"/> hands over).</summary>
    Container,

    /// <summary>An object, bare or wrapped as <c>{"value": {…}}</c> (a dictionary, a record that may be null).</summary>
    WrappedObject,

    /// <summary>An array, bare or wrapped.</summary>
    Array,

    /// <summary>A string, bare or wrapped; failing that, a one-line answer is the string.</summary>
    String,

    /// <summary>A number, bare or wrapped.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>, bare or wrapped.</summary>
    Boolean,
}

/// <summary>How reading one candidate value went.</summary>
internal enum ValueStatus
{
    /// <summary>A complete value of the kind looked for: it is the answer, with or without errors.</summary>
    Read,

    /// <summary>A complete value of another kind (an array where an object is expected): the search goes on.</summary>
    OtherKind,

    /// <summary>The text there is not strict JSON: the lenient reader is tried instead.</summary>
    NotStrict,
}

/// <summary>
/// Reads the value an <see cref="AnswerScan"/> found. A struct, so the scan is generic over it and neither allocates
/// nor dispatches through an interface per candidate.
/// </summary>
internal interface IAnswerValueReader
{
    /// <summary>What to look for.</summary>
    AnswerKind Kind { get; }

    /// <summary>Whether a <c>null</c> is a value (a nullable result).</summary>
    bool IsNullable { get; }

    /// <summary>
    /// Reads the value at the start of <paramref name="json"/>; text after it is not looked at. On
    /// <see cref="ValueStatus.Read"/> the reader holds the outcome; <paramref name="consumed"/> is the value's length
    /// in bytes (for <see cref="ValueStatus.Read"/> and <see cref="ValueStatus.OtherKind"/>).
    /// </summary>
    ValueStatus Read(ReadOnlySpan<byte> json, out int consumed);

    /// <summary>How many errors the value last read has.</summary>
    int ErrorCount { get; }
}
