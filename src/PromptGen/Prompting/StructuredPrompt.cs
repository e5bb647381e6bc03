using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;

namespace PromptGen.Prompting;

/// <summary>
/// Runs a prompt whose answer is a typed result: shapes the request for the spec's strategy, reads the answer,
/// and when it is invalid, tells the model what was wrong (by path) and asks again, up to
/// <see cref="StructuredOutputSpec{T}.MaxRepairAttempts"/> times. Called by generated prompt clients.
/// </summary>
/// <remarks>
/// A guardrail intervention throws <see cref="GuardrailInterventionException"/>. Not repaired: a refusal (content_filtered), and an answer cut off at max_tokens; asking
/// again would be refused or cut off again. Bedrock errors (throttling...) propagate as they are. Cancellation is
/// checked before every call and passed to it.
/// </remarks>
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
    public static async Task<PromptResult<T>> RunWithDetailsAsync<T>(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();

        ConverseRequest conversation = StructuredRequestShaper.Shape(request, spec);
        var attempts = new List<PromptAttempt>();
        var usage = new TokenUsageTotal();
        int allowedAttempts = 1 + spec.MaxRepairAttempts;
        for (int number = 1; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConverseResponse response = await bedrock.ConverseAsync(modelId, conversation, cancellationToken).ConfigureAwait(false);
            usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(modelId, response);

            AnswerReading<T> reading = StructuredAnswerReader.Read(response, spec);
            attempts.Add(new PromptAttempt(number, reading.RawOutput, reading.Errors, response.Usage, response.StopReason));
            if (reading.IsSuccess)
            {
                return new PromptResult<T>(reading.Value, attempts, usage.Snapshot(), response.StopReason);
            }

            if (number >= allowedAttempts || !reading.IsRepairable)
            {
                throw new PromptResultException(modelId, attempts, usage.Snapshot());
            }

            conversation = RepairTurns.Append(conversation, response, reading.Errors, spec);
        }
    }
}
