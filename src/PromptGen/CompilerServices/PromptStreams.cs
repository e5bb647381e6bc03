using System;
using System.ComponentModel;
using System.Threading;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// Streams of prompts with fallback models: the next model is tried only while no text has reached the caller.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PromptStreams
{
    /// <summary>A stream of <paramref name="request"/>'s answer from the first of <paramref name="models"/> that starts answering.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="models"/> is empty or names a model without an id.</exception>
    public static PromptStream WithFallbacks(IBedrockRuntime bedrock, ModelChoice[] models, ConverseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        for (int index = 0; index < models.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(models[index].ModelId))
            {
                throw new ArgumentException($"Model {index + 1} of the prompt has no id.", nameof(models));
            }
        }

        return new PromptStream(bedrock, models, request, cancellationToken);
    }
}
