using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Reports each diagnostic once. An interface-wide setting (its model, its system prompt, its inference defaults)
/// is judged once per method that uses it, and the same finding at the same place must not be listed twice.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly Action<Diagnostic> _report;
    private readonly HashSet<(string Id, Location Location, string Message)> _reported = new();

    public DiagnosticSink(Action<Diagnostic> report) => _report = report;

    public void Report(DiagnosticDescriptor descriptor, Location location, params object[] messageArguments) =>
        Report(descriptor, location, properties: null, messageArguments);

    /// <param name="properties">Data a code fix needs (see <see cref="Diagnostics.FixProperties"/>), so it never parses the message.</param>
    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object[] messageArguments)
    {
        Diagnostic diagnostic = Diagnostic.Create(descriptor, location, properties, messageArguments);
        if (_reported.Add((descriptor.Id, location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
        {
            _report(diagnostic);
        }
    }
}
