using System;
using System.Text.Json;

namespace PromptGen;

/// <summary>
/// A tool call made by the model while a stream was being written: raised by <see cref="PromptStream.ToolCallStarted"/>
/// when the tool starts and by <see cref="PromptStream.ToolCallCompleted"/> when it has returned (the same events exist
/// on <see cref="ResultStream{T, TPartial}"/>).
/// </summary>
/// <remarks>
/// The calls of one model turn run concurrently unless the method's <c>[ToolLoop]</c> says otherwise, so the events of
/// one round may be raised on several threads at once. The stream's enumeration is paused while its tools run: no
/// delta is produced between a round's first <c>ToolCallStarted</c> and its last <c>ToolCallCompleted</c>.
/// </remarks>
public sealed class ToolCallEventArgs : EventArgs
{
    internal ToolCallEventArgs(string modelId, int round, string toolUseId, string name, JsonElement input)
    {
        ModelId = modelId;
        Round = round;
        ToolUseId = toolUseId;
        Name = name;
        Input = input;
    }

    private ToolCallEventArgs(ToolCallEventArgs started, bool isError, TimeSpan duration)
        : this(started.ModelId, started.Round, started.ToolUseId, started.Name, started.Input)
    {
        HasReturned = true;
        IsError = isError;
        Duration = duration;
    }

    /// <summary>The model that asked for the call.</summary>
    public string ModelId { get; }

    /// <summary>The round of tool calls the call belongs to: 1 for the calls of the model's first answer, and so on.</summary>
    public int Round { get; }

    /// <summary>The call's id, as the model gave it (its result is sent back under the same id).</summary>
    public string ToolUseId { get; }

    /// <summary>The name of the tool the model called.</summary>
    public string Name { get; }

    /// <summary>The input the model wrote for the tool (a JSON object, or the string it sent instead).</summary>
    public JsonElement Input { get; }

    /// <summary>The tool has returned (raised by <c>ToolCallCompleted</c>); false when it is starting.</summary>
    public bool HasReturned { get; }

    /// <summary>
    /// The result went back to the model as an error: the tool is unknown, its input did not fit, or it threw. False
    /// while the call has not returned.
    /// </summary>
    public bool IsError { get; }

    /// <summary>How long the tool ran; zero while the call has not returned.</summary>
    public TimeSpan Duration { get; }

    internal ToolCallEventArgs Returned(bool isError, TimeSpan duration) => new(this, isError, duration);
}
