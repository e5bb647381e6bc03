using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Diagnostics;

/// <summary>The descriptors of tool calling (PG0400–PG0419); <see cref="DiagnosticDescriptors.All"/> includes them.</summary>
internal static class ToolDiagnostics
{
    private const string ToolsCategory = "PromptGen.Tools";

    public static readonly DiagnosticDescriptor UnsupportedToolParameter = DiagnosticDescriptors.Create(
        DiagnosticIds.UnsupportedToolParameter,
        "Tool parameter cannot be read from the model's input",
        "Parameter '{0}' of tool method '{1}' cannot be read from the model's input: {2}",
        ToolsCategory);

    public static readonly DiagnosticDescriptor UnsupportedToolReturnType = DiagnosticDescriptors.Create(
        DiagnosticIds.UnsupportedToolReturnType,
        "Tool return type cannot be sent to the model",
        "Tool method '{0}' returns '{1}', which PromptGen cannot send back to the model: {2}",
        ToolsCategory);

    public static readonly DiagnosticDescriptor InvalidToolName = DiagnosticDescriptors.Create(
        DiagnosticIds.InvalidToolName,
        "Tool name is not valid",
        "Tool name '{0}' of method '{1}' is not valid: Bedrock takes 1 to 64 characters of a-z, A-Z, 0-9, '_' and '-'",
        ToolsCategory);

    public static readonly DiagnosticDescriptor DuplicateToolName = DiagnosticDescriptors.Create(
        DiagnosticIds.DuplicateToolName,
        "Two tools have the same name",
        "Method '{0}' offers two tools named '{1}' ({2} and {3}); name one differently with [Tool(\"...\")]",
        ToolsCategory);

    public static readonly DiagnosticDescriptor ToolNameTakenByResult = DiagnosticDescriptors.Create(
        DiagnosticIds.ToolNameTakenByResult,
        "Tool name is taken by the result tool",
        "Tool '{0}' ({1}) has the name of the tool that returns the typed result of method '{2}'; name the tool differently with [Tool(\"...\")]",
        ToolsCategory);

    public static readonly DiagnosticDescriptor InvalidToolLoopSetting = DiagnosticDescriptors.Create(
        DiagnosticIds.InvalidToolLoopSetting,
        "Tool loop setting is not valid",
        "[ToolLoop]: {0}",
        ToolsCategory);

    public static readonly DiagnosticDescriptor UnsupportedToolMethod = DiagnosticDescriptors.Create(
        DiagnosticIds.UnsupportedToolMethod,
        "Method cannot be a tool",
        "Method '{0}' cannot be a tool: {1}",
        ToolsCategory);

    public static readonly DiagnosticDescriptor ToolWithoutDescription = DiagnosticDescriptors.Create(
        DiagnosticIds.ToolWithoutDescription,
        "Tool has no description",
        "Tool '{0}' has no [Description]; models choose tools and fill in their inputs from the descriptions",
        ToolsCategory,
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ModelWithoutToolUse = DiagnosticDescriptors.Create(
        DiagnosticIds.ModelWithoutToolUse,
        "Model does not support tool use",
        "Model '{0}' of method '{1}' does not support tool use{2}; Bedrock refuses a request with tools for it",
        ToolsCategory,
        DiagnosticSeverity.Warning);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        UnsupportedToolParameter,
        UnsupportedToolReturnType,
        InvalidToolName,
        DuplicateToolName,
        ToolNameTakenByResult,
        InvalidToolLoopSetting,
        UnsupportedToolMethod,
        ToolWithoutDescription,
        ModelWithoutToolUse);
}
