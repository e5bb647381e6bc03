using PromptGen.Generators.Diagnostics;

namespace PromptGen.Generators.Models;

/// <summary>The parser's output for one interface: a model to emit (if any) and the diagnostics, both as plain data.</summary>
internal sealed record ParseResult(PromptClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
