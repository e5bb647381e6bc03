using System;
using System.Collections.Generic;
using System.ComponentModel;
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
    public static Task<string> RunAsync(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken) =>
        RunAsync(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, tools, options, cancellationToken);

    /// <summary>
    /// Runs the loop on <paramref name="models"/> and returns the final text: each model turn goes to the model that
    /// answered the turn before, and to the next model, with the same conversation, when that one fails.
    /// </summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    /// <exception cref="ModelFallbackException">Several models, and every one failed.</exception>
    public static async Task<string> RunAsync(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        ConverseRequest request,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var turns = new TurnModels(models);
        ToolBox box = OpenText(request, tools, options, out ConverseRequest conversation);
        var run = new PromptRun();
        for (int round = 0; ; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConverseResponse response = await turns.ConverseAsync(bedrock, _ => conversation, run, cancellationToken).ConfigureAwait(false);
            string modelId = turns.Current.ModelId;
            run.Usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(modelId, response);
            List<ToolUseBlock> calls = ToolTurns.Calls(response);
            if (calls.Count == 0)
            {
                return response.GetOutputText();
            }

            conversation = await RunRoundAsync(modelId, conversation, response, calls, box, options, round, run.Usage, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Runs the loop on <paramref name="models"/> (see the text overload) and returns the typed result.</summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    /// <exception cref="PromptResultException">One model, and no valid result after every allowed repair.</exception>
    /// <exception cref="ModelFallbackException">Several models, and every one failed.</exception>
    public static async Task<T> RunAsync<T>(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken)
    {
        PromptResult<T> result = await RunWithDetailsAsync(bedrock, models, request, spec, tools, options, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>
    /// Runs the loop and returns the typed result with every call made (tool rounds included, their errors empty)
    /// and the tokens summed over all of them.
    /// </summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    /// <exception cref="PromptResultException">No valid result after every allowed repair.</exception>
    public static Task<PromptResult<T>> RunWithDetailsAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken) =>
        RunWithDetailsAsync(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, spec, tools, options, cancellationToken);

    /// <summary>
    /// Runs the loop on <paramref name="models"/> and returns the typed result with every call made (tool rounds and
    /// models given up included) and the tokens summed over all of them. Each model turn goes to the model that
    /// answered the turn before, and to the next model, with the same conversation, when that one fails; a model's
    /// <see cref="ModelChoice.Strategy"/> reshapes the conversation's opening for it.
    /// </summary>
    /// <exception cref="ToolLoopLimitException">The model still asked for tools after the allowed rounds.</exception>
    /// <exception cref="PromptResultException">One model, and no valid result after every allowed repair.</exception>
    /// <exception cref="ModelFallbackException">Several models, and every one failed.</exception>
    public static async Task<PromptResult<T>> RunWithDetailsAsync<T>(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        IReadOnlyList<ToolDefinition> tools,
        ToolLoopOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var turns = new TurnModels(models);
        StructuredConversation<T> conversation = OpenStructured(request, spec, tools, options, models, out ToolBox box);
        var run = new PromptRun();
        int answers = 0;
        for (int round = 0; ;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConverseResponse response = await turns.ConverseAsync(bedrock, conversation.For, run, cancellationToken).ConfigureAwait(false);

            string modelId = turns.Current.ModelId;
            run.Usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(modelId, response);
            TurnOutcome<T> outcome = ReadTurn(response, conversation.Spec, conversation.ResultIsTool);
            if (outcome.UserCalls is { } userCalls)
            {
                run.Attempts.Add(new PromptAttempt(run.NextAttemptNumber, ToolTurns.Describe(userCalls), Array.Empty<ResultError>(), response.Usage, response.StopReason)
                {
                    ModelId = modelId,
                    RequestId = response.RequestId,
                });
                CheckRounds(modelId, conversation.Current, response, options, round++, run.Usage);
                conversation.AppendRound(response, await ToolCallRunner.RunAsync(userCalls, box, options.ParallelCalls, cancellationToken).ConfigureAwait(false));
                continue;
            }

            AnswerReading<T> reading = outcome.Reading!;
            run.Attempts.Add(new PromptAttempt(run.NextAttemptNumber, reading.Text, reading.Errors, response.Usage, response.StopReason)
            {
                ModelId = modelId,
                RequestId = response.RequestId,
            });
            if (reading.IsSuccess)
            {
                // Tool calls made next to a valid result are not run: the answer is complete without them.
                return new PromptResult<T>(reading.Value, run.Attempts.ToArray(), run.Usage.Snapshot(), response.StopReason)
                {
                    Latency = run.Elapsed,
                    Message = response.Output?.Message,
                    // Tool rounds are left out, as repair turns are: the conversation continues without the tools.
                    Conversation = ConversationHistory.Continue(request.Messages, Message.Assistant(reading.Text)),
                };
            }

            if (++answers > conversation.Spec.MaxRepairAttempts || !reading.IsRepairable)
            {
                var invalid = new PromptResultException(modelId, run.Attempts.ToArray(), run.Usage.Snapshot());
                if (!turns.CanFallBack(invalid, cancellationToken))
                {
                    throw invalid;
                }

                // A stronger model may get it right: it continues the conversation with a fresh repair budget.
                turns.FallBack(invalid, run);
                answers = 0;
                continue;
            }

            await AppendRepairAsync(conversation, response, reading, outcome.Calls, box, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The user's tools and the first request of a text tool loop.</summary>
    internal static ToolBox OpenText(ConverseRequest request, IReadOnlyList<ToolDefinition> tools, ToolLoopOptions options, out ConverseRequest conversation)
    {
        RejectOwnToolConfig(request);
        var box = new ToolBox(tools, reservedName: null);
        CheckForcedTool(options, box, resultName: null);
        conversation = request.CopyWithOwnMessages();
        conversation.ToolConfig = new ToolConfiguration { Tools = box.WireTools(cachePoint: options.ToolsCachePoint), ToolChoice = ToolBox.Choice(options.Choice, options.Tool) };
        return box;
    }

    /// <summary>The user's tools and the conversation of a typed tool loop, shaped for its first model.</summary>
    internal static StructuredConversation<T> OpenStructured<T>(
        ConverseRequest request, StructuredOutputSpec<T> spec, IReadOnlyList<ToolDefinition> tools, ToolLoopOptions options, IReadOnlyList<ModelChoice> models, out ToolBox box)
    {
        RejectOwnToolConfig(request);
        spec.Validate();
        // The result tool's name is reserved whenever a model may be asked for the result as a tool call.
        bool anyResultTool = spec.Strategy == StructuredOutputStrategy.ForcedTool;
        foreach (ModelChoice model in models)
        {
            anyResultTool |= model.Strategy == StructuredOutputStrategy.ForcedTool;
        }

        box = new ToolBox(tools, anyResultTool ? spec.ResultName : null);
        CheckForcedTool(options, box, anyResultTool ? spec.ResultName : null);
        return new StructuredConversation<T>(request, spec, box, options, models[0]);
    }

    /// <summary>What a typed loop's model turn is: a round of the user's tools to run, or an answer to read.</summary>
    internal static TurnOutcome<T> ReadTurn<T>(ConverseResponse response, StructuredOutputSpec<T> spec, bool resultIsTool)
    {
        List<ToolUseBlock> calls = ToolTurns.Calls(response);
        List<ToolUseBlock> userCalls = calls.Where(call => !resultIsTool || call.Name != spec.ResultName).ToList();
        bool answered = calls.Count != userCalls.Count || userCalls.Count == 0;
        return answered
            ? new TurnOutcome<T>(calls, null, StructuredAnswerReader.Read(response, spec))
            : new TurnOutcome<T>(calls, userCalls, null);
    }

    /// <summary>
    /// The next request after an invalid answer: the request to correct it, after the results of the user's tools the
    /// model called beside it (those run as usual; the result call gets an error result, in the same user turn).
    /// </summary>
    internal static async Task AppendRepairAsync<T>(
        StructuredConversation<T> conversation, ConverseResponse response, AnswerReading<T> reading, List<ToolUseBlock> calls, ToolBox box, ToolLoopOptions options, CancellationToken cancellationToken, IToolCallObserver? observer = null)
    {
        StructuredOutputSpec<T> spec = conversation.Spec;
        List<ToolUseBlock> userCalls = calls.Where(call => !conversation.ResultIsTool || call.Name != spec.ResultName).ToList();
        if (userCalls.Count == 0)
        {
            conversation.AppendRepair(response, reading.Errors);
            return;
        }

        List<ContentBlock> content = await ToolCallRunner.RunAsync(userCalls, box, options.ParallelCalls, cancellationToken, observer).ConfigureAwait(false);
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
        conversation.AppendRound(response, content);
    }

    /// <summary>Throws <see cref="ToolLoopLimitException"/> when the model asks for a round beyond the allowed ones.</summary>
    internal static void CheckRounds(string modelId, ConverseRequest conversation, ConverseResponse response, ToolLoopOptions options, int round, TokenUsageTotal usage)
    {
        if (round >= options.MaxIterations)
        {
            var messages = new List<Message>(conversation.Messages) { ToolTurns.AnswerAsSent(response) };
            throw new ToolLoopLimitException(modelId, options.MaxIterations, messages, usage.Snapshot());
        }
    }

    /// <summary>Runs one round of calls (after checking the bound) and returns the next request.</summary>
    internal static async Task<ConverseRequest> RunRoundAsync(
        string modelId,
        ConverseRequest conversation,
        ConverseResponse response,
        List<ToolUseBlock> calls,
        ToolBox box,
        ToolLoopOptions options,
        int round,
        TokenUsageTotal usage,
        CancellationToken cancellationToken,
        IToolCallObserver? observer = null)
    {
        CheckRounds(modelId, conversation, response, options, round, usage);
        List<ContentBlock> results = await ToolCallRunner.RunAsync(calls, box, options.ParallelCalls, cancellationToken, observer).ConfigureAwait(false);
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
