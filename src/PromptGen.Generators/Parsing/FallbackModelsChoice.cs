using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The models a prompt method tries, in order, after its own: its <c>[FallbackModels]</c>, else its interface's. The
/// attribute decides, not its ids: one on the method with no ids turns the interface's off. Blank ids are skipped
/// (PG0202 reports them where they are written); an attribute with a compile error names none.
/// </summary>
internal sealed class FallbackModelsChoice
{
    private FallbackModelsChoice(AttributeData? attribute, bool isInterfaceWide, IReadOnlyList<FallbackModelId> ids)
    {
        Attribute = attribute;
        IsInterfaceWide = isInterfaceWide;
        Ids = ids;
    }

    /// <summary>The deciding attribute (the method's or the interface's); null when neither has one.</summary>
    public AttributeData? Attribute { get; }

    /// <summary>The interface's, which every method without its own shares.</summary>
    public bool IsInterfaceWide { get; }

    public IReadOnlyList<FallbackModelId> Ids { get; }

    public static FallbackModelsChoice Resolve(AttributeData? method, AttributeData? @interface)
    {
        AttributeData? attribute = method ?? @interface;
        return new FallbackModelsChoice(attribute, method is null && @interface is not null, Read(attribute));
    }

    private static IReadOnlyList<FallbackModelId> Read(AttributeData? attribute)
    {
        if (attribute is null || AttributeReader.HasErrors(attribute) || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Array, IsNull: false } written)
        {
            return System.Array.Empty<FallbackModelId>();
        }

        var ids = new List<FallbackModelId>();
        for (int position = 0; position < written.Values.Length; position++)
        {
            if (written.Values[position].Value is string id && !string.IsNullOrWhiteSpace(id))
            {
                ids.Add(new FallbackModelId(id, position));
            }
        }

        return ids;
    }
}

/// <summary>A fallback model id and its position among the ids written, which locates its literal.</summary>
internal readonly record struct FallbackModelId(string Id, int Position);
