using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Scriban.Runtime;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// What a template can read from a .NET type, mirroring how the runtime's <c>PromptTemplate</c> renders: Scriban's
/// default object accessor exposes public instance properties (with a public getter, no indexers) and fields of the
/// type and its bases, each under the name <see cref="StandardMemberRenamer"/> gives it (<c>CreatedAt</c> is
/// <c>created_at</c>), and member access is not relaxed, so any other name fails.
/// </summary>
internal static class TemplateMemberTypes
{
    /// <summary>
    /// True only for types whose members Scriban reads with its plain object accessor. Strings, primitives,
    /// collections and dictionaries have their own accessors and builtins (<c>.size</c>); <c>object</c>, dynamic,
    /// type parameters and framework types depend on the runtime value; so none of them are judged.
    /// </summary>
    public static bool IsCheckable(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
            || IsFrameworkOrScriban(type)
            || type.AllInterfaces.Any(HasOwnAccessor))
        {
            return false;
        }

        // An interface that declares nothing says nothing about the object behind it.
        return ReadableMembers(type).Count > 0;
    }

    /// <summary>
    /// For a value whose members Scriban never reads — a string or a list (only <c>size</c>), a number, a bool, a char,
    /// an enum, or a nullable one of those — what to do instead, in words; null for any other type.
    /// Interfaces are not judged: the object behind one may well have members.
    /// </summary>
    public static string? MemberlessKind(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return "a string has only 'size'; transform it with string functions such as '| string.upcase'";
        }

        if (type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_Decimal
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double)
        {
            return "it is a single value with no members: write it as it is, or pass an object that has this member";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return "an enum value has no members: write it as it is";
        }

        if (type is IArrayTypeSymbol { Rank: 1 } || (type.TypeKind is TypeKind.Class or TypeKind.Struct && IsPlainList(type)))
        {
            return "a list has only 'size'; read an element as 'items[0]' or with '| array.first', or loop over it";
        }

        return null;
    }

    /// <summary>Whether Scriban reads <c>size</c> from a value of <paramref name="type"/>: a string or a list.</summary>
    public static bool HasSize(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol || IsPlainList(type);

    /// <summary>A list Scriban reads with its list accessor (IList), and not a dictionary (whose keys are its members).</summary>
    private static bool IsPlainList(ITypeSymbol type) =>
        type.AllInterfaces.Any(@interface => @interface.ToDisplayString() == "System.Collections.IList")
        && !type.AllInterfaces.Any(@interface => @interface.ToDisplayString() is "System.Collections.IDictionary" || @interface.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IDictionary<TKey, TValue>");

    /// <summary>Template name → member type, for the type's readable members (the most derived declaration wins).</summary>
    public static IReadOnlyDictionary<string, ITypeSymbol> ReadableMembers(ITypeSymbol type)
    {
        var members = new Dictionary<string, ITypeSymbol>(System.StringComparer.Ordinal);
        foreach (ITypeSymbol declaring in DeclaringTypes(type))
        {
            foreach (ISymbol member in declaring.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared && member is IFieldSymbol)
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                string name = StandardMemberRenamer.Rename(member.Name);
                if (memberType is not null && !members.ContainsKey(name))
                {
                    members.Add(name, memberType);
                }
            }
        }

        return members;
    }

    /// <summary>What <c>for x in items</c> binds <c>x</c> to, when <paramref name="type"/> is an array or a single <c>IEnumerable&lt;T&gt;</c>.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return null;
            case IArrayTypeSymbol array:
                return array.ElementType;
            case INamedTypeSymbol named when IsEnumerableOfT(named):
                return named.TypeArguments[0];
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        INamedTypeSymbol[] enumerables = type.AllInterfaces.Where(IsEnumerableOfT).ToArray();
        return enumerables.Length == 1 ? enumerables[0].TypeArguments[0] : null;
    }

    /// <summary>
    /// True when a value of <paramref name="type"/> can never be looped over: Scriban's <c>for</c> takes any
    /// <c>IEnumerable</c> (a string loops over its characters) and null (no iterations), and fails on anything else.
    /// Interfaces, <c>object</c>, type parameters and Scriban's own types may hold a collection at run time, so they
    /// are never judged.
    /// </summary>
    public static bool IsNeverACollection(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Enum
            && type.SpecialType is not (SpecialType.System_Object or SpecialType.System_String)
            && !IsScriban(type)
            && !type.AllInterfaces.Any(@interface => @interface.SpecialType == SpecialType.System_Collections_IEnumerable);
    }

    private static bool IsEnumerableOfT(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    private static IEnumerable<ITypeSymbol> DeclaringTypes(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            // The object behind an interface implements all of them; base interfaces are not base types.
            yield return type;
            foreach (INamedTypeSymbol @interface in type.AllInterfaces)
            {
                yield return @interface;
            }

            yield break;
        }

        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>Collections and dictionaries, Scriban's own object interfaces, and objects with dynamic members.</summary>
    private static bool HasOwnAccessor(INamedTypeSymbol @interface) =>
        @interface.SpecialType == SpecialType.System_Collections_IEnumerable
        || IsScriban(@interface)
        || @interface.ToDisplayString() == "System.Dynamic.IDynamicMetaObjectProvider";

    private static bool IsFrameworkOrScriban(ITypeSymbol type) => IsFramework(type) || IsScriban(type);

    private static bool IsFramework(ITypeSymbol type) => RootNamespace(type) is "System" or "Microsoft";

    private static bool IsScriban(ITypeSymbol type) => RootNamespace(type) == "Scriban";

    private static string? RootNamespace(ITypeSymbol type)
    {
        INamespaceSymbol? root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root is null || root.IsGlobalNamespace ? null : root.Name;
    }
}
