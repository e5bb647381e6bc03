using System.Linq;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// A streamed result's partial type seen as a result model, so the writer tools' results use
/// (<see cref="ToolResultWriterEmitter"/>) also writes partial values as JSON for descriptors: each object becomes its
/// generated <c>{Type}Partial</c> (every member nullable, lists and dictionaries read-only views of partial elements),
/// under shape ids of its own so the writers of the whole result and of its partial never share a method.
/// </summary>
internal static class PartialResultModels
{
    private const string Collections = "global::System.Collections.Generic";
    private const string IdPrefix = "partial:";

    /// <summary>The model of the partial values <paramref name="result"/> streams as.</summary>
    public static ResultModel Of(ResultModel result, StreamingPartialTypes types)
    {
        ObjectShape[] objects = result.Objects
            .Select(shape => shape with
            {
                Id = IdPrefix + shape.Id,
                TypeName = types.QualifiedNameOf(shape.Id),
                Properties = shape.Properties.Select(property => property with { Type = Partial(property.Type, types, member: true) }).ToEquatableArray(),
            })
            .ToArray();
        return result with { Root = Partial(result.Root, types, member: false), Objects = objects.ToEquatableArray() };
    }

    /// <summary>
    /// <paramref name="type"/> as a partial holds it: as <see cref="StreamingPartialTypes.PartialTypeOf"/> names it, and
    /// nullable when it is a member (null until written).
    /// </summary>
    private static TypeRef Partial(TypeRef type, StreamingPartialTypes types, bool member)
    {
        TypeRef core = type.Kind switch
        {
            ValueKind.Object => type with { ShapeId = IdPrefix + type.ShapeId, TypeName = types.QualifiedNameOf(type.ShapeId!) },
            ValueKind.List => ListOf(type, Partial(type.Element!, types, member: false)),
            ValueKind.Dictionary => type with
            {
                Element = Partial(type.Element!, types, member: false),
                TypeName = $"{Collections}.IReadOnlyDictionary<string, {Partial(type.Element!, types, member: false).TypeName}>",
            },
            _ => type with { TypeName = StreamingPartialTypes.NonNullable(type.TypeName) },
        };
        if (!member && !type.IsNullable)
        {
            return core with { IsNullable = false, IsNullableValueType = false };
        }

        return core with
        {
            IsNullable = true,
            IsNullableValueType = StreamingPartialTypes.IsValueType(type),
            TypeName = core.TypeName + "?",
        };
    }

    private static TypeRef ListOf(TypeRef type, TypeRef element) =>
        type with { Element = element, Collection = CollectionShape.List, TypeName = $"{Collections}.IReadOnlyList<{element.TypeName}>" };
}
