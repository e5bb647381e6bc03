namespace PromptGen.Generators.Diagnostics;

/// <summary>
/// Ids PromptGen no longer reports, because what they said was not supported now is. An id is never given to a
/// new diagnostic: a retired id in a <c>#pragma</c> or an <c>.editorconfig</c> must not silence something else. Each
/// keeps its page in <c>docs/diagnostics</c>, marked retired (a test holds the pages and this list together).
/// </summary>
internal static class RetiredDiagnosticIds
{
    /// <summary>Streaming prompt methods cannot use tools yet: streaming methods run the tool loop (issue 23).</summary>
    public const string ToolsWithStreaming = "PG0404";

    /// <summary>Typed result stream does not use fallback models: it falls back until its first snapshot (issue 23).</summary>
    public const string FallbackModelsNotStreamed = "PG0221";

    /// <summary>Method with tools does not use fallback models: tool loops fall back per model turn (issue 23).</summary>
    public const string FallbackModelsWithTools = "PG0222";

    public static readonly string[] All = { FallbackModelsNotStreamed, FallbackModelsWithTools, ToolsWithStreaming };
}
