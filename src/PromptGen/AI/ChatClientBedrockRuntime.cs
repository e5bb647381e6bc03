using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PromptGen.Bedrock;

namespace PromptGen.AI;

/// <summary>
/// Runs generated prompt interfaces over any Microsoft.Extensions.AI <see cref="IChatClient"/> (OpenAI, Azure
/// OpenAI, Ollama...): <c>ISupportPrompts.Create(new ChatClientBedrockRuntime(chatClient))</c>. Converse requests
/// become chat messages and options (system prompt, inference settings, tools and forced tool choice, JSON-schema
/// response format), and the chat response becomes a Converse response, so typed results and their repair loop work
/// unchanged.
/// </summary>
/// <remarks>
/// Bedrock's rules are not applied here: the model ids, capabilities and limits the analyzers check against the
/// Bedrock catalog concern Bedrock, and the chat client's service judges the request instead. The model a prompt
/// names is a Bedrock id, so by default the chat client's own model is used (<see cref="ChatOptions.ModelId"/>
/// left unset); pass a model id mapping to the constructor to choose per Bedrock id.
/// </remarks>
public sealed class ChatClientBedrockRuntime : IBedrockRuntime
{
    private readonly IChatClient _chatClient;
    private readonly Func<string, string?> _mapModelId;

    /// <param name="chatClient">The client requests go to.</param>
    /// <param name="mapModelId">
    /// The model to ask the chat client for, given the prompt's Bedrock model id; null (the default) uses the chat
    /// client's configured model.
    /// </param>
    public ChatClientBedrockRuntime(IChatClient chatClient, Func<string, string?>? mapModelId = null)
    {
        _chatClient = chatClient ?? throw new ArgumentNullException(nameof(chatClient));
        _mapModelId = mapModelId ?? (static _ => null);
    }

    /// <summary>Not supported: an <see cref="IChatClient"/> has no model-native InvokeModel.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    Task<InvokeModelResponse> IBedrockRuntime.InvokeModelAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options, CancellationToken cancellationToken) =>
        throw InvokeModelNotSupported();

    /// <summary>Not supported: an <see cref="IChatClient"/> has no model-native InvokeModelWithResponseStream.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    IAsyncEnumerable<InvokeModelStreamChunk> IBedrockRuntime.InvokeModelWithResponseStreamAsync(string modelId, ReadOnlyMemory<byte> body, InvokeModelOptions? options, CancellationToken cancellationToken) =>
        throw InvokeModelNotSupported();

    /// <inheritdoc />
    public async Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatResponse response = await _chatClient
            .GetResponseAsync(ChatMessagesBuilder.Messages(request), ChatMessagesBuilder.Options(request, _mapModelId(modelId)), cancellationToken)
            .ConfigureAwait(false);

        var content = new List<ContentBlock>();
        foreach (AIContent item in response.Messages.Where(m => m.Role == ChatRole.Assistant).SelectMany(m => m.Contents))
        {
            switch (item)
            {
                case TextContent { Text.Length: > 0 } text:
                    content.Add(ContentBlock.FromText(text.Text));
                    break;
                case FunctionCallContent call:
                    content.Add(new ContentBlock { ToolUse = new ToolUseBlock { ToolUseId = call.CallId, Name = call.Name, Input = JsonValues.FromArguments(call.Arguments) } });
                    break;
            }
        }

        bool calledTool = content.Any(block => block.ToolUse is not null);
        return new ConverseResponse
        {
            Output = new ConverseOutput { Message = new Message { Role = ConversationRole.Assistant, Content = content } },
            StopReason = response.FinishReason is null && calledTool ? StopReason.ToolUse : BedrockFinishReasons.ToStopReason(response.FinishReason),
            Usage = Usage(response.Usage),
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        yield return new MessageStartEvent { Role = ConversationRole.Assistant };

        int nextIndex = 0;
        int? textIndex = null;
        ChatFinishReason? finishReason = null;
        bool calledTool = false;
        UsageDetails? usage = null;
        await foreach (ChatResponseUpdate update in _chatClient
            .GetStreamingResponseAsync(ChatMessagesBuilder.Messages(request), ChatMessagesBuilder.Options(request, _mapModelId(modelId)), cancellationToken)
            .ConfigureAwait(false))
        {
            finishReason = update.FinishReason ?? finishReason;
            foreach (AIContent item in update.Contents)
            {
                switch (item)
                {
                    case TextContent { Text.Length: > 0 } text:
                        textIndex ??= nextIndex++;
                        yield return new ContentBlockDeltaEvent { ContentBlockIndex = textIndex.Value, Delta = new ContentBlockDelta { Text = text.Text } };
                        break;
                    case FunctionCallContent call:
                        if (textIndex is { } open)
                        {
                            yield return new ContentBlockStopEvent { ContentBlockIndex = open };
                            textIndex = null;
                        }

                        int index = nextIndex++;
                        calledTool = true;
                        yield return new ContentBlockStartEvent { ContentBlockIndex = index, Start = new ContentBlockStart { ToolUse = new ToolUseBlockStart { ToolUseId = call.CallId, Name = call.Name } } };
                        yield return new ContentBlockDeltaEvent { ContentBlockIndex = index, Delta = new ContentBlockDelta { ToolUse = new ToolUseBlockDelta { Input = JsonValues.FromArguments(call.Arguments).GetRawText() } } };
                        yield return new ContentBlockStopEvent { ContentBlockIndex = index };
                        break;
                    case UsageContent usageContent:
                        usage = usageContent.Details;
                        break;
                }
            }
        }

        if (textIndex is { } last)
        {
            yield return new ContentBlockStopEvent { ContentBlockIndex = last };
        }

        yield return new MessageStopEvent { StopReason = finishReason is null && calledTool ? StopReason.ToolUse : BedrockFinishReasons.ToStopReason(finishReason) };
        yield return new ConverseStreamMetadataEvent { Usage = Usage(usage) ?? new TokenUsage() };
    }

    private static TokenUsage? Usage(UsageDetails? usage) => usage is null ? null : new TokenUsage
    {
        InputTokens = (int)(usage.InputTokenCount ?? 0),
        OutputTokens = (int)(usage.OutputTokenCount ?? 0),
        TotalTokens = (int)(usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)),
        CacheReadInputTokens = usage.CachedInputTokenCount is { } cached ? (int)cached : null,
    };

    private static NotSupportedException InvokeModelNotSupported() => new(
        "ChatClientBedrockRuntime serves Converse only: an IChatClient has no InvokeModel (model-native bodies such as image generation or "
        + "embedding requests). Call those models through PromptGen.BedrockRuntimeClient; for embeddings over M.E.AI, use an "
        + "IEmbeddingGenerator of your provider.");
}
