using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.CompilerServices;

/// <summary>
/// One tool bound to the object that implements it: its schema and the function that reads the model's input (UTF-8
/// JSON) and calls it. Generated code builds these per call from a tool-set parameter.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolDefinition
{
    /// <summary>Binds <paramref name="schema"/> to the function that runs the tool.</summary>
    /// <param name="schema">What the model is told about the tool.</param>
    /// <param name="invoke">Reads the model's input (UTF-8 JSON) and calls the tool.</param>
    public ToolDefinition(ToolSchema schema, Func<byte[], CancellationToken, ValueTask<ToolOutput>> invoke)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Invoke = invoke ?? throw new ArgumentNullException(nameof(invoke));
    }

    /// <summary>What the model is told about the tool.</summary>
    public ToolSchema Schema { get; }

    /// <summary>The tool's name, as the model calls it.</summary>
    public string Name => Schema.Name;

    /// <summary>
    /// Reads the input and runs the tool. Returns <see cref="ToolOutput.InvalidInput"/> when the input does not fit
    /// the tool's parameters; exceptions of the tool propagate (the loop turns them into error results).
    /// </summary>
    public Func<byte[], CancellationToken, ValueTask<ToolOutput>> Invoke { get; }
}
