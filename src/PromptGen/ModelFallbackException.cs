using System;
using System.Collections.Generic;
using System.Text;

namespace PromptGen;

/// <summary>
/// Every model of a prompt with fallback models failed. <see cref="Failures"/> has each model's error in the order
/// tried; <see cref="Exception.InnerException"/> is the last one's. A prompt with a single model never raises this: its
/// error propagates as it is.
/// </summary>
public sealed class ModelFallbackException : Exception
{
    /// <summary>Creates the error from each model's failure.</summary>
    /// <param name="failures">Each model tried and its error, in the order tried; the last one's is the inner exception.</param>
    /// <param name="attempts">Every call made, on every model.</param>
    /// <param name="usage">Tokens summed over every call that reported usage.</param>
    public ModelFallbackException(IReadOnlyList<ModelFailure> failures, IReadOnlyList<PromptAttempt> attempts, TokenUsage usage)
        : base(FormatMessage(failures), failures is { Count: > 0 } ? failures[^1].Error : null)
    {
        Failures = failures;
        Attempts = attempts;
        Usage = usage;
    }

    /// <summary>Each model tried and why it failed, in order.</summary>
    public IReadOnlyList<ModelFailure> Failures { get; }

    /// <summary>Every call made, on every model.</summary>
    public IReadOnlyList<PromptAttempt> Attempts { get; }

    /// <summary>Tokens summed over every call that reported usage.</summary>
    public TokenUsage Usage { get; }

    private static string FormatMessage(IReadOnlyList<ModelFailure> failures)
    {
        var message = new StringBuilder("All ").Append(failures?.Count ?? 0).Append(" models of the prompt failed:");
        foreach (ModelFailure failure in failures ?? Array.Empty<ModelFailure>())
        {
            message.Append("\n  ").Append(failure.ModelId).Append(": ").Append(failure.Error.GetType().Name).Append(": ").Append(failure.Error.Message);
        }

        return message.ToString();
    }
}

/// <summary>One model of a prompt with fallback models, and the error that made the prompt give it up.</summary>
public sealed class ModelFailure
{
    /// <summary>Records that <paramref name="modelId"/> was given up because of <paramref name="error"/>.</summary>
    /// <param name="modelId">The model id, inference profile or ARN that failed.</param>
    /// <param name="error">The error it failed with, after the client's own retries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> or <paramref name="error"/> is null.</exception>
    public ModelFailure(string modelId, Exception error)
    {
        ModelId = modelId ?? throw new ArgumentNullException(nameof(modelId));
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    /// <summary>The model id, inference profile or ARN that failed.</summary>
    public string ModelId { get; }

    /// <summary>A <see cref="BedrockException"/> subclass, or a <see cref="PromptResultException"/> for a typed result still invalid after its repairs.</summary>
    public Exception Error { get; }
}
