namespace PromptGen;

/// <summary>Why a model's answer could not be turned into the typed result.</summary>
public enum ResultErrorKind
{
    /// <summary>The answer holds no JSON object or array at all (only prose, or nothing; or no tool call).</summary>
    NoJson,

    /// <summary>There is JSON, but it is broken beyond what the lenient reading repairs.</summary>
    MalformedJson,

    /// <summary>The answer stops in the middle of the JSON, or the model hit its token limit.</summary>
    Truncated,

    /// <summary>A value has the wrong type: a word where a number belongs, an object where a list belongs.</summary>
    TypeMismatch,

    /// <summary>A required member is absent.</summary>
    MissingMember,

    /// <summary>A string matches none of an enum's names.</summary>
    UnknownEnumValue,

    /// <summary>A value is out of its declared range, length, count or pattern.</summary>
    ConstraintViolation,

    /// <summary>A guardrail or content filter blocked the answer.</summary>
    Refused,
}
