using System;
using System.Threading;

namespace PromptGen;

/// <summary>
/// Which failures make a prompt with fallback models (<c>[FallbackModels]</c>) try its next model. The client's own
/// retries (<see cref="BedrockOptions.Retry"/>) run first, per model: a model is given up only once they are
/// exhausted or do not apply.
/// </summary>
/// <remarks>
/// <para>Falls back: every error Bedrock answers for a model (throttling, service unavailable and other 5xx, model not
/// ready, model timeout, model error, service quota exceeded, and the 4xx that are often model-specific: a
/// <c>ValidationException</c> for a feature or input size the model does not take, <c>AccessDeniedException</c> for a
/// model whose access is not granted, <c>ResourceNotFoundException</c> for a model absent from the region); the
/// client's time limit; an answer that cannot be used (no text); and, for typed results, an answer still invalid
/// after every repair attempt (<see cref="PromptResultException"/>), since a stronger model may well get it right.</para>
/// <para>Does not fall back: cancellation by the caller; rejected credentials (<see cref="BedrockAuthenticationException"/>)
/// and missing configuration, which no other model fixes; an unreachable endpoint
/// (<see cref="BedrockConnectionException"/>: every model is behind the same one); a response larger than
/// <see cref="BedrockOptions.MaxResponseSize"/> (<see cref="BedrockResponseTooLargeException"/>: no model's output
/// comes near the limit, so the endpoint or a proxy is at fault); and errors of the caller's own
/// making, such as a bad argument or a template error. These propagate as they are.</para>
/// </remarks>
public static class ModelFallbackPolicy
{
    /// <summary>Whether <paramref name="error"/>, raised by a call on one model, should make the prompt try its next model.</summary>
    public static bool ShouldFallBack(Exception error, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is OperationCanceledException || callerToken.IsCancellationRequested)
        {
            return false;
        }

        return error switch
        {
            BedrockAuthenticationException => false,
            BedrockServiceException => true,
            BedrockTimeoutException => true,
            BedrockResponseException => true,
            PromptResultException => true,
            _ => false,
        };
    }
}
