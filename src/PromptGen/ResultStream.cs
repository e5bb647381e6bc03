using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using PromptGen.Streaming;
using PromptGen.Tools;

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
    private ConverseRequest _request;
    private readonly Func<CancellationToken, Task<RetrievedRequest>>? _prepare;
    private readonly StructuredOutputSpec<T> _spec;
    private readonly Func<PartialValueBuilder<TPartial>> _createBuilder;
    private readonly CancellationToken _callToken;
    private readonly IReadOnlyList<ModelChoice> _models;
    private readonly TurnModels _turns;
    private readonly IReadOnlyList<ToolDefinition>? _tools;
    private readonly ToolLoopOptions? _toolOptions;
    private readonly StreamToolEvents _toolEvents;
    private readonly PromptRun _run = new();
    private string _modelId;
    private StructuredOutputStrategy _strategy;
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
        : this(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, spec, createBuilder, tools: null, toolOptions: null, cancellationToken)
    {
    }

    /// <summary>
    /// The stream of a typed result that tries <paramref name="models"/> in order and, with <paramref name="tools"/>,
    /// runs the model's tool calls between its turns (created through <see cref="ResultStreams"/>).
    /// </summary>
    internal ResultStream(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        ConverseRequest request,
        StructuredOutputSpec<T> spec,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        IReadOnlyList<ToolDefinition>? tools,
        ToolLoopOptions? toolOptions,
        CancellationToken cancellationToken)
    {
        _bedrock = bedrock ?? throw new ArgumentNullException(nameof(bedrock));
        _turns = new TurnModels(models);
        _models = models;
        _modelId = models[0].ModelId;
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _strategy = spec.WithStrategy(models[0].Strategy).Strategy;
        _createBuilder = createBuilder ?? throw new ArgumentNullException(nameof(createBuilder));
        _tools = tools;
        _toolOptions = tools is null ? null : toolOptions ?? throw new ArgumentNullException(nameof(toolOptions));
        _toolEvents = new StreamToolEvents(this);
        _callToken = cancellationToken;
    }

    /// <summary>
    /// The stream of a typed result of a method that retrieves first (<see cref="RetrieveAttribute"/>):
    /// <paramref name="prepare"/> retrieves the passages and builds the request from them when the stream is enumerated.
    /// </summary>
    internal ResultStream(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        Func<CancellationToken, Task<RetrievedRequest>> prepare,
        StructuredOutputSpec<T> spec,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        IReadOnlyList<ToolDefinition>? tools,
        ToolLoopOptions? toolOptions,
        CancellationToken cancellationToken)
        : this(bedrock, models, new ConverseRequest(), spec, createBuilder, tools, toolOptions, cancellationToken)
    {
        _prepare = prepare ?? throw new ArgumentNullException(nameof(prepare));
    }

    /// <summary>
    /// The model, inference profile or ARN the stream calls: the first of the prompt's models until it fails before
    /// a snapshot reached the caller, then the fallback model that answers.
    /// </summary>
    public string ModelId => _modelId;

    /// <summary>
    /// The passages a method with <see cref="RetrieveAttribute"/> retrieved before streaming, best first; there once the
    /// enumeration has started. Empty for a method that does not retrieve.
    /// </summary>
    public IReadOnlyList<Retrieval.RetrievedPassage> Passages { get; private set; } = Array.Empty<Retrieval.RetrievedPassage>();

    /// <summary>The models given up before a snapshot reached the caller, in order; empty when the first model answered.</summary>
    public IReadOnlyList<ModelFailure> FallenBackFrom => _turns.Failures;

    /// <summary>
    /// Raised when a tool the model called starts running (prompt methods with tools). The enumeration waits while the
    /// round's tools run; see <see cref="ToolCallEventArgs"/>. An exception thrown by a handler ends the stream.
    /// </summary>
    public event EventHandler<ToolCallEventArgs>? ToolCallStarted
    {
        add => _toolEvents.Started += value;
        remove => _toolEvents.Started -= value;
    }

    /// <summary>Raised when a tool the model called has returned, before its result goes back to the model.</summary>
    public event EventHandler<ToolCallEventArgs>? ToolCallCompleted
    {
        add => _toolEvents.Completed += value;
        remove => _toolEvents.Completed -= value;
    }

    /// <summary>The tool calls that have returned so far, in the order they returned; empty for a method without tools.</summary>
    public IReadOnlyList<ToolCallEventArgs> ToolCalls => _toolEvents.Returned;

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
        : _strategy == StructuredOutputStrategy.ForcedTool ? _answer.InputOfTool(_spec.ResultName)
        : _answer.Text;

    /// <summary>The <c>x-amzn-RequestId</c> of the current attempt's stream; null until it has opened.</summary>
    public string? RequestId => _answer?.RequestId;

    /// <summary>The attempt being read (1, then 2 for the first repair...); 0 before the stream starts.</summary>
    public int Attempt { get; private set; }

    /// <summary>Why the model stopped, in the last attempt; null until it has.</summary>
    public StopReason? StopReason { get; private set; }

    /// <summary>Tokens summed over the attempts finished so far.</summary>
    public TokenUsage Usage => _run.Usage.Snapshot();

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
        using var cancellation = new StreamCancellation(_callToken, enumerationToken);
        CancellationToken token = cancellation.Token;
        if (_prepare is not null)
        {
            // Retrieval first: the request's templates read the passages.
            RetrievedRequest prepared = await _prepare(token).ConfigureAwait(false);
            (_request, Passages) = (prepared.Request, prepared.Passages);
        }

        ToolBox? box = null;
        StructuredConversation<T> conversation = _tools is null
            ? OpenWithoutTools()
            : ToolLoop.OpenStructured(_request, _spec, _tools, _toolOptions!, _models, out box);
        PartialValueBuilder<TPartial>? builder = null;
        IncrementalJsonReader? json = null;
        bool yielded = false;
        int answers = 0;
        for (int round = 0; ;)
        {
            token.ThrowIfCancellationRequested();
            if (builder is null)
            {
                // A new attempt (the first, or a repair): its snapshots start from an empty object. A tool round does
                // not start one, so the partial value continues across it.
                Attempt++;
                builder = _createBuilder();
                json = new IncrementalJsonReader(builder, rootIsArray: _spec.Reader.Root == ResultRoot.Array);
            }

            ModelChoice model = _turns.Current;
            ConverseRequest request = conversation.For(model);
            _modelId = model.ModelId;
            _strategy = conversation.Spec.Strategy;
            bool readsTool = conversation.ResultIsTool;
            var answer = new ConverseStreamAccumulator();
            _answer = answer;
            bool turnYielded = false;
            bool fed = false;
            Exception? failure = null;
            await using (IAsyncEnumerator<ConverseStreamEvent> events = _bedrock.ConverseStreamAsync(_modelId, request, token).GetAsyncEnumerator(token))
            {
                while (true)
                {
                    (bool moved, Exception? error) = await PromptStream.TryMoveNextAsync(events, _turns.Failures).ConfigureAwait(false);
                    if (error is not null || !moved)
                    {
                        failure = error;
                        break;
                    }

                    ConverseStreamEvent streamEvent = events.Current;
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
                        fed = true;
                        json!.Append(piece);
                        if (builder.HasChanged)
                        {
                            turnYielded = yielded = true;
                            yield return builder.Snapshot();
                        }
                    }
                }
            }

            if (failure is null && !answer.HasStopped)
            {
                failure = new BedrockResponseException($"The ConverseStream answer from '{_modelId}' ended before the model stopped (no messageStop event); the result is incomplete.");
            }

            if (failure is not null)
            {
                // The next model is tried only while nothing of this turn reached the caller; the caller's
                // cancellation never falls back.
                if (turnYielded || !_turns.CanFallBack(failure, token))
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                _turns.FallBack(failure, _run);
                if (fed)
                {
                    builder = null;
                    Attempt--;
                }

                continue;
            }

            ConverseResponse response = answer.ToResponse();
            StopReason = response.StopReason;
            Metrics = response.Metrics;
            _run.Usage.Add(response.Usage);
            GuardrailInterventionException.ThrowIfIntervened(_modelId, response);
            TurnOutcome<T> outcome = box is null
                ? new TurnOutcome<T>(new List<ToolUseBlock>(), null, StructuredAnswerReader.Read(response, conversation.Spec))
                : ToolLoop.ReadTurn(response, conversation.Spec, readsTool);
            if (outcome.UserCalls is { } userCalls)
            {
                // A round of the user's tools, run as a tool loop that does not stream runs it; the partial value
                // continues in the model's next turn.
                _run.Attempts.Add(new PromptAttempt(_run.NextAttemptNumber, ToolTurns.Describe(userCalls), Array.Empty<ResultError>(), response.Usage, response.StopReason)
                {
                    ModelId = _modelId,
                    RequestId = response.RequestId,
                });
                ToolLoop.CheckRounds(_modelId, conversation.Current, response, _toolOptions!, round++, _run.Usage);
                _toolEvents.ModelId = _modelId;
                _toolEvents.Round = round;
                conversation.AppendRound(response, await ToolCallRunner.RunAsync(userCalls, box!, _toolOptions!.ParallelCalls, token, _toolEvents).ConfigureAwait(false));
                continue;
            }

            AnswerReading<T> reading = outcome.Reading!;
            _run.Attempts.Add(new PromptAttempt(_run.NextAttemptNumber, reading.Text, reading.Errors, response.Usage, response.StopReason)
            {
                ModelId = _modelId,
                RequestId = response.RequestId,
            });
            if (reading.IsSuccess)
            {
                _result = new PromptResult<T>(reading.Value, _run.Attempts.ToArray(), _run.Usage.Snapshot(), response.StopReason)
                {
                    Latency = _run.Elapsed,
                    Message = response.Output?.Message,
                    Conversation = ConversationHistory.Continue(_request.Messages, Message.Assistant(reading.Text)),
                    Passages = Passages,
                };
                yield break;
            }

            builder = null;
            if (++answers > conversation.Spec.MaxRepairAttempts || !reading.IsRepairable)
            {
                var invalid = new PromptResultException(_modelId, _run.Attempts.ToArray(), _run.Usage.Snapshot());
                if (yielded || !_turns.CanFallBack(invalid, token))
                {
                    throw invalid;
                }

                // Nothing reached the caller: a stronger model may get it right, continuing the conversation.
                _turns.FallBack(invalid, _run);
                answers = 0;
                continue;
            }

            if (box is null)
            {
                conversation.AppendRepair(response, reading.Errors);
            }
            else
            {
                await ToolLoop.AppendRepairAsync(conversation, response, reading, outcome.Calls, box, _toolOptions!, token, _toolEvents).ConfigureAwait(false);
            }
        }
    }

    private StructuredConversation<T> OpenWithoutTools()
    {
        _spec.Validate();
        return new StructuredConversation<T>(_request, _spec, box: null, options: null, _models[0]);
    }
}
