using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace PromptGen.Tests.Logging;

/// <summary>
/// A logger provider that keeps what a structured sink keeps of every entry at every level: the state's keys and
/// values (not only the formatted message), the scopes and the exception, serialized by <see cref="StructuredLogWriter"/>.
/// </summary>
internal sealed class StructuredStateLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<SerializedEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<SerializedEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new StateLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class StateLogger(StructuredStateLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope(static (scope, list) => list.Add(scope), scopes);
            IEnumerable<KeyValuePair<string, object?>> values = state as IEnumerable<KeyValuePair<string, object?>>
                ?? new[] { new KeyValuePair<string, object?>("{State}", state) };
            provider._entries.Enqueue(StructuredLogWriter.Write(
                "ILoggerProvider", category, logLevel.ToString(), eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                formatter(state, exception), values, scopes, exception));
        }
    }
}
