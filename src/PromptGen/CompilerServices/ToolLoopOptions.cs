using System;
using System.ComponentModel;

namespace PromptGen.CompilerServices;

/// <summary>
/// How a tool loop runs: generated from <see cref="ToolLoopAttribute"/>, kept in a static field.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolLoopOptions
{
    /// <summary>The default bound on rounds of tool calls.</summary>
    public const int DefaultMaxIterations = 8;

    /// <summary>More rounds than this are almost always a model going in circles, at growing cost.</summary>
    public const int MaxIterationsLimit = 100;

    /// <summary>The defaults: 8 rounds, auto tool choice, parallel calls.</summary>
    public static readonly ToolLoopOptions Default = new();

    private readonly int _maxIterations = DefaultMaxIterations;

    /// <summary>How many rounds of tool calls the model may ask for (1–100).</summary>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value is >= 1 and <= MaxIterationsLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxIterations must be between 1 and {MaxIterationsLimit}.");
    }

    /// <summary>The tool choice of the first turn; later turns are auto.</summary>
    public ToolChoiceMode Choice { get; init; } = ToolChoiceMode.Auto;

    /// <summary>The tool the first turn must call when <see cref="Choice"/> is <see cref="ToolChoiceMode.Tool"/>.</summary>
    public string? Tool { get; init; }

    /// <summary>Whether the calls of one turn run concurrently.</summary>
    public bool ParallelCalls { get; init; } = true;

    /// <summary>
    /// A cache point after the tool definitions (prompt caching, <c>[CachePoint(CacheAfter.Tools)]</c>), so each round
    /// reads them from the cache; null for none.
    /// </summary>
    public Bedrock.CachePointBlock? ToolsCachePoint { get; init; }
}
