using System;
using System.ComponentModel;
using System.Text.Json;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// How one result type is read from a model's answer: what JSON value it is at its root (<see cref="ResultRoot"/>),
/// whether it may be null, and the generated reader of that value. Generated code keeps one per result type in a
/// static field and hands it to the <see cref="StructuredOutputSpec{T}"/>.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// <para>
/// The answer is the first complete top-level JSON value of the result's kind, alone, fenced or with prose around it.
/// A result the schema wraps as <c>{"value": …}</c> is read from the wrapper or bare, and its paths are those of the
/// user's type: <c>$</c> is the result itself. A value of another kind (an array where an object is expected, an
/// object without <c>value</c> where a number is) is a type mismatch at <c>$</c>; <c>null</c> for a result that
/// cannot be null is a missing value. The rules, with an example each, are in docs/parsing.md.
/// </para>
/// <para>
/// A strict answer is parsed once, straight from its UTF-8 bytes; only an answer that is not strict JSON goes through
/// the lenient rewrite first. Never throws on any input.
/// </para>
/// </remarks>
/// <typeparam name="T">The result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResultReader<T>
{
    private static readonly JsonReaderOptions StrictOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = ModelJson.MaxDepth,
    };

    private static readonly JsonNames WrapperMember = new("value");

    private readonly JsonValueReader<T> _read;

    /// <summary>Describes how a result is read.</summary>
    /// <param name="root">What JSON value the result is at its root.</param>
    /// <param name="read">Reads the root value (the generated reader, or a shared one such as <c>TryReadBoolean</c>).</param>
    /// <param name="isNullable">Whether the result may be null (<c>Task&lt;int?&gt;</c>): then <c>null</c> is a value.</param>
    public ResultReader(ResultRoot root, JsonValueReader<T> read, bool isNullable = false)
    {
        Root = root;
        IsNullable = isNullable;
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>What JSON value the result is at its root.</summary>
    internal ResultRoot Root { get; }

    /// <summary>Whether the result may be null.</summary>
    internal bool IsNullable { get; }

    /// <summary>
    /// Reads the result from a model's text answer (the rules are in docs/parsing.md).
    /// </summary>
    /// <param name="text">The answer as the model wrote it.</param>
    /// <param name="outOfTokens">
    /// The model stopped because it ran out of tokens (<c>max_tokens</c>, <c>model_context_window_exceeded</c>): an
    /// answer that cannot be read is then <see cref="ResultErrorKind.Truncated"/>.
    /// </param>
    internal ParseOutcome<T> ReadText(string text, bool outOfTokens)
    {
        ResultErrorList errors = ResultErrorList.Rent();
        try
        {
            var attempt = new Attempt(this, errors);
            if (!AnswerScan.Run(text, ref attempt, outOfTokens, out ResultError error))
            {
                return ParseOutcome<T>.Failure(new[] { error });
            }

            return errors.Count == 0 ? ParseOutcome<T>.Success(attempt.Value) : ParseOutcome<T>.Failure(errors.Items);
        }
        finally
        {
            ResultErrorList.Return(errors);
        }
    }

    /// <summary>
    /// Reads the result from JSON that is the whole answer (a forced tool's input): strict UTF-8 JSON, one value.
    /// </summary>
    internal ParseOutcome<T> ReadJson(ReadOnlySpan<byte> json)
    {
        ResultErrorList errors = ResultErrorList.Rent();
        try
        {
            var reader = new Utf8JsonReader(json, StrictOptions);
            T value = default!;
            try
            {
                if (!reader.Read())
                {
                    return ParseOutcome<T>.Failure(new[] { new ResultError(JsonPaths.Root, ResultErrorKind.NoJson, "the answer holds no JSON value") });
                }

                if (ReadRoot(ref reader, errors, out value) == ValueStatus.OtherKind)
                {
                    var start = new Utf8JsonReader(json, StrictOptions);
                    start.Read();
                    errors.Add(default, ResultErrorKind.TypeMismatch, $"expected {Expected}, got {JsonValueReaders.Describe(ref start)}");
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                errors.Add(default, ResultErrorKind.MalformedJson, e.Message);
            }

            return errors.Count == 0 ? ParseOutcome<T>.Success(value) : ParseOutcome<T>.Failure(errors.Items);
        }
        finally
        {
            ResultErrorList.Return(errors);
        }
    }

    private string Expected => Root switch
    {
        ResultRoot.Array => "array",
        ResultRoot.String => "string",
        ResultRoot.Number => "number",
        ResultRoot.Boolean => "boolean",
        _ => "object",
    };

    /// <summary>
    /// Reads the value under the reader as the result: the value itself, or the one in its wrapper. Leaves the reader
    /// on the value's last token.
    /// </summary>
    private ValueStatus ReadRoot(ref Utf8JsonReader reader, ResultErrorList errors, out T value)
    {
        value = default!;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return ReadValue(ref reader, errors, out value);
            case JsonTokenType.StartObject:
                if (Root == ResultRoot.Object || (Root == ResultRoot.WrappedObject && !IsWrapper(reader)))
                {
                    _read(ref reader, default, errors, out value);
                    return ValueStatus.Read;
                }

                return ReadWrapped(ref reader, errors, out value);
            case JsonTokenType.StartArray:
                if (Root == ResultRoot.Array)
                {
                    _read(ref reader, default, errors, out value);
                    return ValueStatus.Read;
                }

                reader.Skip();
                return ValueStatus.OtherKind;
            default:
                if (Root is ResultRoot.Object or ResultRoot.WrappedObject or ResultRoot.Array)
                {
                    return ValueStatus.OtherKind;
                }

                _read(ref reader, default, errors, out value);
                return ValueStatus.Read;
        }
    }

    /// <summary>The value of the result, which may be <c>null</c> only when the result is nullable.</summary>
    private ValueStatus ReadValue(ref Utf8JsonReader reader, ResultErrorList errors, out T value)
    {
        value = default!;
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!IsNullable)
            {
                errors.Add(default, ResultErrorKind.MissingMember, JsonValueReaders.RequiredMessage + ", got null");
            }

            return ValueStatus.Read;
        }

        _read(ref reader, default, errors, out value);
        return ValueStatus.Read;
    }

    /// <summary>
    /// <c>{"value": …}</c>: the value is read at <c>$</c> and other members are ignored. An object without
    /// <c>value</c> is not the wrapper but a value of another kind.
    /// </summary>
    private ValueStatus ReadWrapped(ref Utf8JsonReader reader, ResultErrorList errors, out T value)
    {
        value = default!;
        bool found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isValue = !found && WrapperMember.FindMember(ref reader) == 0;
            reader.Read();
            if (isValue)
            {
                found = true;
                ReadValue(ref reader, errors, out value);
            }

            reader.Skip();
        }

        return found ? ValueStatus.Read : ValueStatus.OtherKind;
    }

    /// <summary>
    /// For a result that is an object itself (a dictionary, a nullable record): the wrapper is an object whose only
    /// member is <c>value</c>; any other object is the result.
    /// </summary>
    private static bool IsWrapper(Utf8JsonReader probe)
    {
        if (!probe.Read() || probe.TokenType != JsonTokenType.PropertyName || WrapperMember.FindMember(ref probe) != 0)
        {
            return false;
        }

        probe.Read();
        probe.Skip();
        return probe.Read() && probe.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>One reading of an answer: what the scan tries each candidate with, and what it found.</summary>
    private struct Attempt : IAnswerValueReader
    {
        private readonly ResultReader<T> _owner;
        private readonly ResultErrorList _errors;

        public Attempt(ResultReader<T> owner, ResultErrorList errors)
        {
            _owner = owner;
            _errors = errors;
            Value = default!;
        }

        public T Value { get; private set; }

        public readonly AnswerKind Kind => _owner.Root switch
        {
            ResultRoot.Object => AnswerKind.Object,
            ResultRoot.WrappedObject => AnswerKind.WrappedObject,
            ResultRoot.Array => AnswerKind.Array,
            ResultRoot.String => AnswerKind.String,
            ResultRoot.Number => AnswerKind.Number,
            _ => AnswerKind.Boolean,
        };

        public readonly bool IsNullable => _owner.IsNullable;

        public readonly int ErrorCount => _errors.Count;

        public ValueStatus Read(ReadOnlySpan<byte> json, out int consumed)
        {
            _errors.Clear();
            var reader = new Utf8JsonReader(json, StrictOptions);
            try
            {
                consumed = 0;
                if (!reader.Read())
                {
                    return ValueStatus.NotStrict;
                }

                ValueStatus status = _owner.ReadRoot(ref reader, _errors, out T value);
                Value = value;
                consumed = (int)reader.BytesConsumed;
                return status;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Not strict JSON (or a lone surrogate escape System.Text.Json cannot read as text): the lenient
                // reader's rewrite is read instead. What was reported on the way is dropped with it.
                _errors.Clear();
                consumed = 0;
                return ValueStatus.NotStrict;
            }
        }
    }
}
