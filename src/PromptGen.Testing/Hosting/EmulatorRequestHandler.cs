using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PromptGen.Testing.Auth;
using PromptGen.Testing.Scripting;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Serves one request: route, authenticate, validate, then answer from the script (or the default reply), and record it.
/// </summary>
internal sealed partial class EmulatorRequestHandler
{
    private const string ErrorTypeNamespace = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    private readonly RequestAuthenticator _authenticator;
    private readonly EmulatorScript _script;
    private readonly RequestLog _log;
    private readonly Action<RecordedRequest>? _requestCompleted;
    private readonly CancellationToken _stopping;
    private readonly bool _enforceModelCapabilities;
    private readonly ModelAdmission _admission;
    private readonly UnmatchedCallPolicy _unmatchedCalls;
    private readonly PromptCacheLedger _promptCache = new();
    private long _arrivals;
    private long _toolUses;

    public EmulatorRequestHandler(
        RequestAuthenticator authenticator,
        EmulatorScript script,
        RequestLog log,
        Action<RecordedRequest>? requestCompleted,
        bool enforceModelCapabilities,
        ModelAdmission admission,
        UnmatchedCallPolicy unmatchedCalls,
        CancellationToken stopping,
        IReadOnlyDictionary<string, KnowledgeBases.EmulatedKnowledgeBase>? knowledgeBases = null)
    {
        _knowledgeBases = knowledgeBases ?? new Dictionary<string, KnowledgeBases.EmulatedKnowledgeBase>();
        _admission = admission;
        _unmatchedCalls = unmatchedCalls;
        _enforceModelCapabilities = enforceModelCapabilities;
        _authenticator = authenticator;
        _script = script;
        _log = log;
        _requestCompleted = requestCompleted;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        long arrival = Interlocked.Increment(ref _arrivals);
        long started = Stopwatch.GetTimestamp();
        DateTimeOffset receivedAt = DateTimeOffset.UtcNow;
        string requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;

        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        int queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        string rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        string method = context.Request.Method;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        if (await TryHandleBatchAsync(context, method, rawPath, rawQuery, requestId, aborted.Token))
        {
            return;
        }

        if (await TryHandleModelListsAsync(context, method, rawPath, rawQuery, aborted.Token))
        {
            return;
        }

        byte[] body = Array.Empty<byte>();
        var outcome = new Outcome();
        OperationRoute? route = OperationRouter.Match(method, rawPath);
        AuthenticationResult? auth = null;
        ConverseBody? converse = null;

        // The request is recorded when its answer is settled: just before the bytes that let the client finish
        // reading it (a whole body, the last stream frame, a dropped connection), so a caller that has its answer
        // always finds the request in the log; or, when the client goes away first, once this handler notices.
        // Once recorded, it is not recorded again.
        bool recorded = false;
        outcome.Settle = () =>
        {
            // A client that has already gone cannot get this answer: record it as the abort it is.
            context.RequestAborted.ThrowIfCancellationRequested();
            RecordOnce();
        };

        void RecordOnce()
        {
            if (recorded)
            {
                return;
            }

            recorded = true;
            Record(arrival, new RecordedRequest(
                requestId,
                receivedAt,
                route?.Operation ?? EmulatorOperations.Unknown,
                route?.ModelId,
                method,
                rawPath,
                JoinedHeaders(context.Request.Headers),
                Encoding.UTF8.GetString(body),
                auth?.Scheme ?? AuthSchemes.None,
                auth?.SignedHeaders ?? Array.Empty<string>(),
                auth?.SignatureValid ?? false,
                outcome.Accepted,
                outcome.Invoke?.SystemText ?? converse?.SystemText,
                outcome.Invoke?.Prompt ?? outcome.KnowledgeBaseText ?? converse?.UserText,
                outcome.Status,
                outcome.ErrorCode,
                converse?.Features ?? ConverseFeatures.None)
            {
                Protocol = context.Request.Protocol,
            });
        }

        try
        {
            body = await ReadBodyAsync(context.Request, aborted.Token);
            var incoming = new IncomingRequest(method, rawPath, rawQuery, HeaderValues(context.Request.Headers), body);
            if (OperationRouter.IsKnowledgeBase(route?.Operation))
            {
                auth = _authenticator.Authenticate(incoming);
                if (auth.Error is not null)
                {
                    await WriteErrorAsync(context.Response, auth.Error, outcome);
                    return;
                }

                await HandleKnowledgeBaseAsync(context, route!, body, outcome, aborted.Token);
                return;
            }

            bool isInvoke = OperationRouter.IsInvoke(route?.Operation);
            converse = isInvoke ? null : ConverseBody.Parse(body);
            auth = _authenticator.Authenticate(incoming);

            if (isInvoke && auth.Error is null)
            {
                await HandleInvokeAsync(context, route!, body, started, outcome, aborted.Token);
                return;
            }

            converse ??= ConverseBody.Parse(body);

            EmulatorError? refusal = route is null
                ? EmulatorErrors.UnknownOperation(method, rawPath)
                : auth.Error
                    ?? (!OperationRouter.IsConverse(route.Operation)
                        ? EmulatorErrors.OperationNotEmulated(route.Operation)
                        : ConverseRequestValidator.Validate(route.ModelId, context.Request.ContentType, converse)
                            ?? _admission.Check(route.ModelId)
                            ?? (_enforceModelCapabilities ? ModelRules.Check(_admission.Catalog, route.ModelId, converse.Features) : null));

            if (refusal is not null)
            {
                await WriteErrorAsync(context.Response, refusal, outcome);
            }
            else
            {
                outcome.Accepted = true;
                var call = new ConverseCall(route!.ModelId, converse.SystemText, converse.UserText, converse.Features) { Operation = route.Operation };
                await AnswerAsync(context, route.Operation == OperationRouter.ConverseStream, call, converse, started, outcome, aborted.Token);
            }
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel refused the body itself (too large, truncated); say so instead of recording a bogus abort.
            await WriteRefusalAsync(context.Response, new EmulatorError("ValidationException", exception.StatusCode, $"Malformed HTTP request: {exception.Message}"), outcome);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            if (context.RequestAborted.IsCancellationRequested || !_stopping.IsCancellationRequested)
            {
                outcome.Status = EmulatorStatusCodes.ClientClosedRequest;
                outcome.ErrorCode = null;
            }
            else if (!context.Response.HasStarted)
            {
                await WriteRefusalAsync(context.Response, new EmulatorError("ServiceUnavailableException", 503, "The emulator is shutting down."), outcome);
            }
        }
        finally
        {
            RecordOnce();
        }
    }

