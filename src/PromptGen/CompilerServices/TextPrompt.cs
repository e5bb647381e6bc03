using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Prompting;

namespace PromptGen.CompilerServices;

/// <summary>
/// Runs a prompt whose answer is text, for methods that return <c>PromptResult&lt;string&gt;</c> or have fallback
/// models. Called by generated prompt clients; a plain <c>Task&lt;string&gt;</c> method with one model calls
/// <see cref="IBedrockRuntime.ConverseAsync"/> directly.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TextPrompt
{
    /// <summary>Runs the prompt on its models in order (see <see cref="ModelFallbackPolicy"/>) and returns the text.</summary>
    /// <exception cref="ModelFallbackException">Every model failed (only with more than one model).</exception>
    public static async Task<string> RunAsync(IBedrockRuntime bedrock, IReadOnlyList<ModelChoice> models, ConverseRequest request, CancellationToken cancellationToken)
    {
        PromptResult<string> result = await RunWithDetailsAsync(bedrock, models, request, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>Runs the prompt on one model and returns the text with the call's details.</summary>
    public static Task<PromptResult<string>> RunWithDetailsAsync(IBedrockRuntime bedrock, string modelId, ConverseRequest request, CancellationToken cancellationToken) =>
        RunWithDetailsAsync(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, cancellationToken);

    /// <summary>Runs the prompt on its models in order and returns the text with the details of every call.</summary>
    /// <exception cref="ModelFallbackException">Every model failed (only with more than one model).</exception>
    public static Task<PromptResult<string>> RunWithDetailsAsync(IBedrockRuntime bedrock, IReadOnlyList<ModelChoice> models, ConverseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(request);
        var run = new PromptRun();
        return ModelFallback.RunAsync(models, run, model => CallAsync(bedrock, model.ModelId, request, run, cancellationToken), cancellationToken);
    }

    private static async Task<PromptResult<string>> CallAsync(IBedrockRuntime bedrock, string modelId, ConverseRequest request, PromptRun run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConverseResponse response = await bedrock.ConverseAsync(modelId, request, cancellationToken).ConfigureAwait(false);
        run.Usage.Add(response.Usage);
        GuardrailInterventionException.ThrowIfIntervened(modelId, response);
        string text = response.GetOutputText();
        run.Attempts.Add(new PromptAttempt(run.NextAttemptNumber, text, Array.Empty<ResultError>(), response.Usage, response.StopReason)
        {
            ModelId = modelId,
            RequestId = response.RequestId,
        });

        Message answer = response.Output!.Message!;
        return new PromptResult<string>(text, run.Attempts.ToArray(), run.Usage.Snapshot(), response.StopReason)
        {
            Latency = run.Elapsed,
            Message = answer,
            Conversation = ConversationHistory.Continue(request.Messages, answer),
        };
    }
}
