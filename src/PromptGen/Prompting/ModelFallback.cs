using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.CompilerServices;

namespace PromptGen.Prompting;

/// <summary>Calls a prompt's models in order until one answers, as <see cref="ModelFallbackPolicy"/> says.</summary>
internal static class ModelFallback
{
    public static Task<TResult> RunAsync<TResult>(
        IReadOnlyList<ModelChoice> models,
        PromptRun run,
        Func<ModelChoice, Task<TResult>> call,
        CancellationToken cancellationToken)
    {
        if (models is null || models.Count == 0)
        {
            throw new ArgumentException("A prompt needs at least one model.", nameof(models));
        }

        if (models.Count == 1)
        {
            // The usual case: nothing to fall back to and a single model's errors are never wrapped, so the call's
            // own task is the result, without this loop's state machine on every prompt.
            CheckModelId(models[0], 0);
            return call(models[0]);
        }

        return RunInOrderAsync(models, run, call, cancellationToken);
    }

    private static async Task<TResult> RunInOrderAsync<TResult>(
        IReadOnlyList<ModelChoice> models,
        PromptRun run,
        Func<ModelChoice, Task<TResult>> call,
        CancellationToken cancellationToken)
    {
        List<ModelFailure>? failures = null;
        for (int index = 0; ; index++)
        {
            ModelChoice model = models[index];
            CheckModelId(model, index);

            try
            {
                return await call(model).ConfigureAwait(false);
            }
            catch (Exception error) when (ModelFallbackPolicy.ShouldFallBack(error, cancellationToken))
            {
                if (error is not PromptResultException)
                {
                    // A typed result's invalid answers are in the run already; a failed call is recorded here.
                    run.Attempts.Add(new PromptAttempt(run.NextAttemptNumber, "", Array.Empty<ResultError>(), usage: null, stopReason: null)
                    {
                        ModelId = model.ModelId,
                        RequestId = RequestIdOf(error),
                        Failure = error,
                    });
                }

                (failures ??= new List<ModelFailure>()).Add(new ModelFailure(model.ModelId, error));
                if (index == models.Count - 1)
                {
                    throw new ModelFallbackException(failures, run.Attempts.ToArray(), run.Usage.Snapshot());
                }
            }
        }
    }

    private static void CheckModelId(ModelChoice model, int index)
    {
        if (string.IsNullOrWhiteSpace(model.ModelId))
        {
            throw new ArgumentException($"Model {index + 1} of the prompt has no id.", "models");
        }
    }

    private static string? RequestIdOf(Exception error) => error switch
    {
        BedrockServiceException service => service.RequestId,
        BedrockResponseException response => response.RequestId,
        _ => null,
    };
}
