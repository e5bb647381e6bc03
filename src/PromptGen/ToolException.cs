using System;

namespace PromptGen;

/// <summary>
/// Thrown by a tool to tell the model why it failed: the message goes back to the model as-is, in an error
/// <c>toolResult</c>. Other exceptions go back as a generic message naming only their type, since their messages can
/// hold details (paths, connection strings) the model should not see.
/// </summary>
public class ToolException : Exception
{
    public ToolException(string message)
        : base(message)
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
