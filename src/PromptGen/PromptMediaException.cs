using System;

namespace PromptGen;

/// <summary>
/// An image, document or video that Bedrock would refuse, caught before the request is sent: a format that cannot be
/// told, an oversized or empty file or stream, a document name Bedrock does not accept, too many attachments.
/// </summary>
public sealed class PromptMediaException : ArgumentException
{
    /// <summary>Creates the error with what Bedrock would refuse.</summary>
    /// <param name="message">What is wrong and the limit it breaks.</param>
    public PromptMediaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error for the argument named <paramref name="paramName"/>.</summary>
    /// <param name="message">What is wrong and the limit it breaks.</param>
    /// <param name="paramName">The parameter whose value is refused.</param>
    public PromptMediaException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>Creates the error caused by <paramref name="innerException"/> (a file that cannot be read, say).</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public PromptMediaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
