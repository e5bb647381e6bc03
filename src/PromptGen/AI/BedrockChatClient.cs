using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.AI;

/// <summary>
/// Amazon Bedrock as a Microsoft.Extensions.AI <see cref="IChatClient"/>, over PromptGen's Bedrock client: text,
/// streaming, tools (function calls and results), images, structured output (<see cref="ChatResponseFormatJson"/>
/// with a schema) and token usage. Compose it with M.E.AI's middleware (function invocation, caching, telemetry).
/// </summary>
public sealed class BedrockChatClient : IChatClient
{
    private const string ProviderName = "aws.bedrock";

    private readonly IBedrockRuntime _runtime;
    private readonly string? _defaultModelId;
    private readonly ChatClientMetadata _metadata;

    /// <param name="runtime">Where requests go: a <see cref="BedrockRuntimeClient"/> or any other <see cref="IBedrockRuntime"/>.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public BedrockChatClient(IBedrockRuntime runtime, string? defaultModelId = null)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _defaultModelId = defaultModelId;
        Uri? endpoint = (runtime as BedrockRuntimeClient)?.Endpoint
            ?? ((runtime as InstrumentedBedrockRuntime)?.Inner as BedrockRuntimeClient)?.Endpoint;
        _metadata = new ChatClientMetadata(ProviderName, endpoint, defaultModelId);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string modelId = ModelId(options);
        ConverseResponse response = await _runtime.ConverseAsync(modelId, ConverseRequestBuilder.Build(messages, options), cancellationToken).ConfigureAwait(false);

        var message = new ChatMessage(ChatRole.Assistant, ToContents(response.Output?.Message?.Content)) { RawRepresentation = response.Output?.Message };
        return new ChatResponse(message)
        {
            ModelId = modelId,
            FinishReason = BedrockFinishReasons.ToFinishReason(response.StopReason),
            Usage = BedrockFinishReasons.ToUsage(response.Usage),
            RawRepresentation = response,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string modelId = ModelId(options);
        string responseId = Guid.NewGuid().ToString("N");
        // A tool call arrives as a start (id, name) and input fragments; it becomes one FunctionCallContent at its end.
        var toolCalls = new Dictionary<int, (string Id, string Name, StringBuilder Input)>();

        await foreach (ConverseStreamEvent streamEvent in _runtime.ConverseStreamAsync(modelId, ConverseRequestBuilder.Build(messages, options), cancellationToken).ConfigureAwait(false))
        {
            ChatResponseUpdate? update = null;
            switch (streamEvent)
            {
                case ContentBlockStartEvent { Start.ToolUse: { } toolUse } start:
                    toolCalls[start.ContentBlockIndex] = (toolUse.ToolUseId, toolUse.Name, new StringBuilder());
                    break;
                case ContentBlockDeltaEvent { Delta.ToolUse: { } fragment } delta when toolCalls.TryGetValue(delta.ContentBlockIndex, out var call):
                    call.Input.Append(fragment.Input);
                    break;
                case ContentBlockDeltaEvent { Delta.Text: { } text }:
                    update = new ChatResponseUpdate(ChatRole.Assistant, text);
                    break;
                case ContentBlockDeltaEvent { Delta.ReasoningContent: { } reasoning }:
                    update = new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { ReasoningContents.FromDelta(reasoning) });
                    break;
                case ContentBlockStopEvent stop when toolCalls.Remove(stop.ContentBlockIndex, out var finished):
                    update = new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { FunctionCall(finished.Id, finished.Name, finished.Input.ToString()) });
                    break;
                case MessageStopEvent messageStop:
                    update = new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = BedrockFinishReasons.ToFinishReason(messageStop.StopReason) };
                    break;
                case ConverseStreamMetadataEvent { Usage: { } usage }:
                    update = new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { new UsageContent(BedrockFinishReasons.ToUsage(usage)!) });
                    break;
            }

            if (update is not null)
            {
                update.ModelId = modelId;
                update.ResponseId = responseId;
                update.RawRepresentation = streamEvent;
                yield return update;
            }
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_runtime) ? _runtime
            : null;
    }

    /// <summary>Nothing to release: the runtime belongs to whoever passed it in.</summary>
    public void Dispose()
    {
    }

    private string ModelId(ChatOptions? options) =>
        options?.ModelId ?? _defaultModelId
        ?? throw new InvalidOperationException("No Bedrock model: set ChatOptions.ModelId, or give BedrockChatClient a default model (BedrockOptions.DefaultModel with DI).");

    private static List<AIContent> ToContents(List<ContentBlock>? blocks)
    {
        var contents = new List<AIContent>();
        foreach (ContentBlock block in blocks ?? Enumerable.Empty<ContentBlock>())
        {
            if (block.Text is { } text)
            {
                contents.Add(new TextContent(text) { RawRepresentation = block });
            }
            else if (block.ToolUse is { } toolUse)
            {
                contents.Add(new FunctionCallContent(toolUse.ToolUseId, toolUse.Name, JsonValues.ToArguments(toolUse.Input)) { RawRepresentation = block });
            }
            else if (block.ReasoningContent is { } reasoning)
            {
                contents.Add(ReasoningContents.FromBlock(reasoning, block));
            }
        }

        return contents;
    }

    private static FunctionCallContent FunctionCall(string id, string name, string inputJson)
    {
        try
        {
            return new FunctionCallContent(id, name, JsonValues.ToArguments(JsonValues.Parse(inputJson.Length == 0 ? "{}" : inputJson)));
        }
        catch (System.Text.Json.JsonException e)
        {
            // The call is still reported, with the reason its arguments are missing, as M.E.AI does for bad JSON.
            return new FunctionCallContent(id, name) { Exception = e };
        }
    }
}
