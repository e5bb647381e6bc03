namespace PromptGen.Testing;

/// <summary>A transport-level failure a script rule can inject instead of a well-formed answer.</summary>
public enum EmulatorFault
{
    /// <summary>An ordinary answer.</summary>
    None = 0,

    /// <summary>Close the connection without sending a response (the client sees a reset or an early end).</summary>
    DropConnection,

    /// <summary>
    /// Send <c>200</c> with the full <c>Content-Length</c> of the answer, then only its first half, then close the
    /// connection: a body cut off in transit.
    /// </summary>
    TruncatedBody,
}
