namespace PromptGen.Mcp;

/// <summary>
/// How <see cref="Microsoft.Extensions.DependencyInjection.PromptMcpServerBuilderExtensions.WithPromptTools"/> and
/// <see cref="Microsoft.Extensions.DependencyInjection.PromptMcpServerBuilderExtensions.WithPromptTemplates"/> name what
/// they serve.
/// </summary>
public sealed class PromptMcpOptions
{
    /// <summary>
    /// Put before every tool and prompt name, e.g. <c>support_</c> makes <c>SummarizeAsync</c> the tool
    /// <c>support_summarize</c>. Empty by default. Serving two interfaces whose methods have the same names needs one,
    /// as MCP names must be unique on a server.
    /// </summary>
    public string NamePrefix { get; set; } = string.Empty;
}
