using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Analyzers;

/// <summary>
/// Reports each finding once: one diagnostic per id and place. An interface-wide setting (its model, its system
/// prompt, its inference defaults) is judged once per method that uses it, and a template constant or a result type
/// may be shared by methods of several interfaces; the same finding at the same place must not be listed twice, even
/// when the message would name another method. The places already reported are shared by every interface analyzed in
/// one compilation.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly Action<Diagnostic> _report;
    private readonly ConcurrentDictionary<(string Id, Location Location), byte> _reported;

    public DiagnosticSink(Action<Diagnostic> report, ConcurrentDictionary<(string Id, Location Location), byte>? reported = null)
    {
        _report = report;
        _reported = reported ?? new ConcurrentDictionary<(string Id, Location Location), byte>();
    }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object[] messageArguments) =>
        Report(descriptor, location, properties: null, messageArguments);

    /// <param name="properties">Data a code fix needs (see <see cref="Diagnostics.FixProperties"/>), so it never parses the message.</param>
    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object[] messageArguments)
    {
        if (_reported.TryAdd((descriptor.Id, location), 0))
        {
            _report(Diagnostic.Create(descriptor, location, properties, messageArguments));
        }
    }

    /// <summary>Whether a finding with <paramref name="id"/> was reported at <paramref name="location"/> already.</summary>
    public bool WasReported(string id, Location location) => _reported.ContainsKey((id, location));
}
