using System;
using System.Collections.Generic;

namespace PromptGen.Descriptors;

/// <summary>A prompt method's run through its descriptor: the typed result as JSON and the call's details.</summary>
public sealed class PromptRunResult
{
    /// <summary>The typed result written as JSON (a JSON string for text methods).</summary>
    public required string ResultJson { get; init; }

    /// <summary>The model's last answer text, as it came.</summary>
    public required string RawText { get; init; }

    /// <summary>The model that gave the result.</summary>
    public required string ModelId { get; init; }

    /// <summary>Every attempt: repairs, and models fallen back from.</summary>
    public required IReadOnlyList<PromptAttempt> Attempts { get; init; }

    /// <summary>The tokens of every attempt, summed.</summary>
    public required TokenUsage Usage { get; init; }

    /// <summary>Why the last answer stopped.</summary>
    public StopReason? StopReason { get; init; }

    /// <summary>From the first call to the result.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// The run's estimated cost in USD at the catalog's list prices, summed over every attempt; null when a model
    /// called has no known price (the built-in catalog has none; <see cref="BedrockOptions.ModelCatalogFiles"/> adds
    /// them). See <see cref="TokenUsage.EstimatedCostUsd"/>.
    /// </summary>
    public decimal? EstimatedCostUsd => Usage.EstimatedCostUsd;
}
