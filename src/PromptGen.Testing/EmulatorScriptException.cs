using System;

namespace PromptGen.Testing;

/// <summary>A JSON emulator script is unreadable or breaks the schema.</summary>
public sealed class EmulatorScriptException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and where.</summary>
    public EmulatorScriptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception, keeping the underlying cause.</summary>
    public EmulatorScriptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
