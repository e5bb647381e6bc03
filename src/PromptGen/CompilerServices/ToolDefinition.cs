using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.CompilerServices;

/// <summary>
/// One tool bound to the object that implements it: its schema and the function that reads the model's input (UTF-8
/// JSON) and calls it. Generated code builds these per call from a tool-set parameter; tests and hand-written code
/// can build them too.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolDefinition
{
    public ToolDefinition(ToolSchema schema, Func<byte[], CancellationToken, ValueTask<ToolOutput>> invoke)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Invoke = invoke ?? throw new ArgumentNullException(nameof(invoke));
    }

    public ToolSchema Schema { get; }

    public string Name => Schema.Name;

    /// <summary>
    /// Reads the input and runs the tool. Returns <see cref="ToolOutput.InvalidInput"/> when the input does not fit
    /// the tool's parameters; exceptions of the tool propagate (the loop turns them into error results).
    /// </summary>
    public Func<byte[], CancellationToken, ValueTask<ToolOutput>> Invoke { get; }
}
