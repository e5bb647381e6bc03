using System;
using System.ComponentModel;
using PromptGen.Batch;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>Makes <see cref="BatchPrompt{TInput, TResult}"/>s. Used by generated code; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchPrompts
{
    /// <summary>A method whose result is typed: read and validated by <paramref name="spec"/>.</summary>
    /// <param name="promptName">The interface and method, for logs.</param>
    /// <param name="modelId">The method's model.</param>
    /// <param name="buildRequest">Builds the method's request (before structured-output shaping) from its arguments.</param>
    /// <param name="spec">The method's result spec.</param>
    public static BatchPrompt<TInput, TResult> Structured<TInput, TResult>(string promptName, string modelId, Func<TInput, ConverseRequest> buildRequest, StructuredOutputSpec<TResult> spec) =>
        new(promptName ?? throw new ArgumentNullException(nameof(promptName)), modelId ?? throw new ArgumentNullException(nameof(modelId)),
            buildRequest ?? throw new ArgumentNullException(nameof(buildRequest)), spec ?? throw new ArgumentNullException(nameof(spec)), null);

    /// <summary>A method whose result is the answer's text.</summary>
    /// <param name="promptName">The interface and method, for logs.</param>
    /// <param name="modelId">The method's model.</param>
    /// <param name="buildRequest">Builds the method's request from its arguments.</param>
    public static BatchPrompt<TInput, string> Text<TInput>(string promptName, string modelId, Func<TInput, ConverseRequest> buildRequest) =>
        new(promptName ?? throw new ArgumentNullException(nameof(promptName)), modelId ?? throw new ArgumentNullException(nameof(modelId)),
            buildRequest ?? throw new ArgumentNullException(nameof(buildRequest)), null, static response => response.GetOutputText());
}
