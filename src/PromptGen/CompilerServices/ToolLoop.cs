using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Prompting;
using PromptGen.Tools;

namespace PromptGen.CompilerServices;

/// <summary>
/// Runs a prompt whose model may call tools: ask, run the calls the model asked for (concurrently by default), send
/// their results back in one user turn, and ask again, until the model answers without calling a tool, at most
/// <see cref="ToolLoopOptions.MaxIterations"/> rounds. Called by generated prompt clients.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// <para>Tool failures do not stop the loop: an unknown tool name, input that does not fit the tool's parameters
/// (listed by JSON path) and exceptions thrown by a tool go back to the model as <c>toolResult</c>s with status
/// <c>error</c>. The caller's cancellation stops it at once, inside a tool too.</para>
/// <para>Typed results: with the forced-tool strategy the result tool is offered next to the user's tools with
/// <c>toolChoice</c> <c>any</c>, so every turn calls something and the loop ends when the model calls the result
/// tool (it cannot be forced while the model still needs other tools). With native structured output or a prompted
/// schema, the tools are offered with <c>auto</c> and the first answer without tool calls is the result. Invalid
/// results are repaired as <see cref="StructuredPrompt"/> does, within the same loop.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolLoop
{
    /// <summary>Runs the loop and returns the model's final text.</summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    public static async Task<string> RunAsync(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        RejectOwnToolConfig(request);
        var box = new ToolBox(tools, reservedName: null);
        CheckForcedTool(options, box, resultName: null);

        ConverseRequest conversation = request.CopyWithOwnMessages();
        conversation.ToolConfig = new ToolConfiguration { Tools = box.WireTools(cachePoint: options.ToolsCachePoint), ToolChoice = ToolBox.Choice(options.Choice, options.Tool) };
        var usage = new TokenUsageTotal();
        for (int round = 0; ; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConverseResponse response = await bedrock.ConverseAsync(modelId, conversation, cancellationToken).ConfigureAwait(false);
            usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(modelId, response);
            List<ToolUseBlock> calls = ToolTurns.Calls(response);
            if (calls.Count == 0)
            {
                return response.GetOutputText();
            }

            conversation = await RunRoundAsync(modelId, conversation, response, calls, box, options, round, usage, cancellationToken).ConfigureAwait(false);
            conversation.ToolConfig = new ToolConfiguration { Tools = conversation.ToolConfig!.Tools, ToolChoice = ToolBox.Choice(ToolChoiceMode.Auto, null) };
        }
    }

    /// <summary>Runs the loop and returns the typed result.</summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    /// <exception cref="PromptResultException">No valid result after every allowed repair.</exception>
    public static async Task<T> RunAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken)
    {
        PromptResult<T> result = await RunWithDetailsAsync(bedrock, modelId, request, spec, tools, options, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>
    /// Runs the loop and returns the typed result with every call made (tool rounds included, their errors empty)
    /// and the tokens summed over all of them.
    /// </summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    /// <exception cref="PromptResultException">No valid result after every allowed repair.</exception>
    public static async Task<PromptResult<T>> RunWithDetailsAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        RejectOwnToolConfig(request);
        spec.Validate();
        bool resultIsTool = spec.Strategy == StructuredOutputStrategy.ForcedTool;
        var box = new ToolBox(tools, resultIsTool ? spec.ResultName : null);
        CheckForcedTool(options, box, resultIsTool ? spec.ResultName : null);

        ConverseRequest conversation = StructuredRequestShaper.Shape(request, spec);
        ToolChoice laterChoice;
        if (resultIsTool)
        {
            // The result tool joins the user's tools; 'any' keeps the model from answering in prose, and it ends the
            // loop by calling the result tool when it has what it needs.
            Tool resultTool = conversation.ToolConfig!.Tools[0];
            laterChoice = ToolBox.Choice(ToolChoiceMode.Any, null);
            conversation.ToolConfig = new ToolConfiguration
            {
                Tools = box.WireTools(resultTool, options.ToolsCachePoint),
                ToolChoice = options.Choice == ToolChoiceMode.Tool ? ToolBox.Choice(ToolChoiceMode.Tool, options.Tool) : laterChoice,
            };
        }
        else
        {
            laterChoice = ToolBox.Choice(ToolChoiceMode.Auto, null);
            conversation.ToolConfig = new ToolConfiguration { Tools = box.WireTools(cachePoint: options.ToolsCachePoint), ToolChoice = ToolBox.Choice(options.Choice, options.Tool) };
        }

        var attempts = new List<PromptAttempt>();
        var usage = new TokenUsageTotal();
        long started = Stopwatch.GetTimestamp();
        int answers = 0;
        for (int round = 0, number = 1; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConverseResponse response = await bedrock.ConverseAsync(modelId, conversation, cancellationToken).ConfigureAwait(false);
            usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(modelId, response);
            List<ToolUseBlock> calls = ToolTurns.Calls(response);
            List<ToolUseBlock> userCalls = calls.Where(call => !resultIsTool || call.Name != spec.ResultName).ToList();
            bool answered = calls.Count != userCalls.Count || userCalls.Count == 0;
            if (!answered)
            {
                attempts.Add(new PromptAttempt(number, ToolTurns.Describe(userCalls), Array.Empty<ResultError>(), response.Usage, response.StopReason)
                {
                    ModelId = modelId,
                    RequestId = response.RequestId,
                });
                conversation = await RunRoundAsync(modelId, conversation, response, userCalls, box, options, round++, usage, cancellationToken).ConfigureAwait(false);
                conversation.ToolConfig = new ToolConfiguration { Tools = conversation.ToolConfig!.Tools, ToolChoice = laterChoice };
                continue;
            }

            AnswerReading<T> reading = StructuredAnswerReader.Read(response, spec);
            attempts.Add(new PromptAttempt(number, reading.Text, reading.Errors, response.Usage, response.StopReason)
            {
                ModelId = modelId,
                RequestId = response.RequestId,
            });
            if (reading.IsSuccess)
            {
                // Tool calls made next to a valid result are not run: the answer is complete without them.
                return new PromptResult<T>(reading.Value, attempts, usage.Snapshot(), response.StopReason)
                {
                    Latency = Stopwatch.GetElapsedTime(started),
                    Message = response.Output?.Message,
                    // Tool rounds are left out, as repair turns are: the conversation continues without the tools.
                    Conversation = ConversationHistory.Continue(request.Messages, Message.Assistant(reading.Text)),
                };
            }

            if (++answers > spec.MaxRepairAttempts || !reading.IsRepairable)
            {
                throw new PromptResultException(modelId, attempts, usage.Snapshot());
            }

            List<Tool> offered = conversation.ToolConfig!.Tools;
            if (userCalls.Count == 0)
            {
                conversation = RepairTurns.Append(conversation, response, reading.Errors, spec);
            }
            else
            {
                // The invalid result came with calls of the user's tools: those run as usual, the result call gets
                // an error result, and the request to try again shares the same user turn.
                List<ContentBlock> content = await ToolCallRunner.RunAsync(userCalls, box, options.ParallelCalls, cancellationToken).ConfigureAwait(false);
                string errors = string.Join("\n", reading.Errors.Select(error => "- " + error));
                foreach (ToolUseBlock call in calls.Where(call => call.Name == spec.ResultName))
                {
                    content.Add(new ContentBlock
                    {
                        ToolResult = new ToolResultBlock
                        {
                            ToolUseId = call.ToolUseId,
                            Status = ToolResultStatus.Error,
                            Content = { ToolResultContentBlock.FromText("The input was not valid:\n" + errors) },
                        },
                    });
                }

                content.Add(ContentBlock.FromText($"Your previous answer was not valid:\n{errors}\nCall {spec.ResultName} again with the corrected input."));
                conversation = ToolTurns.Append(conversation, response, content);
            }

            conversation.ToolConfig = new ToolConfiguration { Tools = offered, ToolChoice = laterChoice };
        }
    }

    private static async Task<ConverseRequest> RunRoundAsync(
        string modelId,
        ConverseRequest conversation,
        ConverseResponse response,
        List<ToolUseBlock> calls,
        ToolBox box,
        ToolLoopOptions options,
        int round,
        TokenUsageTotal usage,
        CancellationToken cancellationToken)
    {
        if (round >= options.MaxIterations)
        {
            var messages = new List<Message>(conversation.Messages) { ToolTurns.AnswerAsSent(response) };
            throw new ToolLoopLimitException(modelId, options.MaxIterations, messages, usage.Snapshot());
        }

        List<ContentBlock> results = await ToolCallRunner.RunAsync(calls, box, options.ParallelCalls, cancellationToken).ConfigureAwait(false);
        return ToolTurns.Append(conversation, response, results);
    }

    private static void RejectOwnToolConfig(ConverseRequest request)
    {
        if (request.ToolConfig is not null)
        {
            throw new ArgumentException("A tool loop sets toolConfig itself; the request must not have one.", nameof(request));
        }
    }

    private static void CheckForcedTool(ToolLoopOptions options, ToolBox box, string? resultName)
    {
        if (options.Choice == ToolChoiceMode.Tool
            && (options.Tool is null || (!box.Contains(options.Tool) && !string.Equals(options.Tool, resultName, StringComparison.Ordinal))))
        {
            throw new ArgumentException($"ToolChoice Tool names '{options.Tool}', which is not one of the tools ({box.Names}).", nameof(options));
        }
    }
}
