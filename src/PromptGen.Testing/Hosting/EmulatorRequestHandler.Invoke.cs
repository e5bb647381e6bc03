using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PromptGen.Testing.Scripting;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.Invoke;

namespace PromptGen.Testing.Hosting;

// InvokeModel and InvokeModelWithResponseStream (wire spec §5): the model's native body, checked by its family's schema,
// answered from the script (errors, faults, delays, content filters, chat text) or with the family's deterministic
// answer: images from the prompt and seed, embeddings from the text.
internal sealed partial class EmulatorRequestHandler
{
    private const string InvocationLatencyHeader = "X-Amzn-Bedrock-Invocation-Latency";
    private const string InputTokenCountHeader = "X-Amzn-Bedrock-Input-Token-Count";
    private const string OutputTokenCountHeader = "X-Amzn-Bedrock-Output-Token-Count";
    private const string StreamContentTypeHeader = "X-Amzn-Bedrock-Content-Type";

    /// <summary>Serves an authenticated InvokeModel call; what the body asked for goes to the outcome before any answer.</summary>
    private async Task HandleInvokeAsync(HttpContext context, OperationRoute route, byte[] body, long started, Outcome outcome, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        bool streaming = route.Operation == OperationRouter.InvokeModelWithResponseStream;
        InvokeFamily? family = InvokeFamilies.For(route.ModelId, _admission.Catalog);
        EmulatorError? refusal = !IsJson(context.Request.ContentType) ? EmulatorErrors.UnsupportedContentType(context.Request.ContentType)
            : _admission.Check(route.ModelId) is { } invalidModel ? invalidModel
            : family is null ? EmulatorErrors.InvokeModelNotEmulated(route.ModelId)
            : _enforceModelCapabilities ? ModelRules.CheckInvoke(_admission.Catalog, route.ModelId)
            : null;
        if (refusal is null && streaming && family!.Value.IsEmbedding())
        {
            refusal = EmulatorErrors.StreamingNotSupported();
        }

        InvokeRequest? request = null;
        if (refusal is null)
        {
            int maxOutputTokens = _enforceModelCapabilities ? ModelRules.MaxOutputTokens(_admission.Catalog, route.ModelId) : 0;
            (request, refusal) = InvokeBodyValidator.Validate(family!.Value, body, maxOutputTokens);
        }

        if (refusal is not null)
        {
            await WriteErrorAsync(response, refusal, outcome);
            return;
        }

        outcome.Accepted = true;
        outcome.Invoke = request;
        var call = new ConverseCall(route.ModelId, request!.SystemText, request.Prompt, ConverseFeatures.None) { Operation = route.Operation };
        ScriptRule? rule = _script.Claim(call);
        // Only chat bodies have an answer a script can write; images and embeddings always come from the family.
        if (rule is null && request.Family.IsChat() && Unscripted(call) is { } unscripted)
        {
            await WriteErrorAsync(response, unscripted, outcome);
            return;
        }

        EmulatorReply reply = rule?.Reply ?? DefaultReply.For(call);
        if (rule is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            await DelayAtLeastAsync(delay, aborted);
        }

        // The size limits of the client hold for InvokeModel as for Converse: the same scripted failures.
        if (await TryWriteScriptedFailureAsync(context, reply, streaming, outcome, aborted))
        {
            return;
        }

        if (reply.ContentFilter is { } stage && !request.Family.IsStabilityImage())
        {
            await WriteErrorAsync(response, EmulatorErrors.ContentFiltered(stage), outcome);
            return;
        }

        if (reply.IsToolUse && request.Family.IsChat())
        {
            await WriteErrorAsync(response, EmulatorErrors.InvokeScriptReplyNotServed("toolUse"), outcome);
            return;
        }

        int inputTokens = reply.InputTokens ?? TokenEstimate.FromCharacters(request.InputLength);
        string text = reply.Text ?? string.Empty;
        int outputTokens = reply.OutputTokens ?? (request.Family.IsChat() ? TokenEstimate.FromCharacters(text.Length) : 0);
        EchoBedrockHeaders(context);

        if (streaming)
        {
            await StreamInvokeAsync(context, route, request, reply, rule?.Stream ?? StreamShape.Default, text, inputTokens, outputTokens, started, outcome, aborted);
            return;
        }

        byte[] payload = reply.ContentFilter is { } filtered ? InvokeResponseBodies.StabilityFiltered(filtered)
            : request.Family.IsChat() ? InvokeResponseBodies.Chat(request, BaseModelId(route.ModelId), text, reply.StopReason, inputTokens, outputTokens)
            : request.Family.IsEmbedding() ? InvokeResponseBodies.Embeddings(request, inputTokens)
            : InvokeResponseBodies.Images(request);
        if (request.Family.IsChat() || request.Family.IsEmbedding())
        {
            response.Headers[InputTokenCountHeader] = inputTokens.ToString(CultureInfo.InvariantCulture);
            response.Headers[OutputTokenCountHeader] = outputTokens.ToString(CultureInfo.InvariantCulture);
        }

        response.Headers[InvocationLatencyHeader] = ((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        if (reply.Fault == EmulatorFault.TruncatedBody)
        {
            // The client cannot finish reading before the connection closes, but it may retry the moment it does.
            outcome.Status = EmulatorStatusCodes.TruncatedBody;
            outcome.Settle();
            await FaultResponder.WriteTruncatedAsync(response, payload);
            return;
        }

        await WriteJsonAsync(response, StatusCodes.Status200OK, payload, outcome);
        return;
    }

    /// <summary>
    /// The stream: chat families as their native chunks (cut by the rule's <see cref="StreamShape.ChunkSize"/>), image
    /// families as one chunk holding the whole answer; each chunk a <c>chunk</c> event of <c>{"bytes": base64}</c>.
    /// </summary>
    private static async Task StreamInvokeAsync(
        HttpContext context, OperationRoute route, InvokeRequest request, EmulatorReply reply, StreamShape shape, string text,
        int inputTokens, int outputTokens, long started, Outcome outcome, CancellationToken aborted)
    {
        List<byte[]> chunks;
        Func<long, byte[]> last;
        if (request.Family.IsChat())
        {
            (chunks, last) = InvokeResponseBodies.ChatChunks(request, BaseModelId(route.ModelId), text, reply.StopReason, inputTokens, outputTokens, shape.ChunkSize);
        }
        else
        {
            byte[] whole = reply.ContentFilter is { } stage ? InvokeResponseBodies.StabilityFiltered(stage) : InvokeResponseBodies.Images(request);
            (chunks, last) = (new List<byte[]>(), _ => whole);
        }

        context.Response.Headers[StreamContentTypeHeader] = "application/json";
        outcome.Status = StatusCodes.Status200OK;
        await EventStreamResponder.WriteAsync(
            context,
            chunks.Select(ChunkEvent).ToList(),
            () => ChunkEvent(last((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds)),
            shape,
            errorCode =>
            {
                outcome.ErrorCode = errorCode;
                outcome.Settle();
            },
            aborted);
    }

    private static byte[] ChunkEvent(byte[] chunk)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBase64String("bytes", chunk);
            writer.WriteEndObject();
        }

        return EventStreamEncoder.Event("chunk", buffer.ToArray());
    }

    /// <summary>The performance and tier headers come back as the request set them, as Bedrock echoes what applied.</summary>
    private static void EchoBedrockHeaders(HttpContext context)
    {
        foreach (string name in new[] { "X-Amzn-Bedrock-PerformanceConfig-Latency", "X-Amzn-Bedrock-Service-Tier" })
        {
            if (context.Request.Headers.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues value))
            {
                context.Response.Headers[name] = value;
            }
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
        && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    private static string BaseModelId(string modelId) =>
        Generators.Catalog.ModelIdSyntax.Resolve(modelId)?.BaseId ?? modelId;
}
