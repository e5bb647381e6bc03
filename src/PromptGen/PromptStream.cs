using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using PromptGen.Streaming;
using PromptGen.Telemetry;
using PromptGen.Tools;

namespace PromptGen;

/// <summary>
/// The model's answer as it is written: enumerate it for the text deltas, then read <see cref="StopReason"/>,
/// <see cref="Usage"/> and <see cref="Metrics"/>. Returned by prompt methods declared to return
/// <c>PromptStream</c> (and, typed as <c>IAsyncEnumerable&lt;string&gt;</c>, by those returning that).
/// </summary>
/// <remarks>
/// <para>Nothing is sent until the stream is enumerated. It can be enumerated once: a second enumeration would
/// be a second, different answer, so it throws instead.</para>
/// <para>Cancellation: the token passed to the prompt method and the one passed to the enumeration
/// (<c>WithCancellation</c>) are both honoured; cancelling either stops the stream and closes the connection
/// (<see cref="OperationCanceledException"/>). Leaving an <c>await foreach</c> early closes it too.</para>
/// <para>Errors Bedrock reports before or during the stream (throttling, a model stream error...) are thrown from
/// the enumeration as the same <see cref="BedrockServiceException"/> subclasses as a non-streaming call.</para>
/// </remarks>
public sealed class PromptStream : IAsyncEnumerable<string>
{
    private readonly IBedrockRuntime _bedrock;
    private readonly IReadOnlyList<ModelChoice> _models;
    private ConverseRequest _request;
    private readonly Func<CancellationToken, Task<RetrievedRequest>>? _prepare;
    private readonly CancellationToken _callToken;
    private ConverseStreamAccumulator _answer = new();
    private string _modelId;
    private readonly List<ModelFailure> _failures = new();
    private readonly IReadOnlyList<ToolDefinition>? _tools;
    private readonly ToolLoopOptions? _toolOptions;
    private readonly StreamToolEvents _toolEvents;
    private readonly List<PromptAttempt> _toolRounds = new();
    private readonly TokenUsageTotal _earlierTurnsUsage = new();
    private readonly StringBuilder _earlierTurnsText = new();
    private int _enumerated;
    private long _started;
    private TimeSpan _latency;

