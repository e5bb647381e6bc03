using PromptGen.Bedrock;

namespace PromptGen.Tools;

/// <summary>Told when each tool call of a round starts and returns (a stream's tool events are raised from it).</summary>
internal interface IToolCallObserver
{
    /// <summary>The call is about to run; the returned token is handed back to <see cref="Returned"/>.</summary>
    object? Starting(ToolUseBlock call);

    /// <summary>The call returned; its result goes back to the model (as an error when <paramref name="isError"/>).</summary>
    void Returned(object? started, bool isError, System.TimeSpan duration);
}
