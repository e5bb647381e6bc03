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

    /// <summary>
    /// Send a well-formed answer or error whose body is <see cref="EmulatorReply.BodyLength"/> bytes long (the text or
    /// message padded), with or without <c>Content-Length</c>; with no length, a body that never ends. To a
    /// <c>ConverseStream</c> call a 2xx reply sends one text-delta frame of that length (with none, a frame whose
    /// prelude claims 4 GiB − 1 bytes and whose bytes never end). Memory stays small on the emulator's side: the
    /// padding is written from one small buffer.
    /// </summary>
    LargeBody,
}
