using System;
using System.Collections.Generic;

namespace PromptGen;

/// <summary>
/// The model still asked for tools after the allowed number of rounds (<see cref="ToolLoopAttribute.MaxIterations"/>).
/// <see cref="Conversation"/> holds every turn so far, the last tool request included, to log or continue from.
/// </summary>
public sealed class ToolLoopLimitException : Exception
{
    /// <summary>Creates the error for a tool loop stopped after <paramref name="maxIterations"/> rounds.</summary>
    /// <param name="modelId">The model id, inference profile or ARN that kept asking for tools.</param>
    /// <param name="maxIterations">The number of rounds allowed.</param>
    /// <param name="conversation">Every turn so far, the last tool request included.</param>
    /// <param name="usage">Tokens summed over every call made.</param>
    public ToolLoopLimitException(string modelId, int maxIterations, IReadOnlyList<Message> conversation, TokenUsage usage)
        : base($"{modelId} still asked for tools after {maxIterations} round{(maxIterations == 1 ? "" : "s")} of tool calls (ToolLoop MaxIterations = {maxIterations}).")
    {
        ModelId = modelId;
        MaxIterations = maxIterations;
        Conversation = conversation;
        Usage = usage;
    }

    /// <summary>The model id, inference profile or ARN that kept asking for tools.</summary>
    public string ModelId { get; }

    /// <summary>The number of rounds of tool calls allowed (<see cref="ToolLoopAttribute.MaxIterations"/>).</summary>
    public int MaxIterations { get; }

    /// <summary>The messages so far: the prompt, each tool request and its results, and the last, unanswered request.</summary>
    public IReadOnlyList<Message> Conversation { get; }

    /// <summary>Tokens summed over every call made.</summary>
    public TokenUsage Usage { get; }
}
