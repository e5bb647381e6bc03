using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using PromptGen.Streaming;

namespace PromptGen;

/// <summary>
/// A typed result as the model writes it: enumerate it for snapshots of <typeparamref name="TPartial"/> (the
/// partial counterpart of <typeparamref name="T"/> PromptGen generates, nested in your interface), one whenever a
/// member completes; when the enumeration ends, <see cref="Value"/> holds the validated <typeparamref name="T"/>.
/// </summary>
/// <remarks>
/// <para>Partial values are read incrementally (each delta once, whatever its size); the final value is read and
/// validated exactly as a non-streaming call reads it. An invalid final answer is repaired as there
/// (<see cref="StructuredOutputAttribute.MaxRepairAttempts"/>): the repair's snapshots then start again from an
/// empty object (<see cref="Attempt"/> says which attempt a snapshot belongs to). When no attempt gives a valid
/// value the enumeration throws <see cref="PromptResultException"/>, as the non-streaming call does.</para>
/// <para>Nothing is sent until the stream is enumerated, and it can be enumerated once. The prompt method's
/// token and the enumeration's (<c>WithCancellation</c>) are both honoured.</para>
/// </remarks>
/// <typeparam name="T">The typed result.</typeparam>
/// <typeparam name="TPartial">The generated partial counterpart of <typeparamref name="T"/>, <c>{T}Partial</c>.</typeparam>
public sealed class ResultStream<T, TPartial> : IAsyncEnumerable<TPartial>
{
    private readonly IBedrockRuntime _bedrock;
    private readonly string _modelId;
    private readonly ConverseRequest _request;
    private readonly StructuredOutputSpec<T> _spec;
    private readonly Func<PartialValueBuilder<TPartial>> _createBuilder;
    private readonly CancellationToken _callToken;
    private readonly List<PromptAttempt> _attempts = new();
    private readonly TokenUsageTotal _usage = new();
    private PromptResult<T>? _result;
    private ConverseStreamAccumulator? _answer;
    private int _enumerated;

