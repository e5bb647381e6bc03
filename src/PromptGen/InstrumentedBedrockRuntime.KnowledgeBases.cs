using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Telemetry;

namespace PromptGen;

// Knowledge base calls get the span, logs and duration metric every other call gets, through the same call scope
// (the scope of model-native calls, which names its API in the logs).
public sealed partial class InstrumentedBedrockRuntime
{
    /// <summary>The span operation of a Retrieve call (our name: the GenAI conventions name no retrieval operation we could confirm).</summary>
    private const string RetrievalOperation = "retrieval";

    /// <inheritdoc />
    /// <remarks>The span is named <c>retrieval {knowledgeBaseId}</c>, with the knowledge base id in the model attribute.</remarks>
    public async Task<RetrieveResponse> RetrieveAsync(string knowledgeBaseId, RetrieveRequest request, CancellationToken cancellationToken = default)
    {
        using BedrockCallScope call = BedrockCallScope.StartInvoke(_instrumentation, knowledgeBaseId, "Retrieve", RetrievalOperation, ReadOnlyMemory<byte>.Empty, contentType: null);
        try
        {
            RetrieveResponse response = await _inner.RetrieveAsync(knowledgeBaseId, request, cancellationToken).ConfigureAwait(false);
            call.Complete();
            return response;
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>The span is a <c>chat</c> span on the request's model.</remarks>
    public async Task<RetrieveAndGenerateResponse> RetrieveAndGenerateAsync(RetrieveAndGenerateRequest request, CancellationToken cancellationToken = default)
    {
        string model = request?.RetrieveAndGenerateConfiguration?.KnowledgeBaseConfiguration?.ModelArn ?? "unknown";
        using BedrockCallScope call = BedrockCallScope.StartInvoke(_instrumentation, model, "RetrieveAndGenerate", GenAiAttributes.ChatOperation, ReadOnlyMemory<byte>.Empty, contentType: null);
        try
        {
            RetrieveAndGenerateResponse response = await _inner.RetrieveAndGenerateAsync(request!, cancellationToken).ConfigureAwait(false);
            call.Complete();
            return response;
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>One <c>chat</c> span on the request's model covers the whole stream.</remarks>
    public async IAsyncEnumerable<RetrieveAndGenerateStreamEvent> RetrieveAndGenerateStreamAsync(
        RetrieveAndGenerateRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string model = request?.RetrieveAndGenerateConfiguration?.KnowledgeBaseConfiguration?.ModelArn ?? "unknown";
        using BedrockCallScope call = BedrockCallScope.StartInvoke(_instrumentation, model, "RetrieveAndGenerateStream", GenAiAttributes.ChatOperation, ReadOnlyMemory<byte>.Empty, contentType: null);
        IAsyncEnumerator<RetrieveAndGenerateStreamEvent> events;
        try
        {
            events = _inner.RetrieveAndGenerateStreamAsync(request!, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception exception)
        {
            call.Fail(exception);
            throw;
        }

        try
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception exception)
                {
                    call.Fail(exception);
                    throw;
                }

                yield return events.Current;
            }

            call.Complete();
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }
}
