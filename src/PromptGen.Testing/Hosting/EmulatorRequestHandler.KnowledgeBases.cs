using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromptGen.Testing.KnowledgeBases;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.KnowledgeBases;

namespace PromptGen.Testing.Hosting;

// The Knowledge Bases runtime (bedrock-agent-runtime): Retrieve ranks the knowledge base's chunks with BM25;
// RetrieveAndGenerate retrieves the same way, asks the scripted Converse handler (script rules, then the default
// reply) with a prompt built from the passages, and cites the retrieved chunks in the answer. RetrieveAndGenerateStream
// does the same and sends the answer as an event stream: output events (the text cut by the rule's chunk size), then a
// citation event per cited part, shaped and faulted by the rule's StreamShape like a ConverseStream.
internal sealed partial class EmulatorRequestHandler
{
    private readonly IReadOnlyDictionary<string, EmulatedKnowledgeBase> _knowledgeBases;

    private async Task HandleKnowledgeBaseAsync(HttpContext context, OperationRoute route, byte[] body, Outcome outcome, CancellationToken aborted)
    {
        HttpResponse response = context.Response;
        if (route.Operation == OperationRouter.Retrieve)
        {
            (RetrieveBody? retrieve, EmulatorError? refusal) = KnowledgeBaseRequests.ReadRetrieve(body);
            refusal ??= !EmulatedKnowledgeBase.IsValidId(route.ModelId)
                ? EmulatorErrors.Validation("knowledgeBaseId must be 1 to 10 letters and digits.")
                : !_knowledgeBases.ContainsKey(route.ModelId) ? EmulatorErrors.KnowledgeBaseNotFound(route.ModelId)
                : retrieve!.Reranking is { } reranking ? _admission.CheckReranker(reranking.ModelId) : null;
            if (refusal is not null)
            {
                await WriteErrorAsync(response, refusal, outcome);
                return;
            }

            outcome.Accepted = true;
            outcome.KnowledgeBaseText = retrieve!.Query;
            List<(KnowledgeBaseChunk Chunk, double Score)> hits = Search(route.ModelId, retrieve);
            await WriteJsonAsync(response, StatusCodes.Status200OK, KnowledgeBaseResponses.Retrieve(hits), outcome);
            return;
        }

        (RetrieveAndGenerateBody? request, EmulatorError? error) = KnowledgeBaseRequests.ReadRetrieveAndGenerate(body);
        error ??= !_knowledgeBases.ContainsKey(request!.KnowledgeBaseId) ? EmulatorErrors.KnowledgeBaseNotFound(request.KnowledgeBaseId)
            : _admission.Check(request.ModelId)
                ?? (request.Retrieval.Reranking is { } reranker ? _admission.CheckReranker(reranker.ModelId) : null)
                ?? (_enforceModelCapabilities ? ModelRules.Check(_admission.Catalog, request.ModelId, ConverseFeatures.None) : null);
        if (error is not null)
        {
            await WriteErrorAsync(response, error, outcome);
            return;
        }

        outcome.Accepted = true;
        List<KnowledgeBaseChunk> passages = Search(request!.KnowledgeBaseId, request.Retrieval).Select(hit => hit.Chunk).ToList();
        string prompt = GroundedAnswer.Prompt(request.PromptTemplate, request.Question, passages);
        outcome.KnowledgeBaseText = prompt;
        bool streaming = route.Operation == OperationRouter.RetrieveAndGenerateStream;
        var call = new ConverseCall(request.ModelId, null, prompt, ConverseFeatures.None) { Operation = route.Operation };
        ScriptRule? rule = _script.Claim(call);
        EmulatorReply reply = rule?.Reply ?? DefaultReply.For(call);
        if (rule is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            await DelayAtLeastAsync(delay, aborted);
        }

        if (await TryWriteScriptedFailureAsync(context, reply, streaming, outcome, aborted))
        {
            return;
        }

        if (reply.IsToolUse || reply.Text is null)
        {
            await WriteErrorAsync(response, EmulatorErrors.Validation("RetrieveAndGenerate answers with text; the script's reply for it must be text."), outcome);
            return;
        }

        string sessionId = request.SessionId ?? Guid.NewGuid().ToString();
        if (streaming)
        {
            await StreamRetrieveAndGenerateAsync(context, sessionId, reply.Text, GroundedAnswer.Cite(reply.Text, passages), rule?.Stream ?? StreamShape.Default, outcome, aborted);
            return;
        }

        await WriteJsonAsync(response, StatusCodes.Status200OK, KnowledgeBaseResponses.RetrieveAndGenerate(sessionId, reply.Text, GroundedAnswer.Cite(reply.Text, passages)), outcome);
    }

    /// <summary>
    /// The search a retrieval asks for, cut to what its reranker keeps. The emulator's reranker keeps the search's
    /// order (it has no model to judge relevance with); its count and model checks are Bedrock's.
    /// </summary>
    private List<(KnowledgeBaseChunk Chunk, double Score)> Search(string knowledgeBaseId, RetrieveBody retrieval)
    {
        List<(KnowledgeBaseChunk Chunk, double Score)> hits = _knowledgeBases[knowledgeBaseId].Search(retrieval.Query, retrieval.NumberOfResults, retrieval.Filter);
        return hits.Count > retrieval.ResultsKept ? hits.GetRange(0, retrieval.ResultsKept) : hits;
    }

    /// <summary>
    /// The stream of a RetrieveAndGenerateStream answer: the session id in its header (as the SDK model binds it), the
    /// text as <c>output</c> events, then one <c>citation</c> event per cited part.
    /// </summary>
    private static async Task StreamRetrieveAndGenerateAsync(
        HttpContext context, string sessionId, string text, IReadOnlyList<AnswerCitation> citations, StreamShape shape, Outcome outcome, CancellationToken aborted)
    {
        List<byte[]> events = KnowledgeBaseResponses.StreamEvents(text, citations, shape.ChunkSize);
        byte[] last = events[^1];
        events.RemoveAt(events.Count - 1);
        context.Response.Headers[KnowledgeBaseResponses.SessionIdHeader] = sessionId;
        outcome.Status = StatusCodes.Status200OK;
        await EventStreamResponder.WriteAsync(
            context,
            events,
            () => last,
            shape,
            errorCode =>
            {
                outcome.ErrorCode = errorCode;
                outcome.Settle();
            },
            aborted);
    }
}
