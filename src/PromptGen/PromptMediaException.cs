using System;

namespace PromptGen;

/// <summary>
/// An image, document or video that Bedrock would refuse, caught before the request is sent: a format that cannot be
/// told, an oversized or empty file or stream, a document name Bedrock does not accept, too many attachments.
/// </summary>
public sealed class PromptMediaException : ArgumentException
{
    public PromptMediaException(string message)
        : base(message)
    {
    }

    public PromptMediaException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    public PromptMediaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
