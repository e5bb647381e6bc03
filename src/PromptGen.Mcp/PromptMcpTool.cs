using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PromptGen.Descriptors;

namespace PromptGen.Mcp;

/// <summary>
/// A prompt method as an MCP tool: its arguments schema is the input schema, its result schema the output schema
/// (already an object: the generator wraps other results as <c>{"value": …}</c>, and the structured content is wrapped
/// the same way), and a call runs the method through its descriptor with the app's <see cref="IBedrockRuntime"/>.
/// Subclassing <see cref="McpServerTool"/> keeps the SDK's reflection-based binding out: nothing here is trimmed away.
/// </summary>
internal sealed class PromptMcpTool : McpServerTool
{
    private readonly PromptDescriptor _descriptor;

    public PromptMcpTool(string name, PromptDescriptor descriptor)
    {
        _descriptor = descriptor;
        ProtocolTool = new Tool
        {
            Name = name,
            Title = descriptor.MethodName,
            Description = PromptMcpDescriptions.Tool(descriptor),
            InputSchema = Parse(descriptor.ArgumentsSchemaJson),
            OutputSchema = descriptor.ResultSchemaJson is { } schema ? Parse(schema) : null,
            // A prompt changes nothing, may answer differently each time, and calls a service outside the server.
            Annotations = new ToolAnnotations { ReadOnlyHint = true, IdempotentHint = false, OpenWorldHint = true },
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => Array.Empty<object>();

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Services?.GetService(typeof(IBedrockRuntime)) is not IBedrockRuntime bedrock)
        {
            return Error($"{ProtocolTool.Name} cannot run: the server has no IBedrockRuntime among its services (add services.AddPromptGen()).");
        }

        if (WriteArguments(request.Params?.Arguments) is not { } arguments)
        {
            return Error("The arguments are not valid JSON text: a name holds a lone UTF-16 surrogate.");
        }

        PromptRunResult result;
        try
        {
            result = await _descriptor.RunAsync(bedrock, arguments, modelId: null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return Error(PromptMcpFailures.Describe(ProtocolTool.Name, e));
        }

        return Success(result);
    }

    private CallToolResult Success(PromptRunResult result)
    {
        if (_descriptor.ResultSchemaJson is null)
        {
            // A text method: its answer is the content, as text (ResultJson is that text as a JSON string).
            using JsonDocument text = JsonDocument.Parse(result.ResultJson);
            return new CallToolResult { Content = [new TextContentBlock { Text = text.RootElement.GetString() ?? string.Empty }] };
        }

        string structured = _descriptor.ResultSchemaWrapsValue ? "{\"value\":" + result.ResultJson + "}" : result.ResultJson;
        // The spec asks a tool returning structured content to return it serialized as a text block too, for clients
        // that read only content.
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = structured }],
            StructuredContent = Parse(structured),
        };
    }

    private static CallToolResult Error(string message) => new()
    {
        Content = [new TextContentBlock { Text = message }],
        IsError = true,
    };

    /// <summary>The client's arguments as the one JSON object the descriptor reads (none is an empty object); null when a name cannot be written.</summary>
    internal static string? WriteArguments(IEnumerable<KeyValuePair<string, JsonElement>>? arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            if (arguments is not null)
            {
                foreach (KeyValuePair<string, JsonElement> argument in arguments)
                {
                    writer.WritePropertyName(argument.Key);
                    // As the client escaped it: JsonElement.WriteTo unescapes strings and throws on a lone surrogate
                    // (\uD800), which the generated arguments parser reports as an argument error instead.
                    writer.WriteRawValue(argument.Value.GetRawText(), skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }
        catch (ArgumentException)
        {
            // Utf8JsonWriter refuses a name that is not valid UTF-16.
            return null;
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
