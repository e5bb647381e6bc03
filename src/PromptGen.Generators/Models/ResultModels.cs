namespace PromptGen.Generators.Models;

/// <summary>What JSON value a C# type is read from.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    DateTime,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Uri,
    Enum,
    Object,
    List,
    Dictionary,
}

/// <summary>How a list is handed to the user's type.</summary>
internal enum CollectionShape
{
    None,
    /// <summary>List&lt;T&gt; or an interface List&lt;T&gt; implements.</summary>
    List,
    Array,
}

/// <summary>A use of a type: the value kind plus what it needs (element type, shape id, nullability).</summary>
internal sealed record TypeRef(
    ValueKind Kind,
    string TypeName,
    bool IsNullable,
    bool IsNullableValueType,
    string? ShapeId,
    TypeRef? Element,
    CollectionShape Collection);

/// <summary>Schema constraints from DataAnnotations; null means none.</summary>
internal sealed record ConstraintsModel(double? Minimum, double? Maximum, int? MinLength, int? MaxLength, string? Pattern)
{
    public static readonly ConstraintsModel None = new(null, null, null, null, null);

    public bool IsEmpty => Minimum is null && Maximum is null && MinLength is null && MaxLength is null && Pattern is null;
}

/// <summary>A member of an object type as it appears in JSON and in C#.</summary>
internal sealed record PropertyShape(
    string PropertyName,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    ConstraintsModel Constraints,
    int ConstructorIndex,
    string? ConstructorDefault);

/// <summary>A record or class read from a JSON object.</summary>
internal sealed record ObjectShape(
    string Id,
    string TypeName,
    string DisplayName,
    string? Description,
    bool IsRecursive,
    EquatableArray<PropertyShape> Properties);

/// <summary>An enum read from a JSON string.</summary>
internal sealed record EnumShape(
    string Id,
    string TypeName,
    string? Description,
    EquatableArray<string> MemberNames);

/// <summary>Everything needed to describe and parse one result type.</summary>
internal sealed record ResultModel(
    TypeRef Root,
    bool IsWrapped,
    string ResultName,
    string SchemaJson,
    EquatableArray<ObjectShape> Objects,
    EquatableArray<EnumShape> Enums);
