using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The repair loop's input: a generated client whose "model" answers each attempt with a fuzzed text (or a tool
/// call with fuzzed input) and a random stop reason. The only errors allowed out are the typed
/// <see cref="PromptResultException"/> and <see cref="BedrockException"/>; a value that comes back must be whole.
/// </summary>
public sealed class RepairLoopTarget(ModelTextGenerator generator) : IFuzzTarget
{
    /// <summary>Separates the answers of successive attempts within one input.</summary>
    public const char AttemptSeparator = '\u0001';

    private static readonly StopReason[] StopReasonsPool =
    {
        StopReason.EndTurn, StopReason.EndTurn, StopReason.ToolUse, StopReason.MaxTokens, StopReason.StopSequence,
        StopReason.GuardrailIntervened, StopReason.ContentFiltered, StopReason.MalformedModelOutput, new StopReason("something_new"),
    };

    public string Name => "repair-loop";

    public string NextInput(Random random, int iteration)
    {
        int attempts = random.Next(1, 4);
        var parts = new string[attempts];
        for (int i = 0; i < attempts; i++)
        {
            parts[i] = random.Next(4) == 0
                ? """{"title": "Refund", "priority": "High", "minutes": 30, "tags": ["billing"], "detail": {"owner": null, "score": 0.5, "urgent": true}}"""
                : generator.Next(random);
        }

        return string.Join(AttemptSeparator, parts);
    }

    public void Run(string input)
    {
        string[] answers = input.Split(AttemptSeparator);
        var runtime = new ScriptedRuntime(answers);
        IFuzzPrompts prompts = IFuzzPrompts.Create(runtime);
        Task<FuzzTicket> call = (input.Length % 2 == 0 ? prompts.TriageAsync(input) : prompts.TriageWithToolAsync(input));
        FuzzTicket ticket = call.GetAwaiter().GetResult();
        if (ticket is null || ticket.Title is null || ticket.Minutes is < 0 or > 10000 || ticket.Title.Length > 40)
        {
            throw new FuzzViolation("a result came back that breaks its own type's rules");
        }
    }

    public bool IsExpected(Exception exception) => exception is PromptResultException or BedrockException;

    /// <summary>Answers attempt n with answer n (the last repeats): as text, or as a tool call when it is strict JSON.</summary>
    private sealed class ScriptedRuntime(string[] answers) : IBedrockRuntime
    {
        private int _calls;

        public Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
        {
            string text = answers[Math.Min(_calls++, answers.Length - 1)];
            StopReason stopReason = StopReasonsPool[(text.Length + _calls) % StopReasonsPool.Length];
            var message = new Message { Role = ConversationRole.Assistant };
            if (request.ToolConfig is { Tools.Count: > 0 } tools && TryStrictJson(text, out JsonElement input))
            {
                message.Content.Add(new ContentBlock
                {
                    ToolUse = new ToolUseBlock { ToolUseId = "tooluse_" + _calls, Name = tools.Tools[0].ToolSpec?.Name ?? "x", Input = input },
                });
            }
            else
            {
                message.Content.Add(ContentBlock.FromText(text));
            }

            return Task.FromResult(new ConverseResponse
            {
                Output = new ConverseOutput { Message = message },
                StopReason = stopReason,
                Usage = new TokenUsage { InputTokens = 10, OutputTokens = text.Length / 4, TotalTokens = 10 + text.Length / 4 },
            });
        }

        public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The repair-loop target does not stream.");

        private static bool TryStrictJson(string text, out JsonElement element)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                element = document.RootElement.Clone();
                return true;
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Not JSON, or not even valid UTF-16 (a lone surrogate): the model "answers" with text then.
                element = default;
                return false;
            }
        }
    }
}
