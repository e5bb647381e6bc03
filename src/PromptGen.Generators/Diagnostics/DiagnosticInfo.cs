using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain, equatable data, so it can travel through the incremental pipeline without holding a
/// syntax tree. It is turned back into a real source location (which honours #pragma) when reported.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] messageArguments)
    {
        FileLinePositionSpan lineSpan = location.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            location.SourceTree?.FilePath ?? lineSpan.Path,
            location.SourceSpan,
            lineSpan.Span,
            messageArguments.ToEquatableArray());
    }

    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
        SyntaxTree? tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
        Location location = tree is not null && Span.End <= tree.Length
            ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(descriptor, location, MessageArguments.Cast<object>().ToArray());
    }
}
