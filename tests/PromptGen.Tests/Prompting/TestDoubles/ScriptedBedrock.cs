using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Tests.Prompting.TestDoubles;

/// <summary>
/// An <see cref="IBedrockRuntime"/> that answers from a script, one response per call, and records each request as
/// the JSON Bedrock would receive, serialized at the moment of the call.
/// </summary>
internal sealed class ScriptedBedrock : IBedrockRuntime
{
    private readonly Queue<Func<ConverseResponse>> _answers = new();

    public List<string> RequestBodies { get; } = new();

    public List<string> ModelIds { get; } = new();

    /// <summary>Runs after a request is recorded and before its answer is returned (to cancel mid-run, say).</summary>
    public Action<int>? OnCall { get; set; }

    public JsonElement Request(int index) => JsonDocument.Parse(RequestBodies[index]).RootElement;

    public ScriptedBedrock Text(string text, StopReason? stopReason = null, int inputTokens = 10, int outputTokens = 5) =>
        Answer(new ContentBlock { Text = text }, stopReason ?? StopReason.EndTurn, inputTokens, outputTokens);

    public ScriptedBedrock ToolCall(string name, string inputJson, string toolUseId = "tooluse_1", StopReason? stopReason = null) =>
        Answer(new ContentBlock { ToolUse = new ToolUseBlock { ToolUseId = toolUseId, Name = name, Input = Parse(inputJson) } }, stopReason ?? StopReason.ToolUse, 10, 5);

    public ScriptedBedrock Answer(ContentBlock block, StopReason stopReason, int inputTokens, int outputTokens) =>
        Answer(() => new ConverseResponse
        {
            Output = new ConverseOutput { Message = new Message { Role = ConversationRole.Assistant, Content = { block } } },
            StopReason = stopReason,
            Usage = new TokenUsage { InputTokens = inputTokens, OutputTokens = outputTokens, TotalTokens = inputTokens + outputTokens },
        });

    public ScriptedBedrock Answer(Func<ConverseResponse> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ModelIds.Add(modelId);
        RequestBodies.Add(JsonSerializer.Serialize(request, BedrockJsonContext.Default.ConverseRequest));
        OnCall?.Invoke(RequestBodies.Count);
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException($"The script has no answer for call {RequestBodies.Count}.");
        }

        return Task.FromResult(_answers.Dequeue()());
    }

    public System.Collections.Generic.IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This test double does not stream.");

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
