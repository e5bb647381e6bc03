using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data, so it can travel through the incremental pipeline without holding a
/// syntax tree. It is turned back into a real source location (which honours #pragma) when reported.
/// </summary>
/// <param name="Properties">What a code fix needs (see <see cref="FixProperties"/>), as key, value, key, value….</param>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArguments,
    EquatableArray<string> Properties)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] messageArguments) =>
        Create(descriptor, location, ImmutableDictionary<string, string?>.Empty, messageArguments);

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params string[] messageArguments)
    {
        FileLinePositionSpan lineSpan = location.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            location.SourceTree?.FilePath ?? lineSpan.Path,
            location.SourceSpan,
            lineSpan.Span,
            messageArguments.ToEquatableArray(),
            properties.OrderBy(pair => pair.Key, System.StringComparer.Ordinal).SelectMany(pair => new[] { pair.Key, pair.Value ?? string.Empty }).ToEquatableArray());
    }

    /// <summary>The same finding at the same place, whatever the message says (e.g. which method shares the template).</summary>
    public bool SamePlace(DiagnosticInfo other) => Id == other.Id && FilePath == other.FilePath && Span == other.Span;

    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
        SyntaxTree? tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
        Location location = tree is not null && Span.End <= tree.Length
            ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        for (int i = 0; i + 1 < Properties.Count; i += 2)
        {
            properties = properties.SetItem(Properties[i], Properties[i + 1]);
        }

        return Diagnostic.Create(descriptor, location, properties, MessageArguments.Cast<object>().ToArray());
    }

    /// <summary>Each finding once: the first of several at the same place (a template or result type shared by methods).</summary>
    public static IEnumerable<DiagnosticInfo> Distinct(IEnumerable<DiagnosticInfo> diagnostics)
    {
        var seen = new List<DiagnosticInfo>();
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            if (!seen.Any(diagnostic.SamePlace))
            {
                seen.Add(diagnostic);
                yield return diagnostic;
            }
        }
    }
}
