using System;

namespace PromptGen;

/// <summary>
/// Marks a method of a tool set (a class or interface) as a tool the model may call. A prompt method gets the tools
/// through a parameter of the tool set's type; PromptGen generates the tool's JSON schema from the method's
/// parameters and an invoker that reads the model's input without reflection. Describe the tool and its parameters
/// with <see cref="System.ComponentModel.DescriptionAttribute"/>: the model reads those descriptions.
/// </summary>
/// <remarks>
/// The tool's name defaults to the method's name in snake_case without an <c>Async</c> suffix
/// (<c>GetForecastAsync</c> becomes <c>get_forecast</c>). A tool method may be synchronous or return
/// <c>Task</c>/<c>ValueTask</c> (with or without a value), may take a <see cref="System.Threading.CancellationToken"/>,
/// and may return <c>string</c> (sent as text), nothing, or any type with a JSON shape (sent as JSON).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ToolAttribute : Attribute
{
    /// <summary>A tool named after the method.</summary>
    public ToolAttribute()
    {
    }

    /// <summary>A tool with an explicit name: 1–64 characters of <c>[a-zA-Z0-9_-]</c>.</summary>
    public ToolAttribute(string name) => Name = name;

    /// <summary>The name shown to the model; null for the method's name in snake_case.</summary>
    public string? Name { get; }
}

/// <summary>
/// How a prompt method with tools runs its tool loop. On an interface it applies to every method that declares none.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ToolLoopAttribute : Attribute
{
    /// <summary>
    /// How many rounds of tool calls the model may ask for before the call fails with
    /// <see cref="ToolLoopLimitException"/> (1–100; default 8).
    /// </summary>
    public int MaxIterations { get; set; } = CompilerServices.ToolLoopOptions.DefaultMaxIterations;

    /// <summary>What the model must do on its first turn; later turns are always <see cref="ToolChoiceMode.Auto"/>.</summary>
    public ToolChoiceMode Choice { get; set; } = ToolChoiceMode.Auto;

    /// <summary>The tool the first turn must call when <see cref="Choice"/> is <see cref="ToolChoiceMode.Tool"/>.</summary>
    public string? Tool { get; set; }

    /// <summary>Whether several tool calls of one turn run at the same time (default) or one after another.</summary>
    public bool ParallelCalls { get; set; } = true;
}

/// <summary>Bedrock's <c>toolChoice</c> for the first turn of a tool loop.</summary>
public enum ToolChoiceMode
{
    /// <summary>The model decides whether to call a tool (<c>{"auto":{}}</c>).</summary>
    Auto,

    /// <summary>The model must call at least one tool (<c>{"any":{}}</c>; Claude and Nova).</summary>
    Any,

    /// <summary>The model must call the tool named by <see cref="ToolLoopAttribute.Tool"/> (<c>{"tool":{…}}</c>; Claude and Nova).</summary>
    Tool,
}
