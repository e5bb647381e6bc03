using System;

namespace PromptGen;

/// <summary>
/// Thrown by a tool to tell the model why it failed: the message goes back to the model as-is, in an error
/// <c>toolResult</c>. Other exceptions go back as a generic message naming only their type, since their messages can
/// hold details (paths, connection strings) the model should not see.
/// </summary>
public class ToolException : Exception
{
    /// <summary>Fails the tool call with <paramref name="message"/>, which the model sees.</summary>
    /// <param name="message">Why the tool failed, worded for the model; sent as the error <c>toolResult</c>'s text.</param>
    public ToolException(string message)
        : base(message)
    {
    }

    /// <summary>Fails the tool call with <paramref name="message"/>, which the model sees; <paramref name="innerException"/> is not sent.</summary>
    /// <param name="message">Why the tool failed, worded for the model; sent as the error <c>toolResult</c>'s text.</param>
    /// <param name="innerException">The error that caused this one, for the caller's logs.</param>
    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