    private async Task AnswerAsync(HttpContext context, bool streaming, ConverseCall call, ConverseBody converse, long started, Outcome outcome, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        ScriptRule? rule = _script.Claim(call);
        if (rule is null && Unscripted(call) is { } unscripted)
        {
            await WriteErrorAsync(response, unscripted, outcome);
            return;
        }

        EmulatorReply reply = rule?.Reply ?? DefaultReply.For(call);
        if (rule is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            await DelayAtLeastAsync(delay, aborted);
        }

        if (await TryWriteScriptedFailureAsync(context, reply, streaming, outcome, aborted))
        {
            return;
        }

        if (reply.IsGuardrailIntervention && !call.Features.Options.HasGuardrail)
        {
            await WriteErrorAsync(response, EmulatorErrors.GuardrailReplyWithoutGuardrail(), outcome);
            return;
        }

        int inputTokens = reply.InputTokens ?? TokenEstimate.FromCharacters(converse.InputTextLength);
        AnswerExtras extras = _promptCache.ExtrasFor(call.ModelId, reply, call.Features.Options, reply.InputTokens is not null, ref inputTokens);
        long latencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!reply.IsToolUse)
        {
            string text = reply.Text!;
            int outputTokens = reply.OutputTokens ?? TokenEstimate.FromCharacters(text.Length + (reply.ReasoningText?.Length ?? 0));
            if (streaming)
            {
                StreamShape shape = rule?.Stream ?? StreamShape.Default;
                List<byte[]> events = EventStreamResponder.TextEvents(text, reply.StopReason, shape.ChunkSize, extras, DocumentCitations.For(call.UserContent, text));
                await StreamAsync(context, events, shape, inputTokens, outputTokens, started, outcome, extras, aborted);
                return;
            }

            if (reply.Fault == EmulatorFault.TruncatedBody)
            {
                // The client cannot finish reading before the connection closes, but it may retry the moment it does.
                outcome.Status = EmulatorStatusCodes.TruncatedBody;
                outcome.Settle();
                await FaultResponder.WriteTruncatedAsync(
                    response, ResponseBodies.ConverseOutput(text, reply.StopReason, inputTokens, outputTokens, latencyMs, extras));
                return;
            }

            byte[] body = DocumentCitations.For(call.UserContent, text) is { } citations
                ? ResponseBodies.ConverseCitedOutput(text, citations, reply.StopReason, inputTokens, outputTokens, latencyMs, extras)
                : ResponseBodies.ConverseOutput(text, reply.StopReason, inputTokens, outputTokens, latencyMs, extras);
            await WriteJsonAsync(response, StatusCodes.Status200OK, body, outcome);
            return;
        }

