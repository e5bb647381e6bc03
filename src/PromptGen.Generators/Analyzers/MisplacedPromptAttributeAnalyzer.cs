using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// <c>[Prompt]</c>, <c>[SystemPrompt]</c> or <c>[Model]</c> where PromptGen never looks (PG0008): on a method of a
/// class, struct or record; on a method with a body or a static one (the generator implements only abstract
/// interface methods); or on a method of a plain interface that is no <c>[PromptClient]</c> and that no
/// <c>[PromptClient]</c> interface of this compilation extends. Not a <see cref="PromptClientAnalyzer"/>: it looks
/// at methods outside prompt clients.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class MisplacedPromptAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.PromptAttributeOutsidePromptClient);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            KnownTypeSymbols knownTypes = KnownTypeSymbols.For(start.Compilation);
            if (!knownTypes.ReferencesPromptGen)
            {
                return;
            }

            // Built at most once per compilation, and only when a plain interface carries one of our attributes.
            var extendedByClients = new System.Lazy<HashSet<INamedTypeSymbol>>(
                () => InterfacesExtendedByPromptClients(start.Compilation, knownTypes),
                System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is not IMethodSymbol { ContainingType: { } containingType } method)
                    {
                        return;
                    }

                    foreach (AttributeData attribute in method.GetAttributes())
                    {
                        INamedTypeSymbol? type = attribute.AttributeClass;
                        bool ours = SymbolEqualityComparer.Default.Equals(type, knownTypes.PromptAttribute)
                            || SymbolEqualityComparer.Default.Equals(type, knownTypes.SystemPromptAttribute)
                            || SymbolEqualityComparer.Default.Equals(type, knownTypes.ModelAttribute)
                            || SymbolEqualityComparer.Default.Equals(type, knownTypes.RetrieveAttribute);
                        if (!ours || Reason(method, containingType, knownTypes, extendedByClients) is not { } reason)
                        {
                            continue;
                        }

                        if (AttributeArguments.Location(attribute, symbolContext.CancellationToken) is { } location)
                        {
                            string name = type!.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
                            symbolContext.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.PromptAttributeOutsidePromptClient,
                                location,
                                name,
                                method.Name,
                                containingType.Name,
                                reason));
                        }
                    }
                },
                SymbolKind.Method);
        });
    }

    /// <summary>Why the attribute does nothing on this method, as the end of the message; null when it does something.</summary>
    private static string? Reason(IMethodSymbol method, INamedTypeSymbol containingType, KnownTypeSymbols knownTypes, System.Lazy<HashSet<INamedTypeSymbol>> extendedByClients)
    {
        if (containingType.TypeKind != TypeKind.Interface)
        {
            return "; move the method there or remove the attribute";
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || !method.IsAbstract)
        {
            return $"; '{method.Name}' has a body or is static, so it keeps its own implementation: remove the body or the attribute";
        }

        if (AttributeReader.Find(containingType, knownTypes.PromptClientAttribute) is not null || extendedByClients.Value.Contains(containingType.OriginalDefinition))
        {
            return null;
        }

        return $", and '{containingType.Name}' is not one and no [PromptClient] interface in this project extends it; add [PromptClient] to it (and make it partial) or extend it from a prompt client";
    }

    private static HashSet<INamedTypeSymbol> InterfacesExtendedByPromptClients(Compilation compilation, KnownTypeSymbols knownTypes)
    {
        var extended = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            INamespaceOrTypeSymbol current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            var type = (INamedTypeSymbol)current;
            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }

            if (type.TypeKind == TypeKind.Interface && AttributeReader.Find(type, knownTypes.PromptClientAttribute) is not null)
            {
                foreach (INamedTypeSymbol baseInterface in type.AllInterfaces)
                {
                    extended.Add(baseInterface.OriginalDefinition);
                }
            }
        }

        return extended;
    }
}