    /// <summary>
    /// Creates a stream of <paramref name="request"/>'s answer; nothing is sent until it is enumerated. Generated
    /// streaming methods create it; a test double of a prompt interface can too, over a fake <see cref="IBedrockRuntime"/>.
    /// </summary>
    /// <param name="bedrock">The runtime that sends the <c>ConverseStream</c> request.</param>
    /// <param name="modelId">The model id, inference profile or ARN to call.</param>
    /// <param name="request">The request to send.</param>
    /// <param name="cancellationToken">Cancels the stream, in addition to the enumeration's own token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bedrock"/>, <paramref name="modelId"/> or <paramref name="request"/> is null.</exception>
    public PromptStream(IBedrockRuntime bedrock, string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
        : this(bedrock, new[] { new ModelChoice(modelId ?? throw new ArgumentNullException(nameof(modelId))) }, request, cancellationToken)
    {
    }

    /// <summary>A stream that tries <paramref name="models"/> in order until one starts answering.</summary>
    internal PromptStream(IBedrockRuntime bedrock, IReadOnlyList<ModelChoice> models, ConverseRequest request, CancellationToken cancellationToken)
        : this(bedrock, models, request, tools: null, toolOptions: null, cancellationToken)
    {
    }

    /// <summary>
    /// A stream that tries <paramref name="models"/> in order and, with <paramref name="tools"/>, runs the model's tool
    /// calls between its turns.
    /// </summary>
    internal PromptStream(IBedrockRuntime bedrock, IReadOnlyList<ModelChoice> models, ConverseRequest request, IReadOnlyList<ToolDefinition>? tools, ToolLoopOptions? toolOptions, CancellationToken cancellationToken)
    {
        _tools = tools;
        _toolOptions = toolOptions;
        _toolEvents = new StreamToolEvents(this);
        _bedrock = bedrock ?? throw new ArgumentNullException(nameof(bedrock));
        _models = models.Count > 0 ? models : throw new ArgumentException("A prompt needs at least one model.", nameof(models));
        _modelId = models[0].ModelId;
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _callToken = cancellationToken;
    }

    /// <summary>
    /// A stream of a method that retrieves first (<see cref="RetrieveAttribute"/>): <paramref name="prepare"/> retrieves
    /// the passages and builds the request from them when the stream is enumerated, before the first model turn.
    /// </summary>
    internal PromptStream(
        IBedrockRuntime bedrock,
        IReadOnlyList<ModelChoice> models,
        Func<CancellationToken, Task<RetrievedRequest>> prepare,
        IReadOnlyList<ToolDefinition>? tools,
        ToolLoopOptions? toolOptions,
        CancellationToken cancellationToken)
        : this(bedrock, models, new ConverseRequest(), tools, toolOptions, cancellationToken)
    {
        _prepare = prepare ?? throw new ArgumentNullException(nameof(prepare));
    }

    /// <summary>
    /// The model, inference profile or ARN the stream calls: the first of the prompt's models until it fails before
    /// its first text, then the fallback model that answers.
    /// </summary>
    public string ModelId => _modelId;

    /// <summary>
    /// The passages a method with <see cref="RetrieveAttribute"/> retrieved before streaming, best first; they are
    /// there once the enumeration has started (retrieval runs before the first model turn). Empty for a method
    /// that does not retrieve.
    /// </summary>
    public IReadOnlyList<Retrieval.RetrievedPassage> Passages { get; private set; } = Array.Empty<Retrieval.RetrievedPassage>();

    /// <summary>
    /// The models that failed before their first text, in order, when the prompt has fallback models; empty when the
    /// first model answered.
    /// </summary>
    public IReadOnlyList<ModelFailure> FallenBackFrom => _failures;

    /// <summary>
    /// Raised when a tool the model called starts running (prompt methods with tools). The enumeration waits while the
    /// round's tools run; see <see cref="ToolCallEventArgs"/>. An exception thrown by a handler ends the stream.
    /// </summary>
    public event EventHandler<ToolCallEventArgs>? ToolCallStarted
    {
        add => _toolEvents.Started += value;
        remove => _toolEvents.Started -= value;
    }

    /// <summary>
    /// Raised when a tool the model called has returned, before its result goes back to the model (prompt methods
    /// with tools). An exception thrown by a handler ends the stream.
    /// </summary>
    public event EventHandler<ToolCallEventArgs>? ToolCallCompleted
    {
        add => _toolEvents.Completed += value;
        remove => _toolEvents.Completed -= value;
    }

    /// <summary>The tool calls that have returned so far, in the order they returned; empty for a method without tools.</summary>
    public IReadOnlyList<ToolCallEventArgs> ToolCalls => _toolEvents.Returned;

    /// <summary>The stream was read to its end: the model stopped and the usage arrived.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>
    /// The text received so far (all of it once <see cref="IsCompleted"/>): with tools, the text of every model turn,
    /// in order, as it was streamed.
    /// </summary>
    public string Text => _earlierTurnsText.Length == 0 ? _answer.Text : _earlierTurnsText + _answer.Text;

    /// <summary>The model's reasoning (extended thinking) received so far, when the model streams it.</summary>
    public string ReasoningText => _answer.Reasoning;

    /// <summary>
    /// The document citations streamed so far (<c>citation</c> deltas, which models with document citations send when
    /// a document block turns them on), each with the text of the block it supports; empty when there are none.
    /// </summary>
    public IReadOnlyList<PromptCitation> Citations => PromptCitation.FromMessage(_answer.ToResponse().Output?.Message);

    /// <summary>Why the model stopped; null until it has.</summary>
    public StopReason? StopReason => _answer.StopReason;

    /// <summary>The tokens the call used (summed over the model turns of a tool loop); all zero until the stream's last event.</summary>
    public TokenUsage Usage
    {
        get
        {
            var total = new TokenUsageTotal();
            total.Add(_earlierTurnsUsage);
            total.Add(_answer.Usage);
            return total.Snapshot();
        }
    }

    /// <summary>
    /// An estimate, not a bill: the stream's cost in USD at the model catalog's list prices (see
    /// <see cref="TokenUsage.EstimatedCostUsd"/>), summed over the model turns of a tool loop; null until the stream's
    /// last event, or when the catalog has no price for a turn.
    /// </summary>
    public decimal? EstimatedCostUsd => _answer.Usage is null ? null : Usage.EstimatedCostUsd;

    /// <summary>The guardrail's assessments (when its trace was enabled); null until the stream's last event.</summary>
    public ConverseTrace? Trace => _answer.Trace;

    /// <summary>The <c>x-amzn-RequestId</c> of the stream, to quote to AWS support; null until the stream has opened.</summary>
    public string? RequestId => _answer.RequestId;

    /// <summary>The call's latency as Bedrock measured it; null until the stream's last event.</summary>
    public ConverseMetrics? Metrics => _answer.Metrics;

    /// <summary>
    /// The whole answer as Converse would have returned it (text, tool calls, stop reason, usage); with tools, the
    /// model's last turn, the one that answered.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end.</exception>
    public ConverseResponse ToResponse() => IsCompleted
        ? _answer.ToResponse()
        : throw new InvalidOperationException("The stream has not been read to its end yet.");

    /// <summary>
    /// The answer as a result: its text, stop reason, usage, latency and the conversation to continue. With tools,
    /// each round of tool calls is an attempt before the answer's (as for a tool loop that does not stream), and the
    /// conversation continues from the final answer without the tool turns.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end.</exception>
    public PromptResult<string> ToResult()
    {
        ConverseResponse response = ToResponse();
        var attempts = new List<PromptAttempt>(_toolRounds)
        {
            new PromptAttempt(_toolRounds.Count + 1, Text, Array.Empty<ResultError>(), response.Usage, response.StopReason)
            {
                ModelId = _modelId,
                RequestId = response.RequestId,
            },
        };
        Message answer = _toolRounds.Count == 0 ? response.Output?.Message ?? Message.Assistant(Text) : Message.Assistant(Text);
        return new PromptResult<string>(Text, attempts, Usage, response.StopReason)
        {
            Latency = _latency,
            Message = answer,
            Conversation = ConversationHistory.Continue(_request.Messages, answer),
            Passages = Passages,
        };
    }

    /// <summary>
    /// Reads the rest of the stream and returns the whole text; once the stream has been read to its end, returns
    /// the text it produced.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read, in addition to the prompt method's token.</param>
    public async Task<string> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        if (IsCompleted)
        {
            return Text;
        }

        await foreach (string _ in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        return Text;
    }

    /// <summary>Sends the request and returns the text deltas as they arrive.</summary>
    /// <param name="cancellationToken">Cancels the stream, in addition to the prompt method's token.</param>
    /// <exception cref="InvalidOperationException">The stream was enumerated before.</exception>
    public IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A PromptStream can be enumerated once; call the prompt method again for another answer.");
        }

