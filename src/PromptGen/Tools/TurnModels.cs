using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using PromptGen.Telemetry;

namespace PromptGen.Tools;

/// <summary>
/// The models of a tool loop, tried per model turn: a turn goes to the model that answered the turn before, and when
/// that model fails (as <see cref="ModelFallbackPolicy"/> says) the same conversation goes to the next model, which then
/// keeps the conversation. Models given up are not asked again in the same call.
/// </summary>
internal sealed class TurnModels
{
    private readonly IReadOnlyList<ModelChoice> _models;
    private readonly List<ModelFailure> _failures = new();
    private int _index;

    public TurnModels(IReadOnlyList<ModelChoice> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("A prompt needs at least one model.", nameof(models));
        }

        for (int index = 0; index < models.Count; index++)
        {
            if (string.IsNullOrWhiteSpace(models[index].ModelId))
            {
                throw new ArgumentException($"Model {index + 1} of the prompt has no id.", nameof(models));
            }
        }

        _models = models;
    }

    /// <summary>The model the next turn goes to.</summary>
    public ModelChoice Current => _models[_index];

    /// <summary>The models given up so far, in order.</summary>
    public IReadOnlyList<ModelFailure> Failures => _failures;

    /// <summary>Whether <paramref name="error"/> of the current model is a reason to try the next one.</summary>
    public bool CanFallBack(Exception error, CancellationToken cancellationToken) =>
        _models.Count > 1 && ModelFallbackPolicy.ShouldFallBack(error, cancellationToken);

    /// <summary>
    /// Records that the current model failed with <paramref name="error"/> (one <see cref="CanFallBack"/> accepted)
    /// and moves to the next; throws <see cref="ModelFallbackException"/> when it was the last model.
    /// </summary>
    public void FallBack(Exception error, PromptRun run)
    {
        if (error is not PromptResultException)
        {
            run.Attempts.Add(new PromptAttempt(run.NextAttemptNumber, "", Array.Empty<ResultError>(), usage: null, stopReason: null)
            {
                ModelId = Current.ModelId,
                RequestId = error switch
                {
                    BedrockServiceException service => service.RequestId,
                    BedrockResponseException response => response.RequestId,
                    _ => null,
                },
                Failure = error,
            });
        }

        _failures.Add(new ModelFailure(Current.ModelId, error));
        if (_index == _models.Count - 1)
        {
            throw new ModelFallbackException(_failures.ToArray(), run.Attempts.ToArray(), run.Usage.Snapshot());
        }

        _index++;
    }

    /// <summary>
    /// One model turn through Converse: <paramref name="conversationFor"/> gives the request for a model (the same
    /// conversation, shaped for its structured-output strategy when it differs).
    /// </summary>
    public async Task<ConverseResponse> ConverseAsync(IBedrockRuntime bedrock, Func<ModelChoice, ConverseRequest> conversationFor, PromptRun run, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ModelChoice model = Current;
            try
            {
                // Restored when this method returns: only the calls made here carry the attribute.
                FallbackTelemetry.Set(_failures);
                return await bedrock.ConverseAsync(model.ModelId, conversationFor(model), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (CanFallBack(error, cancellationToken))
            {
                FallBack(error, run);
            }
        }
    }
}
