using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PromptGen;

/// <summary>
/// The model's answer could not be turned into the typed result, after every repair attempt allowed. The message
/// lists the last attempt's errors by path; <see cref="Attempts"/> has every answer.
/// </summary>
public sealed class PromptResultException : Exception
{
    private const int ListedErrorsLimit = 20;

    /// <summary>Creates the error from the attempts that failed; the message lists the last one's errors.</summary>
    /// <param name="modelId">The model id, inference profile or ARN that was asked.</param>
    /// <param name="attempts">Every attempt, in order, each with its answer and errors.</param>
    /// <param name="usage">Tokens summed over all attempts.</param>
    public PromptResultException(string modelId, IReadOnlyList<PromptAttempt> attempts, TokenUsage usage)
        : base(FormatMessage(modelId, attempts))
    {
        ModelId = modelId;
        Attempts = attempts;
        Usage = usage;
    }

    /// <summary>The model id, inference profile or ARN whose answers could not be read.</summary>
    public string ModelId { get; }

    /// <summary>The last answer as it came.</summary>
    public string Text => Attempts.Count == 0 ? "" : Attempts[^1].Text;

    /// <summary>What was wrong with the last answer.</summary>
    public IReadOnlyList<ResultError> Errors => Attempts.Count == 0 ? Array.Empty<ResultError>() : Attempts[^1].Errors;

    /// <summary>Every attempt, in order (the first call and each repair), each with its answer and errors.</summary>
    public IReadOnlyList<PromptAttempt> Attempts { get; }

    /// <summary>Tokens summed over all attempts.</summary>
    public TokenUsage Usage { get; }

    private static string FormatMessage(string modelId, IReadOnlyList<PromptAttempt> attempts)
    {
        IReadOnlyList<ResultError> errors = attempts.Count == 0 ? Array.Empty<ResultError>() : attempts[^1].Errors;
        var message = new StringBuilder()
            .Append("The answer of ").Append(modelId).Append(" could not be read as the result after ")
            .Append(attempts.Count).Append(attempts.Count == 1 ? " attempt:" : " attempts:");
        foreach (ResultError error in errors.Take(ListedErrorsLimit))
        {
            message.Append("\n  ").Append(error.ToString());
        }

        if (errors.Count > ListedErrorsLimit)
        {
            message.Append("\n  … and ").Append(errors.Count - ListedErrorsLimit).Append(" more");
        }

        if (errors.Any(e => e.Kind == ResultErrorKind.Truncated))
        {
            message.Append("\nThe model reached its token limit: raise MaxTokens ([Inference(MaxTokens = …)]) or ask for less.");
        }
        else if (errors.Any(e => e.Kind == ResultErrorKind.Refused))
        {
            message.Append("\nA guardrail or content filter blocked the answer; it was not asked again.");
        }

        return message.ToString();
    }
}