        // A tool-use reply without a name calls what the request forces, else the first tool it offers.
        var calls = new List<(string Id, string Name, string InputJson)>();
        foreach (EmulatorToolCall toolCall in reply.ToolCalls)
        {
            string? toolName = toolCall.Name ?? call.ForcedToolName ?? call.ToolNames.FirstOrDefault();
            if (toolName is null)
            {
                await WriteErrorAsync(response, EmulatorErrors.ToolUseReplyWithoutTool(), outcome);
                return;
            }

            calls.Add(($"tooluse_{Interlocked.Increment(ref _toolUses)}", toolName, toolCall.InputJson));
        }

        int toolOutputTokens = reply.OutputTokens ?? TokenEstimate.FromCharacters(calls.Sum(toolCall => toolCall.InputJson.Length) + (reply.ToolPreamble?.Length ?? 0));
        if (streaming)
        {
            StreamShape shape = rule?.Stream ?? StreamShape.Default;
            List<byte[]> events = calls.Count == 1 && reply.ToolPreamble is null
                ? EventStreamResponder.ToolUseEvents(calls[0].Id, calls[0].Name, calls[0].InputJson, reply.StopReason, shape.ChunkSize, extras)
                : EventStreamResponder.ToolUsesEvents(reply.ToolPreamble, calls, reply.StopReason, shape.ChunkSize, extras);
            await StreamAsync(context, events, shape, inputTokens, toolOutputTokens, started, outcome, extras, aborted);
            return;
        }

