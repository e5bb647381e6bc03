using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Descriptors;

/// <summary>
/// One prompt method as data, generated for interfaces marked <see cref="PromptDescriptorsAttribute"/>: what it sends
/// and how to run it with its arguments given as JSON. Nothing here uses reflection, so it works trimmed and with
/// NativeAOT.
/// </summary>
public sealed class PromptDescriptor
{
    /// <summary>The prompt interface's full name, e.g. <c>Contoso.Support.ISupportPrompts</c>.</summary>
    public required string InterfaceName { get; init; }

    /// <summary>The method's name, e.g. <c>SummarizeAsync</c>.</summary>
    public required string MethodName { get; init; }

    /// <summary>The method's parameters (the cancellation token left out), in declaration order.</summary>
    public IReadOnlyList<PromptParameterDescriptor> Parameters { get; init; } = Array.Empty<PromptParameterDescriptor>();

    /// <summary>
    /// The JSON schema of the arguments: one object whose properties are the parameters, by name. Arguments given to
    /// <see cref="Render"/> and <see cref="RunAsync"/> are read against it.
    /// </summary>
    public required string ArgumentsSchemaJson { get; init; }

    /// <summary>The system prompt template, or null when the method has none.</summary>
    public string? SystemTemplate { get; init; }

    /// <summary>The user prompt template.</summary>
    public required string UserTemplate { get; init; }

    /// <summary>The model the method calls first.</summary>
    public required string ModelId { get; init; }

    /// <summary>The models tried after <see cref="ModelId"/> fails, in order; empty when there are none.</summary>
    public IReadOnlyList<string> FallbackModelIds { get; init; } = Array.Empty<string>();

    /// <summary>The inference settings the method sends; each null when Bedrock's default applies.</summary>
    public PromptInferenceDescriptor Inference { get; init; } = new();

    /// <summary>How a typed result is asked for; null when the method returns text.</summary>
    public StructuredOutputStrategy? Strategy { get; init; }

    /// <summary>The result type as C# names it (<c>string</c> for text).</summary>
    public required string ResultTypeName { get; init; }

    /// <summary>The typed result's JSON schema; null when the method returns text.</summary>
    public string? ResultSchemaJson { get; init; }

    /// <summary>
    /// <see cref="ResultSchemaJson"/> describes the result wrapped as <c>{"value": …}</c> (Bedrock wants an object at a
    /// schema's root, so a list, a string, a number, a boolean, a dictionary or a record that may be null is wrapped),
    /// while <see cref="PromptRunResult.ResultJson"/> holds the bare value. False for text and for plain objects.
    /// </summary>
    public bool ResultSchemaWrapsValue => Invoker.WrapsResult;

    /// <summary>
    /// The method itself streams: its text (returns <c>IAsyncEnumerable&lt;string&gt;</c> or <c>PromptStream</c>;
    /// see <see cref="Stream"/>) or, when <see cref="StreamsPartialResults"/>, its typed result as partial values.
    /// </summary>
    public bool Streams { get; init; }

    /// <summary>
    /// The method returns <c>ResultStream&lt;T, TPartial&gt;</c>: <see cref="StreamPartials"/> gives its partial values
    /// as JSON while they arrive, then the typed result.
    /// </summary>
    public bool StreamsPartialResults => Invoker.StreamsPartials;

    /// <summary>
    /// The Bedrock operation the method calls: <c>Converse</c> (the default; <c>ConverseStream</c> when it
    /// <see cref="Streams"/>) or <c>InvokeModel</c> (embeddings), whose body <see cref="Render"/> shows.
    /// </summary>
    public string Operation { get; init; } = "Converse";

    /// <summary>Builds, reads and runs the method; made by generated code.</summary>
    public required PromptInvoker Invoker { get; init; }

    /// <summary>
    /// Renders the method for <paramref name="argumentsJson"/> without calling Bedrock: the system and user prompt
    /// and the exact Converse request body (with the typed result's schema or tool added), which holds no credentials.
    /// </summary>
    /// <exception cref="PromptArgumentsException">The arguments do not match <see cref="ArgumentsSchemaJson"/>.</exception>
    public PromptPreview Render(string argumentsJson) => Invoker.Render(this, argumentsJson);

    /// <summary>
    /// Runs the method for <paramref name="argumentsJson"/> through <paramref name="bedrock"/>, as the generated
    /// client would, and returns the result as JSON with every attempt, the usage and the latency.
    /// </summary>
    /// <param name="bedrock">The Bedrock runtime to call.</param>
    /// <param name="argumentsJson">The arguments, as one JSON object.</param>
    /// <param name="modelId">A model to call instead of the method's models (to compare models); null for the method's own.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PromptArgumentsException">The arguments do not match <see cref="ArgumentsSchemaJson"/>.</exception>
    public Task<PromptRunResult> RunAsync(IBedrockRuntime bedrock, string argumentsJson, string? modelId = null, CancellationToken cancellationToken = default) =>
        Invoker.RunAsync(this, bedrock, argumentsJson, modelId, cancellationToken);

    /// <summary>
    /// Streams the method's answer text for <paramref name="argumentsJson"/>; null when the method returns a typed
    /// result (its answer is JSON: a <c>ResultStream</c> method streams it with <see cref="StreamPartials"/>).
    /// </summary>
    /// <exception cref="PromptArgumentsException">The arguments do not match <see cref="ArgumentsSchemaJson"/>.</exception>
    public PromptStream? Stream(IBedrockRuntime bedrock, string argumentsJson, string? modelId = null, CancellationToken cancellationToken = default) =>
        Invoker.Stream(this, bedrock, argumentsJson, modelId, cancellationToken);

    /// <summary>
    /// Streams the method's typed result for <paramref name="argumentsJson"/> as the method's own
    /// <c>ResultStream&lt;T, TPartial&gt;</c> does: its partial values written as JSON while they arrive, then the
    /// validated result (<see cref="PromptPartialStream.ToRunResult"/>). Null when the method does not return a
    /// <c>ResultStream</c> (<see cref="StreamsPartialResults"/> is false).
    /// </summary>
    /// <param name="bedrock">The Bedrock runtime to call.</param>
    /// <param name="argumentsJson">The arguments, as one JSON object.</param>
    /// <param name="modelId">A model to call instead of the method's models (to compare models); null for the method's own.</param>
    /// <param name="cancellationToken">Cancels the stream, in addition to the enumeration's own token.</param>
    /// <exception cref="PromptArgumentsException">The arguments do not match <see cref="ArgumentsSchemaJson"/>.</exception>
    public PromptPartialStream? StreamPartials(IBedrockRuntime bedrock, string argumentsJson, string? modelId = null, CancellationToken cancellationToken = default) =>
        Invoker.StreamPartials(this, bedrock, argumentsJson, modelId, cancellationToken);

    /// <summary>The models a run calls: the override alone, or the method's own in order.</summary>
    internal IReadOnlyList<CompilerServices.ModelChoice> ModelsFor(string? modelId, IReadOnlyList<CompilerServices.ModelChoice> own)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return own;
        }

        // A model the method already names keeps the strategy the catalog chose for it at build time.
        foreach (CompilerServices.ModelChoice choice in own)
        {
            if (string.Equals(choice.ModelId, modelId, StringComparison.Ordinal))
            {
                return new[] { choice };
            }
        }

        return new[] { new CompilerServices.ModelChoice(modelId) };
    }
}
