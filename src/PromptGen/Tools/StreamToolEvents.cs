using System;
using System.Collections.Generic;
using PromptGen.Bedrock;

namespace PromptGen.Tools;

/// <summary>
/// A stream's tool events and the calls that returned: <see cref="PromptStream"/> and <see cref="ResultStream{T, TPartial}"/>
/// raise their <c>ToolCallStarted</c>/<c>ToolCallCompleted</c> from here.
/// </summary>
internal sealed class StreamToolEvents : IToolCallObserver
{
    private readonly object _sender;
    private readonly List<ToolCallEventArgs> _returned = new();

    public StreamToolEvents(object sender) => _sender = sender;

    public EventHandler<ToolCallEventArgs>? Started;

    public EventHandler<ToolCallEventArgs>? Completed;

    /// <summary>The model whose calls run next.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>The round the calls running now belong to (1 for the first).</summary>
    public int Round { get; set; }

    /// <summary>The calls that have returned, in the order they returned.</summary>
    public IReadOnlyList<ToolCallEventArgs> Returned
    {
        get
        {
            lock (_returned)
            {
                return _returned.ToArray();
            }
        }
    }

    object? IToolCallObserver.Starting(ToolUseBlock call)
    {
        var started = new ToolCallEventArgs(ModelId, Round, call.ToolUseId, call.Name, call.Input);
        Started?.Invoke(_sender, started);
        return started;
    }

    void IToolCallObserver.Returned(object? started, bool isError, TimeSpan duration)
    {
        ToolCallEventArgs returned = ((ToolCallEventArgs)started!).Returned(isError, duration);
        lock (_returned)
        {
            _returned.Add(returned);
        }

        Completed?.Invoke(_sender, returned);
    }
}
