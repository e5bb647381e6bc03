using System;
using System.Collections.Generic;
using PromptGen.Bedrock;

namespace PromptGen;

/// <summary>
/// A prompt's result with what it took to get it: which model answered, the request id, the summed token usage,
/// the time it took, the answer as it came, and the conversation so far, ready to be continued.
/// </summary>
/// <remarks>
/// Returned by prompt methods declared as <c>Task&lt;PromptResult&lt;T&gt;&gt;</c> (or <c>ValueTask</c>), for a typed
/// <c>T</c> and for <c>string</c>. To continue the conversation, pass <see cref="Conversation"/> to the next call's
/// history parameter: <c>history = result.Conversation;</c>.
/// </remarks>
/// <typeparam name="T">The result type: the method's typed result, or <see cref="string"/> for text.</typeparam>
public sealed class PromptResult<T>
{
    /// <summary>Creates a result, e.g. for a test double of a prompt interface; generated code creates the real ones.</summary>
    /// <param name="value">The result.</param>
    /// <param name="attempts">Every call made, in order; the last one produced <paramref name="value"/>.</param>
    /// <param name="usage">Tokens summed over all attempts.</param>
    /// <param name="stopReason">The stop reason of the last attempt.</param>
    /// <exception cref="ArgumentNullException"><paramref name="attempts"/> or <paramref name="usage"/> is null.</exception>
    public PromptResult(T value, IReadOnlyList<PromptAttempt> attempts, TokenUsage usage, StopReason? stopReason)
    {
        Value = value;
        Attempts = attempts ?? throw new ArgumentNullException(nameof(attempts));
        Usage = usage ?? throw new ArgumentNullException(nameof(usage));
        StopReason = stopReason;
    }

    /// <summary>The result: the answer read as <typeparamref name="T"/> (validated), or the answer's text for <see cref="string"/>.</summary>
    public T Value { get; }

    /// <summary>
    /// Every call made, in order, on every model tried (failed calls of models fallen back from included, with
    /// <see cref="PromptAttempt.Failure"/> set); the last one produced <see cref="Value"/>.
    /// </summary>
    public IReadOnlyList<PromptAttempt> Attempts { get; }

    /// <summary>
    /// Tokens summed over all attempts, repairs and models fallen back from included (cache reads and writes too):
    /// what the result cost.
    /// </summary>
    public TokenUsage Usage { get; }

    /// <summary>
    /// An estimate, not a bill: what the result cost in USD at the model catalog's list prices, summed over every
    /// call (repairs and models fallen back from included); null when any call has no price in the catalog, so never a
    /// wrong total. See <see cref="TokenUsage.EstimatedCostUsd"/>.
    /// </summary>
    public decimal? EstimatedCostUsd => Usage.EstimatedCostUsd;

    /// <summary>The stop reason of the last attempt.</summary>
    public StopReason? StopReason { get; }

    /// <summary>The model that answered: the method's model, or the fallback model that answered when it failed.</summary>
    public string ModelId => Attempts.Count == 0 ? "" : Attempts[^1].ModelId;

    /// <summary>The <c>x-amzn-RequestId</c> of the call that answered, to quote to AWS support.</summary>
    public string? RequestId => Attempts.Count == 0 ? null : Attempts[^1].RequestId;

    /// <summary>The answer as it came, before it was read as <typeparamref name="T"/>: its text, or a tool call's JSON input.</summary>
    public string Text => Attempts.Count == 0 ? "" : Attempts[^1].Text;

    /// <summary>
    /// The time from the start of the prompt to its result, on this machine's clock: every attempt, the client's
    /// retries and back-off, and every model tried.
    /// </summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The assistant message that produced <see cref="Value"/>, exactly as Bedrock returned it.</summary>
    public Message? Message { get; init; }

    /// <summary>
    /// The model's reasoning (extended thinking, asked for with <c>[Reasoning]</c>) in <see cref="Message"/>, its text
    /// blocks concatenated; empty when the model did not reason or its reasoning came back redacted only.
    /// </summary>
    public string ReasoningText => ConverseResponse.ReasoningTextOf(Message);

    /// <summary>
    /// The document citations in <see cref="Message"/> (<c>citationsContent</c> blocks, which models with document
    /// citations send when a document block turns them on): which source supports which part of the answer. Empty when
    /// there are none. For a knowledge base's RetrieveAndGenerate answer use <see cref="PromptCitation.FromKnowledgeBase"/>.
    /// </summary>
    public IReadOnlyList<PromptCitation> Citations => PromptCitation.FromMessage(Message, Passages);

    /// <summary>
    /// The passages a method with <see cref="RetrieveAttribute"/> retrieved for this answer, best first; empty for other
    /// methods. A citation of one of them (with <c>Citations = true</c>) names the passage's location as its source.
    /// </summary>
    public IReadOnlyList<Retrieval.RetrievedPassage> Passages { get; internal set; } = Array.Empty<Retrieval.RetrievedPassage>();

    /// <summary>
    /// The conversation to continue: the history the method was given (normalised as it was sent), the rendered user
    /// turn, and the model's answer. Repair turns are left out; a typed answer given as a tool call is kept as its
    /// JSON text, so the list can be sent again without the tool.
    /// </summary>
    public IReadOnlyList<Message> Conversation { get; init; } = Array.Empty<Message>();
}
