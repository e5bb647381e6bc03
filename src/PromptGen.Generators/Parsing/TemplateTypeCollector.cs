using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Lists the user types a template can reach through a method's parameters (their public properties, transitively,
/// and the elements of collections). Templates are rendered by Scriban, which reads members by reflection; the
/// emitted class names these types in [DynamicDependency] so trimming and NativeAOT keep their members.
/// </summary>
internal static class TemplateTypeCollector
{
    private const int MaxTypes = 256;

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    public static void Collect(IEnumerable<ITypeSymbol> parameterTypes, SortedSet<string> into)
    {
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>(parameterTypes);
        while (pending.Count > 0 && into.Count < MaxTypes)
        {
            ITypeSymbol type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            if (type is IArrayTypeSymbol array)
            {
                pending.Push(array.ElementType);
                continue;
            }

            if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsFramework(named))
            {
                // Framework types keep what Scriban needs; for generic framework types (List<T>, Dictionary<K,V>,
                // Nullable<T>) the arguments may be user types.
                if (type is INamedTypeSymbol { IsGenericType: true } generic)
                {
                    foreach (ITypeSymbol argument in generic.TypeArguments)
                    {
                        pending.Push(argument);
                    }
                }

                continue;
            }

            if (named.IsGenericType && named.TypeArguments.Any(argument => argument.TypeKind == TypeKind.TypeParameter)
                || named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected)
            {
                continue; // typeof() cannot name it from the generated class
            }

            into.Add(named.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat));
            foreach (INamedTypeSymbol argument in named.TypeArguments.OfType<INamedTypeSymbol>())
            {
                pending.Push(argument);
            }

            for (INamedTypeSymbol? current = named; current is not null && !IsFramework(current); current = current.BaseType)
            {
                foreach (IPropertySymbol property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && !property.IsIndexer)
                    {
                        pending.Push(property.Type);
                    }
                }
            }
        }
    }

    private static bool IsFramework(INamedTypeSymbol type)
    {
        string? ns = type.ContainingNamespace?.ToDisplayString();
        return type.SpecialType != SpecialType.None || ns is not null && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal));
    }
}
