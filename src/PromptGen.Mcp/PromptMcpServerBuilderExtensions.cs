using System;
using System.Collections.Generic;
using ModelContextProtocol.Server;
using PromptGen.Descriptors;
using PromptGen.Mcp;

// In the DI namespace, as the MCP SDK's own With* extensions are, so services.AddMcpServer().WithPromptTools(...) needs no using.
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Serves PromptGen prompt methods from an MCP server.</summary>
public static class PromptMcpServerBuilderExtensions
{
    /// <summary>
    /// Adds each prompt method of <paramref name="descriptors"/> (e.g. <c>ITicketPrompts.Descriptors</c> of an
    /// interface marked <see cref="PromptGen.PromptDescriptorsAttribute"/>) as an MCP tool: named after the method in
    /// snake_case without <c>Async</c> (<c>SummarizeTicketAsync</c> → <c>summarize_ticket</c>; overloads numbered
    /// <c>_2</c>, <c>_3</c>), with the method's arguments schema as input schema and its result schema as output
    /// schema. A call runs the method with the server's <see cref="PromptGen.IBedrockRuntime"/>
    /// (<c>services.AddPromptGen()</c>) and returns a typed result as structured content and as JSON text, a text
    /// result as text. Arguments that do not fit, and failures of the model or of Bedrock, come back as tool errors
    /// (<c>isError</c>) with PromptGen's message; cancellation by the client cancels the Bedrock call.
    /// </summary>
    /// <param name="builder">The MCP server.</param>
    /// <param name="descriptors">The methods to serve. Methods without a descriptor (tools, media, history) are not served.</param>
    /// <param name="configure">Sets a prefix for the names.</param>
    /// <returns><paramref name="builder"/>, for more calls.</returns>
    /// <exception cref="ArgumentException">Two methods would have the same tool name.</exception>
    public static IMcpServerBuilder WithPromptTools(this IMcpServerBuilder builder, IEnumerable<PromptDescriptor> descriptors, Action<PromptMcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(descriptors);
        PromptMcpOptions options = Configure(configure);
        var tools = new List<McpServerTool>();
        foreach ((string name, PromptDescriptor descriptor) in PromptMcpNames.Assign(descriptors, options, RegisteredNames<McpServerTool>(builder, tool => tool.ProtocolTool.Name)))
        {
            tools.Add(new PromptMcpTool(name, descriptor));
        }

        return builder.WithTools(tools);
    }

    /// <summary>
    /// Adds each prompt method of <paramref name="descriptors"/> as an MCP prompt, named as
    /// <see cref="WithPromptTools"/> names its tool: the method's parameters are the prompt's arguments (required as
    /// the method requires them; text parameters take the text, others JSON such as <c>3</c> or <c>["a","b"]</c>),
    /// and getting the prompt renders the method's templates without calling Bedrock: the system prompt, when there
    /// is one, as a first user message (MCP prompts have no system role), then the user prompt.
    /// </summary>
    /// <param name="builder">The MCP server.</param>
    /// <param name="descriptors">The methods to serve.</param>
    /// <param name="configure">Sets a prefix for the names.</param>
    /// <returns><paramref name="builder"/>, for more calls.</returns>
    /// <exception cref="ArgumentException">Two methods would have the same prompt name.</exception>
    public static IMcpServerBuilder WithPromptTemplates(this IMcpServerBuilder builder, IEnumerable<PromptDescriptor> descriptors, Action<PromptMcpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(descriptors);
        PromptMcpOptions options = Configure(configure);
        var prompts = new List<McpServerPrompt>();
        foreach ((string name, PromptDescriptor descriptor) in PromptMcpNames.Assign(descriptors, options, RegisteredNames<McpServerPrompt>(builder, prompt => prompt.ProtocolPrompt.Name)))
        {
            prompts.Add(new PromptMcpPrompt(name, descriptor));
        }

        return builder.WithPrompts(prompts);
    }

    private static PromptMcpOptions Configure(Action<PromptMcpOptions>? configure)
    {
        var options = new PromptMcpOptions();
        configure?.Invoke(options);
        options.NamePrefix ??= string.Empty;
        return options;
    }

    /// <summary>The names of the tools or prompts already added as instances (WithTools/WithPrompts add singletons), so a clash is found at registration.</summary>
    private static HashSet<string> RegisteredNames<T>(IMcpServerBuilder builder, Func<T, string> name)
        where T : class
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ServiceDescriptor service in builder.Services)
        {
            if (service.ServiceType == typeof(T) && !service.IsKeyedService && service.ImplementationInstance is T instance)
            {
                names.Add(name(instance));
            }
        }

        return names;
    }
}
