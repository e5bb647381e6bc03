using System;
using System.Collections.Generic;
using PromptGen.CompilerServices;

namespace PromptGen;

/// <summary>
/// The model still asked for tools after the allowed number of rounds (<see cref="ToolLoopOptions.MaxIterations"/>).
/// <see cref="Conversation"/> holds every turn so far, the last tool request included, to log or continue from.
/// </summary>
public sealed class ToolLoopLimitException : Exception
{
    public ToolLoopLimitException(string modelId, int maxIterations, IReadOnlyList<Message> conversation, TokenUsage usage)
        : base($"{modelId} still asked for tools after {maxIterations} round{(maxIterations == 1 ? "" : "s")} of tool calls (ToolLoop MaxIterations = {maxIterations}).")
    {
        ModelId = modelId;
        MaxIterations = maxIterations;
        Conversation = conversation;
        Usage = usage;
    }

    public string ModelId { get; }

    public int MaxIterations { get; }

    /// <summary>The messages so far: the prompt, each tool request and its results, and the last, unanswered request.</summary>
    public IReadOnlyList<Message> Conversation { get; }

    /// <summary>Tokens summed over every call made.</summary>
    public TokenUsage Usage { get; }
}
