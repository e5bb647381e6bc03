using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Parsing;
using PromptGen.Generators.Templates;
using Scriban.Syntax;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Checks member accesses in templates against the parameters' types: <c>{{ ticket.titel }}</c> fails at render
/// time because the runtime renders strictly, so it is PG0103 at the member's characters inside the literal. The
/// names are Scriban's: <see cref="TemplateMemberTypes"/> renames members exactly as the runtime does. A <c>for</c>
/// or <c>tablerow</c> over a value that can never be a collection (<c>{{ for x in ticket.count }}</c> on an int)
/// fails the same way ("Unexpected type for iterator"), so it is PG0104 at the iterated expression. A member of a
/// string, a number, a bool, an enum or a list (other than a string's or a list's <c>size</c>) fails too: Scriban reads
/// no member of those, so it is PG0103, naming the type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TemplateMemberAnalyzer : PromptClientAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnknownTemplateMember,
        DiagnosticDescriptors.LoopOverNonCollection);

    protected override void Analyze(PromptDeclaration declaration, KnownTypeSymbols knownTypes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (PromptMethod method in declaration.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.Prompt is null)
            {
                continue; // PG0004
            }

            var parameterTypes = new Dictionary<string, ITypeSymbol?>(System.StringComparer.Ordinal);
            foreach (IParameterSymbol parameter in method.Symbol.Parameters)
            {
                if (!knownTypes.IsCancellationToken(parameter.Type))
                {
                    parameterTypes[parameter.Name] = parameter.Type;
                }
            }

            // {{ for p in passages }}: RetrievedPassage values, in every template but the query that retrieves them.
            var withPassages = new Dictionary<string, ITypeSymbol?>(parameterTypes, System.StringComparer.Ordinal);
            method.Rules.Retrieval?.AddTemplateVariables(withPassages);

            foreach (MethodTemplate template in method.Rules.Templates)
            {
                // The sink drops the repeat when an interface-wide system prompt is judged again for the next method.
                AnalyzeTemplate(template, template.ReadsPassages ? withPassages : parameterTypes, knownTypes.Compilation, sink, cancellationToken);
            }
        }
    }

    private static void AnalyzeTemplate(
        MethodTemplate template,
        Dictionary<string, ITypeSymbol?> parameterTypes,
        Compilation compilation,
        DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        if (AttributeReader.HasErrors(template.Attribute)
            || template.Text is not { } text
            || template.Syntax(cancellationToken) is not { } argument)
        {
            return;
        }

        if (TemplateSyntax.Check(text).Page is not { } page)
        {
            return; // PG0100's or PG0106's
        }

        LiteralSourceMap? map = null;
        Location LocationOf(int start, int end)
        {
            map ??= LiteralSourceMap.For(argument, compilation);
            return map.Locate(start, end);
        }

        var walker = new MemberAccessWalker(
            parameterTypes,
            compilation.GetSpecialType(SpecialType.System_Int32),
            (type, member, start, end) =>
            {
                if (TemplateMemberTypes.MemberlessKind(type) is { } memberless)
                {
                    sink.Report(
                        DiagnosticDescriptors.UnknownTemplateMember,
                        LocationOf(start, end),
                        type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                        member,
                        memberless);
                    return;
                }

                string? closest = Closest(type, member);
                sink.Report(
                    DiagnosticDescriptors.UnknownTemplateMember,
                    LocationOf(start, end),
                    FixProperties.Replacement(FixProperties.SuggestedMember, closest, member),
                    type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    member,
                    Advice(type, closest));
            },
            (type, start, end) => sink.Report(
                DiagnosticDescriptors.LoopOverNonCollection,
                LocationOf(start, end),
                text.Substring(start, end - start),
                type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        walker.Walk(page);
    }

    /// <summary>The member the template most likely meant, or null when none is close.</summary>
    private static string? Closest(ITypeSymbol type, string typed)
    {
        IReadOnlyDictionary<string, ITypeSymbol> members = TemplateMemberTypes.ReadableMembers(type);
        // Scriban renames .NET members to snake_case, so 'CreatedAt' is the most likely way to miss 'created_at'.
        string renamed = Scriban.Runtime.StandardMemberRenamer.Rename(typed);
        return members.ContainsKey(renamed) ? renamed : NameSuggestion.Closest(typed, members.Keys) ?? ClosestMember(typed, members.Keys);
    }

    private static string Advice(ITypeSymbol type, string? closest)
    {
        if (closest is not null)
        {
            return $"did you mean '{closest}'?";
        }

        IReadOnlyDictionary<string, ITypeSymbol> members = TemplateMemberTypes.ReadableMembers(type);
        const int listed = 8;
        IEnumerable<string> names = members.Keys.OrderBy(name => name, System.StringComparer.Ordinal).Take(listed).Select(name => $"'{name}'");
        return $"templates can read {string.Join(", ", names)}{(members.Count > listed ? ", …" : string.Empty)}";
    }

    /// <summary>
    /// Member names are short, so a swapped pair ('titel') is beyond <see cref="NameSuggestion"/>'s third; and a
    /// snake_case member is often typed as its first or last word ('email' for 'email_address').
    /// </summary>
    private static string? ClosestMember(string typed, IEnumerable<string> members)
    {
        string lowered = typed.ToLowerInvariant();
        string[] candidates = members.OrderBy(name => name, System.StringComparer.Ordinal).ToArray();
        string? typo = candidates
            .Select(name => (Name: name, Distance: PromptGen.Generators.Catalog.EditDistance.Between(lowered, name)))
            .Where(candidate => candidate.Distance <= 2 && candidate.Distance < candidate.Name.Length)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
        if (typo is not null)
        {
            return typo;
        }

        string[] words = candidates.Where(name => name.StartsWith(lowered + "_", System.StringComparison.Ordinal) || name.EndsWith("_" + lowered, System.StringComparison.Ordinal)).ToArray();
        return words.Length == 1 ? words[0] : null;
    }

    /// <summary>
    /// Walks a template tracking the static type of each name in scope: the parameters, and loop variables (the
    /// element type of what they loop over). A name whose type cannot be known is null, and nothing reached through
    /// it is judged: a false error would stop a build that renders fine.
    /// </summary>
    private sealed class MemberAccessWalker
    {
        private readonly System.Action<ITypeSymbol, string, int, int> _reportMissing;
        private readonly System.Action<ITypeSymbol, int, int> _reportNotCollection;
        private readonly ITypeSymbol _int;
        private Dictionary<string, ITypeSymbol?> _scope;
        private HashSet<string>? _assigned;

        public MemberAccessWalker(
            Dictionary<string, ITypeSymbol?> parameterTypes,
            ITypeSymbol @int,
            System.Action<ITypeSymbol, string, int, int> reportMissing,
            System.Action<ITypeSymbol, int, int> reportNotCollection)
        {
            _scope = parameterTypes;
            _int = @int;
            _reportMissing = reportMissing;
            _reportNotCollection = reportNotCollection;
        }

        public void Walk(ScriptPage page)
        {
            var assigned = new HashSet<string>(System.StringComparer.Ordinal);
            if (!CollectAssignedNames(page, assigned))
            {
                return; // an import can bring in any name, shadowing the parameters
            }

            _assigned = assigned;
            Walk((ScriptNode)page);
        }

        private void Walk(ScriptNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptMemberExpression member:
                    TypeOf(member);
                    return;
                case ScriptForStatement loop: // also tablerow
                    ITypeSymbol? iterated = TypeOf(loop.Iterator);
                    if (iterated is not null && TemplateMemberTypes.IsNeverACollection(iterated))
                    {
                        _reportNotCollection(iterated, loop.Iterator!.Span.Start.Offset, loop.Iterator.Span.End.Offset + 1);
                    }

                    ITypeSymbol? element = TemplateMemberTypes.ElementType(iterated);
                    Walk(loop.NamedArguments);
                    if (loop.Variable is ScriptVariableGlobal variable)
                    {
                        Dictionary<string, ITypeSymbol?> outer = _scope;
                        _scope = new Dictionary<string, ITypeSymbol?>(outer, System.StringComparer.Ordinal) { [variable.Name] = element };
                        Walk(loop.Body);
                        _scope = outer;
                    }

                    Walk(loop.Else);
                    return;
                case ScriptWithStatement with:
                    Walk(with.Name);
                    return; // inside, a bare name may be a member of the object in scope: nothing there is knowable
                case ScriptFunction:
                    return; // its parameters shadow any name, and its body runs only where it is called
                default:
                    for (int i = 0; i < node.ChildrenCount; i++)
                    {
                        Walk(node.GetChildren(i));
                    }

                    return;
            }
        }

        /// <summary>The static type of <paramref name="expression"/> when it is a name or a member chain; reports missing members on the way.</summary>
        private ITypeSymbol? TypeOf(ScriptNode? expression)
        {
            switch (expression)
            {
                case ScriptVariableGlobal variable:
                    return _assigned!.Contains(variable.Name) ? null : _scope.TryGetValue(variable.Name, out ITypeSymbol? type) ? type : null;
                case ScriptMemberExpression { Member: { } member } access:
                    ITypeSymbol? target = TypeOf(access.Target);
                    if (target is not null && TemplateMemberTypes.MemberlessKind(target) is not null)
                    {
                        // A string or a list has 'size' and nothing else; a number, a bool or an enum has no member at all.
                        if (member.Name == "size" && TemplateMemberTypes.HasSize(target))
                        {
                            return _int;
                        }

                        _reportMissing(target, member.Name, member.Span.Start.Offset, member.Span.End.Offset + 1);
                        return null;
                    }

                    if (target is null || !TemplateMemberTypes.IsCheckable(target))
                    {
                        return null;
                    }

                    if (TemplateMemberTypes.ReadableMembers(target).TryGetValue(member.Name, out ITypeSymbol? memberType))
                    {
                        return memberType;
                    }

                    _reportMissing(target, member.Name, member.Span.Start.Offset, member.Span.End.Offset + 1);
                    return null;
                default:
                    Walk(expression);
                    return null;
            }
        }

        /// <summary>Names the template sets itself (assignments, captures, functions); false when it imports.</summary>
        private static bool CollectAssignedNames(ScriptNode? node, HashSet<string> names)
        {
            switch (node)
            {
                case null:
                    return true;
                case ScriptImportStatement:
                    return false;
                case ScriptAssignExpression { Target: ScriptVariableGlobal assigned }:
                    names.Add(assigned.Name);
                    break;
                case ScriptCaptureStatement { Target: ScriptVariableGlobal captured }:
                    names.Add(captured.Name);
                    break;
                case ScriptFunction { NameOrDoToken: ScriptVariableGlobal function }:
                    names.Add(function.Name);
                    break;
            }

            for (int i = 0; i < node.ChildrenCount; i++)
            {
                if (!CollectAssignedNames(node.GetChildren(i), names))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