        byte[] payload = ResponseBodies.ConverseToolUses(reply.ToolPreamble, calls, reply.StopReason, inputTokens, toolOutputTokens, latencyMs, extras);
        await WriteJsonAsync(response, StatusCodes.Status200OK, payload, outcome);
    }

    /// <summary>The refusal of a call no rule answered, when the policy says it fails; null when the default reply answers it.</summary>
    private EmulatorError? Unscripted(ConverseCall call)
    {
        bool fails = _unmatchedCalls switch
        {
            UnmatchedCallPolicy.DefaultReply => false,
            UnmatchedCallPolicy.Fail => true,
            _ => _script.ScriptsAnswers,
        };
        return fails ? EmulatorErrors.UnscriptedRequest(UnscriptedCallReport.Describe(call, _script.Rules)) : null;
    }

    /// <summary>
    /// The replies a script makes fail the same way for every operation: a dropped connection, an error (with its
    /// <c>Retry-After</c>), an oversized body or stream frame. Returns whether the reply was one of those.
    /// </summary>
    private static async Task<bool> TryWriteScriptedFailureAsync(HttpContext context, EmulatorReply reply, bool streaming, Outcome outcome, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        if (reply.Fault == EmulatorFault.DropConnection)
        {
            // Recorded before the abort: the client retries as soon as it sees it, and its next attempt must not
            // find the log without this one.
            outcome.Status = EmulatorStatusCodes.ConnectionDropped;
            outcome.Settle();
            FaultResponder.DropConnection(response);
            return true;
        }

        if (reply.IsError)
        {
            if (reply.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (reply.Fault == EmulatorFault.LargeBody)
            {
                response.Headers["x-amzn-ErrorType"] = reply.ErrorCode + ErrorTypeNamespace;
                outcome.ErrorCode = reply.ErrorCode;
                outcome.Status = reply.ErrorStatus;
                await LargeBodyResponder.WriteJsonAsync(response, reply, outcome.Settle, aborted);
                return true;
            }

            await WriteErrorAsync(response, new EmulatorError(reply.ErrorCode!, reply.ErrorStatus, reply.ErrorMessage!), outcome);
            return true;
        }

        if (reply.Fault == EmulatorFault.LargeBody)
        {
            outcome.Status = StatusCodes.Status200OK;
            if (streaming)
            {
                await EventStreamResponder.WriteLargeFrameAsync(context, reply.BodyLength, outcome.Settle, aborted);
            }
            else
            {
                await LargeBodyResponder.WriteJsonAsync(response, reply, outcome.Settle, aborted);
            }

            return true;
        }

        return false;
    }

    private static async Task StreamAsync(
        HttpContext context, List<byte[]> events, StreamShape shape, int inputTokens, int outputTokens, long started, Outcome outcome, AnswerExtras extras, CancellationToken aborted)
    {
        outcome.Status = StatusCodes.Status200OK;
        await EventStreamResponder.WriteAsync(
            context,
            events,
            () => EventStreamResponder.MetadataEvent(inputTokens, outputTokens, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, extras),
            shape,
            errorCode =>
            {
                outcome.ErrorCode = errorCode;
                outcome.Settle();
            },
            aborted);
    }

    /// <summary>
    /// Timers may fire a little early by the stopwatch; a test that scripts a 400 ms delay must see at least 400 ms,
    /// in its own timing and in <c>metrics.latencyMs</c>.
    /// </summary>
    private static async Task DelayAtLeastAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        TimeSpan remaining = delay;
        while (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining, cancellationToken);
            remaining = delay - Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>An error written from a catch block, where a client that has gone meanwhile must not throw again.</summary>
    private static async Task WriteRefusalAsync(HttpResponse response, EmulatorError error, Outcome outcome)
    {
        try
        {
            await WriteErrorAsync(response, error, outcome);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            outcome.Status = EmulatorStatusCodes.ClientClosedRequest;
            outcome.ErrorCode = null;
        }
    }

    private static Task WriteErrorAsync(HttpResponse response, EmulatorError error, Outcome outcome)
    {
        response.Headers["x-amzn-ErrorType"] = error.Code + ErrorTypeNamespace;
        outcome.ErrorCode = error.Code;
        return WriteJsonAsync(response, error.Status, ResponseBodies.Error(error.Message), outcome);
    }

    private static async Task WriteJsonAsync(HttpResponse response, int status, byte[] payload, Outcome outcome)
    {
        outcome.Status = status;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = payload.Length;
        outcome.Settle();
        // No cancellation token: an aborted client makes the write fail fast anyway.
        await response.Body.WriteAsync(payload);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> HeaderValues(IHeaderDictionary headers) =>
        headers.ToDictionary(
            header => header.Key,
            header => (IReadOnlyList<string>)header.Value.Select(value => value ?? string.Empty).ToArray(),
            StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyDictionary<string, string> JoinedHeaders(IHeaderDictionary headers) =>
        new ReadOnlyDictionary<string, string>(headers.ToDictionary(
            header => header.Key,
            header => string.Join(", ", header.Value.Select(value => value ?? string.Empty)),
            StringComparer.OrdinalIgnoreCase));

    private void Record(long arrival, RecordedRequest request)
    {
        _log.Add(arrival, request);
        try
        {
            _requestCompleted?.Invoke(request);
        }
        catch (Exception)
        {
            // An observer (a logger, typically) must not change what the client receives or break the server.
        }
    }

    /// <summary>What was sent, filled in as the request is answered.</summary>
    private sealed class Outcome
    {
        public int Status { get; set; } = StatusCodes.Status500InternalServerError;

        public string? ErrorCode { get; set; }

        public bool Accepted { get; set; }

        /// <summary>The InvokeModel body as its family reads it, once validated.</summary>
        public Wire.Invoke.InvokeRequest? Invoke { get; set; }

        /// <summary>A Retrieve query, or the prompt RetrieveAndGenerate built for the model.</summary>
        public string? KnowledgeBaseText { get; set; }

        /// <summary>Records the request as it stands; called just before the client can have the whole answer.</summary>
        public Action Settle { get; set; } = static () => { };
    }
}