    /// <summary>Creates the stream of a typed result. Used by generated code; not for direct use.</summary>
    /// <param name="bedrock">The runtime that sends the <c>ConverseStream</c> requests.</param>
    /// <param name="modelId">The model id, inference profile or ARN to call.</param>
    /// <param name="request">The request to send, before the result's strategy shapes it.</param>
    /// <param name="spec">The result's schema, strategy and generated parser.</param>
    /// <param name="createBuilder">Creates the generated builder of <typeparamref name="TPartial"/> snapshots, once per attempt.</param>
    /// <param name="cancellationToken">Cancels the stream, in addition to the enumeration's own token.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ResultStream(
        IBedrockRuntime bedrock,
        string modelId,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        CancellationToken cancellationToken = default)
    {
        _bedrock = bedrock ?? throw new ArgumentNullException(nameof(bedrock));
        _modelId = modelId ?? throw new ArgumentNullException(nameof(modelId));
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _createBuilder = createBuilder ?? throw new ArgumentNullException(nameof(createBuilder));
        _callToken = cancellationToken;
    }

    /// <summary>The model, inference profile or ARN the stream calls.</summary>
    public string ModelId => _modelId;

    /// <summary>The stream was read to its end and produced a valid value.</summary>
    public bool IsCompleted => _result is not null;

    /// <summary>The validated result.</summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end.</exception>
    public T Value => ToResult().Value;

    /// <summary>
    /// The answer received so far in the current attempt, before it is read as <typeparamref name="T"/>: the model's
    /// text, or the JSON input of its call to the result tool.
    /// </summary>
    public string Text => _answer is null ? string.Empty
        : _spec.Strategy == StructuredOutputStrategy.ForcedTool ? _answer.InputOfTool(_spec.ResultName)
        : _answer.Text;

    /// <summary>The <c>x-amzn-RequestId</c> of the current attempt's stream; null until it has opened.</summary>
    public string? RequestId => _answer?.RequestId;

    /// <summary>The attempt being read (1, then 2 for the first repair...); 0 before the stream starts.</summary>
    public int Attempt { get; private set; }

    /// <summary>Why the model stopped, in the last attempt; null until it has.</summary>
    public StopReason? StopReason { get; private set; }

    /// <summary>Tokens summed over the attempts finished so far.</summary>
    public TokenUsage Usage => _usage.Snapshot();

    /// <summary>
    /// An estimate, not a bill: the cost in USD of the attempts finished so far (repairs included) at the model
    /// catalog's list prices; null before the first attempt ends or when any attempt has no price (see
    /// <see cref="TokenUsage.EstimatedCostUsd"/>).
    /// </summary>
    public decimal? EstimatedCostUsd => Usage.EstimatedCostUsd;

    /// <summary>The last attempt's latency as Bedrock measured it; null until its last event.</summary>
    public ConverseMetrics? Metrics { get; private set; }

    /// <summary>The result with every attempt, the token usage summed over them, and the conversation to continue.</summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end.</exception>
    public PromptResult<T> ToResult() => _result ?? throw new InvalidOperationException("The stream has not been read to its end yet.");

    /// <summary>
    /// Reads the rest of the stream, ignoring the partial values, and returns the validated value; once the stream
    /// has been read to its end, returns the value it produced.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read, in addition to the prompt method's token.</param>
    /// <exception cref="PromptResultException">No valid result after every allowed attempt.</exception>
    public async Task<T> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        if (_result is { } result)
        {
            return result.Value;
        }

        await foreach (TPartial _ in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        return Value;
    }

    /// <summary>Sends the request and returns a snapshot of the partial value whenever one of its members completes.</summary>
    /// <param name="cancellationToken">Cancels the stream, in addition to the prompt method's token.</param>
    /// <exception cref="InvalidOperationException">The stream was enumerated before.</exception>
    /// <exception cref="PromptResultException">No valid result after every allowed attempt (thrown when the enumeration ends).</exception>
    public IAsyncEnumerator<TPartial> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A ResultStream can be enumerated once; call the prompt method again for another answer.");
        }

        return ReadAsync(cancellationToken).GetAsyncEnumerator();
    }

    private async IAsyncEnumerable<TPartial> ReadAsync([EnumeratorCancellation] CancellationToken enumerationToken)
    {
        _spec.Validate();
        using var cancellation = new StreamCancellation(_callToken, enumerationToken);
        CancellationToken token = cancellation.Token;
        ConverseRequest conversation = StructuredRequestShaper.Shape(_request, _spec);
        long started = Stopwatch.GetTimestamp();
        int allowedAttempts = 1 + _spec.MaxRepairAttempts;
        for (int number = 1; ; number++)
        {
            token.ThrowIfCancellationRequested();
            Attempt = number;
            PartialValueBuilder<TPartial> builder = _createBuilder();
            var json = new IncrementalJsonReader(builder, rootIsArray: _spec.Reader.Root == ResultRoot.Array);
            var answer = new ConverseStreamAccumulator();
            _answer = answer;
            bool readsTool = _spec.Strategy == StructuredOutputStrategy.ForcedTool;
            await foreach (ConverseStreamEvent streamEvent in _bedrock.ConverseStreamAsync(_modelId, conversation, token).WithCancellation(token).ConfigureAwait(false))
            {
                answer.Add(streamEvent);
                if (streamEvent is not ContentBlockDeltaEvent delta)
                {
                    continue;
                }

                // The result is in the text, or in the input of the call to the result tool; nothing else is fed.
                string? piece = !readsTool ? delta.Delta.Text
                    : answer.ToolNameOf(delta.ContentBlockIndex) == _spec.ResultName ? delta.Delta.ToolUse?.Input
                    : null;
                if (!string.IsNullOrEmpty(piece))
                {
                    json.Append(piece);
                    if (builder.HasChanged)
                    {
                        yield return builder.Snapshot();
                    }
                }
            }

            if (!answer.HasStopped)
            {
                throw new BedrockResponseException($"The ConverseStream answer from '{_modelId}' ended before the model stopped (no messageStop event); the result is incomplete.");
            }

            ConverseResponse response = answer.ToResponse();
            StopReason = response.StopReason;
            Metrics = response.Metrics;
            _usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(_modelId, response);
            AnswerReading<T> reading = StructuredAnswerReader.Read(response, _spec);
            _attempts.Add(new PromptAttempt(number, reading.Text, reading.Errors, response.Usage, response.StopReason)
            {
                ModelId = _modelId,
                RequestId = response.RequestId,
            });
            if (reading.IsSuccess)
            {
                _result = new PromptResult<T>(reading.Value, _attempts, _usage.Snapshot(), response.StopReason)
                {
                    Latency = Stopwatch.GetElapsedTime(started),
                    Message = response.Output?.Message,
                    Conversation = ConversationHistory.Continue(_request.Messages, Message.Assistant(reading.Text)),
                };
                yield break;
            }

            if (number >= allowedAttempts || !reading.IsRepairable)
            {
                throw new PromptResultException(_modelId, _attempts, _usage.Snapshot());
            }

            conversation = RepairTurns.Append(conversation, response, reading.Errors, _spec);
        }
    }
}
