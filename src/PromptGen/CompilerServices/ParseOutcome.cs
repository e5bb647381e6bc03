using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace PromptGen.CompilerServices;

/// <summary>
/// A parsed value, or the errors that kept it from being one. <c>default</c> is a failure with no errors.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ParseOutcome<T>
{
    private readonly T _value;
    private readonly IReadOnlyList<ResultError>? _errors;

    private ParseOutcome(bool isSuccess, T value, IReadOnlyList<ResultError>? errors)
    {
        IsSuccess = isSuccess;
        _value = value;
        _errors = errors;
    }

    /// <summary>Whether the value was read; when false, <see cref="Errors"/> says why.</summary>
    public bool IsSuccess { get; }

    /// <exception cref="InvalidOperationException">The outcome is a failure.</exception>
    public T Value => IsSuccess
        ? _value
        : throw new InvalidOperationException("The answer could not be parsed: " + string.Join("; ", Errors.Select(e => e.ToString())));

    /// <summary>Empty on success.</summary>
    public IReadOnlyList<ResultError> Errors => _errors ?? Array.Empty<ResultError>();

    /// <summary>A value read successfully.</summary>
    /// <param name="value">The value.</param>
    public static ParseOutcome<T> Success(T value) => new(true, value, null);

    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty: a failure must say what failed.</exception>
    public static ParseOutcome<T> Failure(IReadOnlyList<ResultError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed parse needs at least one error.", nameof(errors));
        }

        // Copied so that a ResultErrorList the parser keeps using cannot change the outcome afterwards.
        return new(false, default!, errors.ToArray());
    }
}
