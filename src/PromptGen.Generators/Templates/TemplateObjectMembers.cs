using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Scriban.Runtime;

namespace PromptGen.Generators.Templates;

/// <summary>
/// The members Scriban's default object accessor reads from a .NET object, found at compile time: public instance
/// properties (public getter, not indexers) and fields of the type and its bases, named by
/// <see cref="StandardMemberRenamer"/> (<c>UnitPrice</c> is <c>unit_price</c>), most derived first.
/// </summary>
internal static class TemplateObjectMembers
{
    public static (string Identifier, ITypeSymbol Type)? Find(ITypeSymbol? type, string templateName)
    {
        if (type is null || !IsPlainObject(type))
        {
            return null;
        }

        foreach (ITypeSymbol declaring in DeclaringTypes(type))
        {
            foreach (ISymbol member in declaring.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared && member is IFieldSymbol
                    || StandardMemberRenamer.Rename(member.Name) != templateName)
                {
                    continue;
                }

                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType is not null)
                {
                    string identifier = SyntaxFacts.GetKeywordKind(member.Name) != SyntaxKind.None ? "@" + member.Name : member.Name;
                    return (identifier, memberType);
                }
            }
        }

        return null;
    }

    /// <summary>What <c>for x in items</c> binds <c>x</c> to: an array's element or the T of a single IEnumerable&lt;T&gt;.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String || IsDictionary(type))
        {
            return null;
        }

        if (type is INamedTypeSymbol named && IsEnumerableOfT(named))
        {
            return named.TypeArguments[0];
        }

        INamedTypeSymbol[] enumerables = type.AllInterfaces.Where(IsEnumerableOfT).ToArray();
        return enumerables.Length == 1 ? enumerables[0].TypeArguments[0] : null;
    }

    /// <summary>Types Scriban reads through its plain object accessor, whose members do not depend on the run-time type.</summary>
    private static bool IsPlainObject(ITypeSymbol type) =>
        type.SpecialType == SpecialType.None
        && type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface
        && RootNamespace(type) is not ("System" or "Microsoft" or "Scriban")
        && !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable
            || RootNamespace(i) == "Scriban"
            || i.ToDisplayString() == "System.Dynamic.IDynamicMetaObjectProvider");

    private static bool IsEnumerableOfT(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;

    private static bool IsDictionary(ITypeSymbol type) =>
        new[] { type }.Concat(type.AllInterfaces).Any(candidate => candidate.OriginalDefinition.ToDisplayString() is
            "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>" or "System.Collections.IDictionary");

    private static IEnumerable<ITypeSymbol> DeclaringTypes(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
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
