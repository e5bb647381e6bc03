using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// Runs a prompt whose answer is a typed result: shapes the request for the spec's strategy, reads the answer,
/// and when it is invalid, tells the model what was wrong (by path) and asks again, up to
/// <see cref="StructuredOutputSpec{T}.MaxRepairAttempts"/> times. Called by generated prompt clients.
/// Used by generated code; not for direct use.
/// </summary>
/// <remarks>
/// A guardrail intervention throws <see cref="GuardrailInterventionException"/>. Not repaired: a refusal (content_filtered), and an answer cut off at max_tokens; asking
/// again would be refused or cut off again. Bedrock errors (throttling...) propagate as they are. Cancellation is
/// checked before every call and passed to it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StructuredPrompt
{
    /// <summary>Runs the prompt and returns the typed result.</summary>
    /// <exception cref="PromptResultException">No valid result after every allowed attempt.</exception>
    public static async Task<T> RunAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        CancellationToken cancellationToken)
    {
        PromptResult<T> result = await RunWithDetailsAsync(bedrock, modelId, request, spec, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>Runs the prompt and returns the typed result with every attempt and the summed token usage.</summary>
    /// <exception cref="PromptResultException">No valid result after every allowed attempt.</exception>
    public static Task<PromptResult<T>> RunWithDetailsAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        CancellationToken cancellationToken) =>
        RunWithDetailsAsync(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, spec, cancellationToken);

    /// <summary>Runs the prompt on its models in order (see <see cref="ModelFallbackPolicy"/>) and returns the typed result.</summary>
    /// <exception cref="PromptResultException">One model, and no valid result after every allowed attempt.</exception>
    /// <exception cref="ModelFallbackException">Several models, and every one failed.</exception>
    public static async Task<T> RunAsync<T>(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        CancellationToken cancellationToken)
    {
        PromptResult<T> result = await RunWithDetailsAsync(bedrock, models, request, spec, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>
    /// Runs the prompt on its models in order and returns the typed result with every attempt (repairs and models
    /// fallen back from included) and the summed token usage. A model's <see cref="ModelChoice.Strategy"/> replaces
    /// the spec's for that model.
    /// </summary>
    /// <exception cref="PromptResultException">One model, and no valid result after every allowed attempt.</exception>
    /// <exception cref="ModelFallbackException">Several models, and every one failed.</exception>
    public static Task<PromptResult<T>> RunWithDetailsAsync<T>(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();

        var run = new PromptRun();
        return ModelFallback.RunAsync(
            models,
            run,
            model => RunOnModelAsync(bedrock, model.ModelId, request, spec.WithStrategy(model.Strategy), run, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Continues a prompt whose first answer came from elsewhere (a batch job's output record): reads
    /// <paramref name="answer"/> as attempt 1 of <paramref name="shapedRequest"/> and repairs it on demand, as a
    /// single call would have, within the spec's repair attempts.
    /// </summary>
    /// <exception cref="PromptResultException">No valid result after every allowed attempt.</exception>
    internal static Task<PromptResult<T>> RepairAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest shapedRequest,
        ConverseResponse answer,
        StructuredOutputSpec<T> spec,
        CancellationToken cancellationToken) =>
        AttemptAsync(bedrock, modelId, shapedRequest, shapedRequest, answer, spec, new PromptRun(), cancellationToken);

    private static Task<PromptResult<T>> RunOnModelAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        PromptRun run,
        CancellationToken cancellationToken) =>
        AttemptAsync(bedrock, modelId, request, StructuredRequestShaper.Shape(request, spec), null, spec, run, cancellationToken);

    /// <summary>The attempt loop: ask (unless <paramref name="answered"/> is the first answer), read, repair.</summary>
    private static async Task<PromptResult<T>> AttemptAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        ConverseRequest conversation,
        ConverseResponse? answered,
        StructuredOutputSpec<T> spec,
        PromptRun run,
        CancellationToken cancellationToken)
    {
        int firstAttempt = run.Attempts.Count;
        int allowedAttempts = 1 + spec.MaxRepairAttempts;
        for (int number = 1; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConverseResponse response = answered ?? await bedrock.ConverseAsync(modelId, conversation, cancellationToken).ConfigureAwait(false);
            answered = null;
            run.Usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(modelId, response);

            AnswerReading<T> reading = StructuredAnswerReader.Read(response, spec);
            run.Attempts.Add(new PromptAttempt(run.NextAttemptNumber, reading.Text, reading.Errors, response.Usage, response.StopReason)
            {
                ModelId = modelId,
                RequestId = response.RequestId,
            });
            if (reading.IsSuccess)
            {
                return new PromptResult<T>(reading.Value, run.Attempts.ToArray(), run.Usage.Snapshot(), response.StopReason)
                {
                    Latency = run.Elapsed,
                    Message = response.Output?.Message,
                    // The answer as JSON text: a forced tool's call could not be sent again without its tool.
                    Conversation = ConversationHistory.Continue(request.Messages, Message.Assistant(reading.Text)),
                };
            }

            if (number >= allowedAttempts || !reading.IsRepairable)
            {
                throw new PromptResultException(modelId, run.Attempts.GetRange(firstAttempt, run.Attempts.Count - firstAttempt), run.Usage.Snapshot());
            }

            conversation = RepairTurns.Append(conversation, response, reading.Errors, spec);
        }
    }
}
