using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PromptGen.Tests.AI;

/// <summary>An <see cref="IChatClient"/> that answers from a queue and records every request.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly ConcurrentQueue<ChatResponse> _responses = new();

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = new();

    public FakeChatClient Reply(ChatResponse response)
    {
        _responses.Enqueue(response);
        return this;
    }

    public FakeChatClient ReplyText(string text, ChatFinishReason? finishReason = null) =>
        Reply(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = finishReason ?? ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 11, OutputTokenCount = 5, TotalTokenCount = 16 },
        });

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        lock (Requests)
        {
            Requests.Add((messages.ToList(), options));
        }

        return _responses.TryDequeue(out ChatResponse? response)
            ? Task.FromResult(response)
            : throw new InvalidOperationException("The fake chat client has no reply left.");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
