using System;
using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Descriptors;

/// <summary>The JSON arguments given to a <see cref="PromptDescriptor"/> do not match its arguments schema.</summary>
public sealed class PromptArgumentsException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>, each with its JSON path.</summary>
    public PromptArgumentsException(string methodName, IReadOnlyList<ResultError> errors)
        : base($"The arguments of {methodName} are not valid: {string.Join("; ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(error => error.ToString()))}")
    {
        Errors = errors;
    }

    /// <summary>What is wrong, by JSON path (<c>$.ticket.title</c>).</summary>
    public IReadOnlyList<ResultError> Errors { get; }
}
