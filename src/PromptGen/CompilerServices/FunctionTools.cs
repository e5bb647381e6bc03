using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.CompilerServices;

/// <summary>
/// Tools whose code and schema are not in the compilation: Microsoft.Extensions.AI functions handed to a prompt method
/// at run time, the tools of an MCP client (<c>McpClientTool</c> is an <see cref="AIFunction"/>) among them. Each
/// becomes a <see cref="ToolDefinition"/> beside the generated <c>[Tool]</c> methods; calls go to the function that
/// owns the name, so tools of several servers are routed to their own server.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FunctionTools
{
    private const string EmptyObjectSchema = """{"type":"object","properties":{}}""";

    /// <summary>The definitions of <paramref name="tools"/>, in order; none for null.</summary>
    /// <exception cref="ArgumentException">
    /// A tool is null, is not an <see cref="AIFunction"/> (a hosted tool cannot run in the loop), or has a name
    /// Bedrock refuses.
    /// </exception>
    public static ToolDefinition[] For(IEnumerable<AITool>? tools)
    {
        if (tools is null)
        {
            return Array.Empty<ToolDefinition>();
        }

        var definitions = new List<ToolDefinition>();
        foreach (AITool tool in tools)
        {
            if (tool is null)
            {
                throw new ArgumentException("The tool list holds a null entry.", nameof(tools));
            }

            if (tool is not AIFunction function)
            {
                throw new ArgumentException(
                    $"The tool '{tool.Name}' is a {tool.GetType().Name}, not an AIFunction: only functions can run in a prompt's tool loop.",
                    nameof(tools));
            }

            definitions.Add(Define(function));
        }

        return definitions.ToArray();
    }

    private static ToolDefinition Define(AIFunction function)
    {
        if (!ToolSchema.IsValidName(function.Name))
        {
            throw new ArgumentException(
                $"The function tool '{function.Name}' has a name Bedrock refuses: tool names are 1–64 characters of [a-zA-Z0-9_-]. "
                + "Rename it (an MCP client tool: WithName).",
                nameof(function));
        }

        string schema = function.JsonSchema.ValueKind == JsonValueKind.Object ? function.JsonSchema.GetRawText() : EmptyObjectSchema;
        string? description = string.IsNullOrWhiteSpace(function.Description) ? null : function.Description;
        return new ToolDefinition(new ToolSchema(function.Name, description, schema), (input, cancellationToken) => InvokeAsync(function, input, cancellationToken));
    }

    private static async ValueTask<ToolOutput> InvokeAsync(AIFunction function, byte[] input, CancellationToken cancellationToken)
    {
        var arguments = new AIFunctionArguments();
        using (JsonDocument document = JsonDocument.Parse(input))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ToolOutput.InvalidInput(new[] { new ResultError("$", ResultErrorKind.TypeMismatch, "The tool input must be a JSON object.") });
            }

            foreach (JsonProperty argument in document.RootElement.EnumerateObject())
            {
                arguments[argument.Name] = argument.Value.Clone();
            }
        }

        object? result = await function.InvokeAsync(arguments, cancellationToken).ConfigureAwait(false);
        return FunctionResults.ToOutput(function, result);
    }
}
