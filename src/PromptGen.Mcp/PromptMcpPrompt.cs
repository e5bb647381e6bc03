using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PromptGen.Descriptors;

namespace PromptGen.Mcp;

/// <summary>
/// A prompt method as an MCP prompt: its parameters are the arguments (strings in MCP; see
/// <see cref="PromptArgumentText"/> for how each becomes its value) and getting it renders the method's templates
/// through its descriptor, without calling Bedrock. MCP prompts have only user and assistant messages, so a system
/// prompt comes first as a user message of its own, and the description says so.
/// </summary>
internal sealed class PromptMcpPrompt : McpServerPrompt
{
    private readonly PromptDescriptor _descriptor;
    private readonly PromptArgumentShape[] _shapes;

    public PromptMcpPrompt(string name, PromptDescriptor descriptor)
    {
        _descriptor = descriptor;
        _shapes = PromptArgumentShapes.Of(descriptor);
        ProtocolPrompt = new Prompt
        {
            Name = name,
            Title = descriptor.MethodName,
            Description = PromptMcpDescriptions.Prompt(descriptor),
            Arguments = _shapes
                .Select(shape => new PromptArgument { Name = shape.Name, Description = PromptMcpDescriptions.Argument(shape), Required = shape.IsRequired })
                .ToList(),
        };
    }

    public override Prompt ProtocolPrompt { get; }

    public override IReadOnlyList<object> Metadata => Array.Empty<object>();

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (PromptArgumentText.TryWrite(_shapes, request.Params?.Arguments, out string arguments) is { } problem)
        {
            throw new McpProtocolException(problem, McpErrorCode.InvalidParams);
        }

        PromptPreview preview;
        try
        {
            preview = _descriptor.Render(arguments);
        }
        catch (Exception e) when (e is PromptArgumentsException or PromptTemplateException)
        {
            // The arguments' fault: an MCP error the client shows, with the paths of what is wrong.
            throw new McpProtocolException(PromptMcpFailures.Describe(ProtocolPrompt.Name, e), McpErrorCode.InvalidParams);
        }

        var messages = new List<PromptMessage>(2);
        if (preview.SystemPrompt is { } system)
        {
            messages.Add(new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = system } });
        }

        messages.Add(new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = preview.UserPrompt } });
        return new ValueTask<GetPromptResult>(new GetPromptResult { Description = ProtocolPrompt.Description, Messages = messages });
    }
}
