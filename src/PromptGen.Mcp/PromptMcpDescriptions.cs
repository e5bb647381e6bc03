using System.Text;
using PromptGen.Descriptors;

namespace PromptGen.Mcp;

/// <summary>
/// The descriptions an MCP client (and the model behind it) reads to choose a tool or prompt. Descriptors carry no
/// method documentation, so these say what the method is, which model answers and what comes back.
/// </summary>
internal static class PromptMcpDescriptions
{
    public static string Tool(PromptDescriptor descriptor)
    {
        var text = new StringBuilder();
        text.Append("Runs the prompt ").Append(Method(descriptor)).Append(" on Amazon Bedrock (").Append(descriptor.ModelId);
        if (descriptor.FallbackModelIds.Count > 0)
        {
            text.Append(", then ").Append(string.Join(", ", descriptor.FallbackModelIds));
        }

        text.Append(") and returns ");
        if (descriptor.ResultSchemaJson is null)
        {
            text.Append("the model's answer as text.");
        }
        else if (descriptor.ResultSchemaWrapsValue)
        {
            text.Append("a ").Append(descriptor.ResultTypeName).Append(" as structured content, wrapped as {\"value\": ...}.");
        }
        else
        {
            text.Append("a ").Append(descriptor.ResultTypeName).Append(" as structured content.");
        }

        return text.ToString();
    }

    public static string Prompt(PromptDescriptor descriptor) =>
        descriptor.SystemTemplate is null
            ? $"The prompt {Method(descriptor)}, rendered for the arguments as one user message."
            : $"The prompt {Method(descriptor)}, rendered for the arguments: its system prompt as the first user message, then its user prompt.";

    public static string Argument(PromptArgumentShape shape) =>
        shape.IsText
            ? $"{shape.TypeName}, as text."
            : $"{shape.TypeName}, as JSON, e.g. {PromptArgumentText.Example(shape.TypeName)}.";

    private static string Method(PromptDescriptor descriptor) => descriptor.InterfaceName + "." + descriptor.MethodName;
}