        return ReadAsync(cancellationToken).GetAsyncEnumerator();
    }

    private async IAsyncEnumerable<string> ReadAsync([EnumeratorCancellation] CancellationToken enumerationToken)
    {
        using var cancellation = new StreamCancellation(_callToken, enumerationToken);
        CancellationToken token = cancellation.Token;
        token.ThrowIfCancellationRequested();
        if (_prepare is not null)
        {
            // Retrieval first: the request's templates read the passages.
            RetrievedRequest prepared = await _prepare(token).ConfigureAwait(false);
            (_request, Passages) = (prepared.Request, prepared.Passages);
        }

        _started = Stopwatch.GetTimestamp();
        ConverseRequest conversation = _request;
        ToolBox? box = _tools is null ? null : ToolLoop.OpenText(_request, _tools, _toolOptions!, out conversation);
        int index = 0;
        for (int round = 0; ; round++)
        {
            // One model turn. A model may be left for the next only until the turn's first text reached the caller:
            // after that the caller has part of this model's answer, and an error is this answer's. A turn after a
            // tool round goes to the model that answered the round, with the whole conversation.
            bool answered = false;
            for (bool streamed = false; !streamed;)
            {
                _modelId = _models[index].ModelId;
                _answer = new ConverseStreamAccumulator();
                await using IAsyncEnumerator<ConverseStreamEvent> events = _bedrock.ConverseStreamAsync(_modelId, conversation, token).GetAsyncEnumerator(token);
                while (true)
                {
                    (bool moved, Exception? error) = await TryMoveNextAsync(events, _failures).ConfigureAwait(false);
                    if (error is not null)
                    {
                        if (answered || !ShouldTryNext(error, index, token))
                        {
                            ThrowFor(error, answered);
                        }

                        index++;
                        break;
                    }

                    if (!moved)
                    {
                        streamed = true;
                        break;
                    }

                    _answer.Add(events.Current);
                    if (events.Current is ContentBlockDeltaEvent { Delta.Text: { Length: > 0 } text })
                    {
                        answered = true;
                        yield return text;
                    }
                }
            }

            if (!_answer.HasStopped)
            {
                throw new BedrockResponseException($"The ConverseStream answer from '{_modelId}' ended before the model stopped (no messageStop event); the text is incomplete.");
            }

            List<ToolUseBlock>? calls = box is null || _answer.StopReason == PromptGen.StopReason.GuardrailIntervened ? null : ToolTurns.Calls(_answer.ToResponse());
            if (calls is not { Count: > 0 })
            {
                break;
            }

            // A round of tool calls: run between the turns with the loop's own round (the same path as a tool loop
            // that does not stream), then stream the model's next turn.
            ConverseResponse response = _answer.ToResponse();
            _toolRounds.Add(new PromptAttempt(_toolRounds.Count + 1, ToolTurns.Describe(calls), Array.Empty<ResultError>(), response.Usage, response.StopReason)
            {
                ModelId = _modelId,
                RequestId = response.RequestId,
            });
            _toolEvents.ModelId = _modelId;
            _toolEvents.Round = round + 1;
            var usage = new TokenUsageTotal();
            usage.Add(_earlierTurnsUsage);
            usage.Add(response.Usage);
            conversation = await ToolLoop.RunRoundAsync(_modelId, conversation, response, calls, box!, _toolOptions!, round, usage, token, _toolEvents).ConfigureAwait(false);
            conversation.ToolConfig = new ToolConfiguration { Tools = conversation.ToolConfig!.Tools, ToolChoice = ToolBox.Choice(ToolChoiceMode.Auto, null) };
            _earlierTurnsUsage.Add(response.Usage);
            _earlierTurnsText.Append(_answer.Text);
            _answer = new ConverseStreamAccumulator();
        }

        _latency = Stopwatch.GetElapsedTime(_started);
        IsCompleted = true;
        // The guardrail's message was streamed as text; it must not pass for the model's answer.
        if (_answer.StopReason == PromptGen.StopReason.GuardrailIntervened)
        {
            throw new GuardrailInterventionException(_modelId, _answer.ToResponse());
        }
    }

    /// <summary>The next event, or the error it failed with; the call is marked as a fallback from <paramref name="failures"/> in its span.</summary>
    internal static async ValueTask<(bool Moved, Exception? Error)> TryMoveNextAsync(IAsyncEnumerator<ConverseStreamEvent> events, IReadOnlyList<ModelFailure> failures)
    {
        try
        {
            // Restored when this method returns: only the stream's own call sees it.
            FallbackTelemetry.Set(failures);
            return (await events.MoveNextAsync().ConfigureAwait(false), null);
        }
        catch (Exception error)
        {
            return (false, error);
        }
    }

    /// <summary>Records a failure before the first text and says whether a next model is left to try.</summary>
    private bool ShouldTryNext(Exception error, int index, CancellationToken token)
    {
        if (_models.Count == 1 || !ModelFallbackPolicy.ShouldFallBack(error, token))
        {
            return false;
        }

        _failures.Add(new ModelFailure(_modelId, error));
        return index < _models.Count - 1;
    }

    /// <summary>A single model's error as it is; every model's, when all failed before their first text.</summary>
    [DoesNotReturn]
    private void ThrowFor(Exception error, bool answered)
    {
        if (!answered && _failures.Count == _models.Count)
        {
            throw new ModelFallbackException(_failures.ToArray(), Array.Empty<PromptAttempt>(), new TokenUsage());
        }

        ExceptionDispatchInfo.Capture(error).Throw();
    }
}
