using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Http;

namespace PromptGen;

// The Knowledge Bases runtime (service bedrock-agent-runtime): Retrieve and RetrieveAndGenerate, sent through the same
// signing (SigV4 signing name "bedrock", as the official SDK's bedrock-agent-runtime client signs), retry pipeline,
// error mapping, size limit and cancellation rules as Converse, to the endpoint of KnowledgeBaseEndpoint.
public sealed partial class BedrockRuntimeClient
{
    /// <summary>The longest knowledge base id the API accepts (pattern <c>[0-9a-zA-Z]+</c>, at most 10 characters).</summary>
    private const int MaxKnowledgeBaseIdLength = 10;

    /// <summary>
    /// Where Retrieve and RetrieveAndGenerate go, e.g. <c>https://bedrock-agent-runtime.us-east-1.amazonaws.com/</c>;
    /// see <see cref="BedrockOptions.KnowledgeBaseEndpoint"/>.
    /// </summary>
    public Uri KnowledgeBaseEndpoint { get; }

    /// <summary>The <see cref="BedrockOptions.KnowledgeBaseIds"/> mapping, copied at construction.</summary>
    private readonly IReadOnlyDictionary<string, string> _knowledgeBaseIds;

    /// <summary>The id a call goes to: the configured one for a mapped id or name, else the id itself.</summary>
    internal string ResolveKnowledgeBaseId(string knowledgeBaseId) =>
        knowledgeBaseId is not null && _knowledgeBaseIds.TryGetValue(knowledgeBaseId, out string? mapped) ? mapped : knowledgeBaseId!;

    private static Dictionary<string, string> CopyKnowledgeBaseIds(IDictionary<string, string> ids) => new(ids, StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>Signed, retried and timed like <see cref="ConverseAsync"/>; the answer is read up to <see cref="BedrockOptions.MaxResponseSize"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="knowledgeBaseId"/> is not 1 to 10 letters and digits, or the request cannot be serialized.</exception>
    /// <exception cref="BedrockServiceException">The service answered with an error; an unknown knowledge base is <see cref="BedrockResourceNotFoundException"/>.</exception>
    /// <exception cref="BedrockResponseException">The answer is not valid JSON or lacks <c>retrievalResults</c>.</exception>
    /// <exception cref="BedrockResponseTooLargeException">The answer is larger than <see cref="BedrockOptions.MaxResponseSize"/>.</exception>
    /// <exception cref="BedrockConfigurationException">No usable credentials.</exception>
    /// <exception cref="BedrockConnectionException">The service could not be reached.</exception>
    /// <exception cref="BedrockTimeoutException">The call took longer than the time limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<RetrieveResponse> RetrieveAsync(string knowledgeBaseId, RetrieveRequest request, CancellationToken cancellationToken = default)
    {
        knowledgeBaseId = ResolveKnowledgeBaseId(knowledgeBaseId);
        ValidateKnowledgeBaseId(knowledgeBaseId, nameof(knowledgeBaseId));
        ArgumentNullException.ThrowIfNull(request);
        ValidateRetrievalConfiguration(request.RetrievalConfiguration, nameof(request));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        RerankingModelArns.Expand(request.RetrievalConfiguration, Region);

        byte[] body = SerializeKnowledgeBase(request, KnowledgeBaseJsonContext.Default.RetrieveRequest, "Retrieve");
        Uri uri = KnowledgeBaseOperationUri.Retrieve(KnowledgeBaseEndpoint, knowledgeBaseId);
        string invocationId = InvocationIds.Next();
        return await _pipeline.ExecuteAsync(
                (attempt, maxAttempts, attemptToken) => SendAttemptAsync(HttpMethod.Post, uri, body, invocationId, attempt, maxAttempts, KnowledgeBaseResponseReader.ReadRetrieve, attemptToken),
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Signed, retried and timed like <see cref="ConverseAsync"/>.</remarks>
    /// <exception cref="ArgumentException">The request names no knowledge base or model, or a malformed knowledge base id.</exception>
    /// <exception cref="BedrockServiceException">The service answered with an error; an unknown knowledge base is <see cref="BedrockResourceNotFoundException"/>.</exception>
    /// <exception cref="BedrockResponseException">The answer is not valid JSON or lacks <c>sessionId</c> or <c>output</c>.</exception>
    /// <exception cref="BedrockResponseTooLargeException">The answer is larger than <see cref="BedrockOptions.MaxResponseSize"/>.</exception>
    /// <exception cref="BedrockConfigurationException">No usable credentials.</exception>
    /// <exception cref="BedrockConnectionException">The service could not be reached.</exception>
    /// <exception cref="BedrockTimeoutException">The call took longer than the time limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<RetrieveAndGenerateResponse> RetrieveAndGenerateAsync(RetrieveAndGenerateRequest request, CancellationToken cancellationToken = default)
    {
        request = PrepareRetrieveAndGenerate(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        byte[] body = SerializeKnowledgeBase(request, KnowledgeBaseJsonContext.Default.RetrieveAndGenerateRequest, "RetrieveAndGenerate");
        Uri uri = KnowledgeBaseOperationUri.RetrieveAndGenerate(KnowledgeBaseEndpoint);
        string invocationId = InvocationIds.Next();
        return await _pipeline.ExecuteAsync(
                (attempt, maxAttempts, attemptToken) => SendAttemptAsync(HttpMethod.Post, uri, body, invocationId, attempt, maxAttempts, KnowledgeBaseResponseReader.ReadRetrieveAndGenerate, attemptToken),
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// What RetrieveAndGenerate and its stream variant send: the request with its knowledge base id mapped through
    /// <see cref="BedrockOptions.KnowledgeBaseIds"/> (as <see cref="RetrieveAsync"/> maps its id), then checked. A mapped
    /// id goes into a copy, so the caller's id is never changed (and sending it twice never maps twice). A reranker
    /// named by its model id is written back as its ARN (<see cref="RerankingModelArns"/>; idempotent).
    /// </summary>
    private RetrieveAndGenerateRequest PrepareRetrieveAndGenerate(RetrieveAndGenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RetrieveAndGenerateConfiguration?.KnowledgeBaseConfiguration is not { } knowledgeBase)
        {
            throw new ArgumentException("A RetrieveAndGenerate request needs RetrieveAndGenerateConfiguration.KnowledgeBaseConfiguration.", nameof(request));
        }

        string knowledgeBaseId = ResolveKnowledgeBaseId(knowledgeBase.KnowledgeBaseId);
        ValidateKnowledgeBaseId(knowledgeBaseId, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgeBase.ModelArn, nameof(request));
        ValidateRetrievalConfiguration(knowledgeBase.RetrievalConfiguration, nameof(request));
        RerankingModelArns.Expand(knowledgeBase.RetrievalConfiguration, Region);
        return knowledgeBaseId == knowledgeBase.KnowledgeBaseId ? request : WithKnowledgeBaseId(request, knowledgeBaseId);
    }

    /// <summary>A shallow copy of <paramref name="request"/> whose knowledge base configuration names <paramref name="knowledgeBaseId"/>.</summary>
    private static RetrieveAndGenerateRequest WithKnowledgeBaseId(RetrieveAndGenerateRequest request, string knowledgeBaseId)
    {
        RetrieveAndGenerateConfiguration configuration = request.RetrieveAndGenerateConfiguration;
        KnowledgeBaseRetrieveAndGenerateConfiguration knowledgeBase = configuration.KnowledgeBaseConfiguration!;
        return new RetrieveAndGenerateRequest
        {
            Input = request.Input,
            SessionId = request.SessionId,
            RetrieveAndGenerateConfiguration = new RetrieveAndGenerateConfiguration
            {
                Type = configuration.Type,
                KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration
                {
                    KnowledgeBaseId = knowledgeBaseId,
                    ModelArn = knowledgeBase.ModelArn,
                    RetrievalConfiguration = knowledgeBase.RetrievalConfiguration,
                    GenerationConfiguration = knowledgeBase.GenerationConfiguration,
                },
            },
        };
    }

    private static void ValidateKnowledgeBaseId(string? knowledgeBaseId, string parameterName)
    {
        if (string.IsNullOrEmpty(knowledgeBaseId) || knowledgeBaseId.Length > MaxKnowledgeBaseIdLength || !IsAsciiLettersAndDigits(knowledgeBaseId))
        {
            throw new ArgumentException(
                $"A knowledge base id is 1 to {MaxKnowledgeBaseIdLength} ASCII letters and digits (e.g. 'KB12345678'); got '{Shorten(knowledgeBaseId)}'.", parameterName);
        }
    }

    private static void ValidateRetrievalConfiguration(KnowledgeBaseRetrievalConfiguration? configuration, string parameterName)
    {
        if (configuration?.VectorSearchConfiguration?.NumberOfResults is { } count
            && count is < KnowledgeBaseVectorSearchConfiguration.MinNumberOfResults or > KnowledgeBaseVectorSearchConfiguration.MaxNumberOfResults)
        {
            throw new ArgumentException(
                $"numberOfResults must be {KnowledgeBaseVectorSearchConfiguration.MinNumberOfResults} to {KnowledgeBaseVectorSearchConfiguration.MaxNumberOfResults}; got {count}.", parameterName);
        }

        // The same range for numberOfRerankedResults (API_agent-runtime_VectorSearchBedrockRerankingConfiguration).
        if (configuration?.VectorSearchConfiguration?.RerankingConfiguration?.BedrockRerankingConfiguration?.NumberOfRerankedResults is { } reranked
            && reranked is < KnowledgeBaseVectorSearchConfiguration.MinNumberOfResults or > KnowledgeBaseVectorSearchConfiguration.MaxNumberOfResults)
        {
            throw new ArgumentException(
                $"numberOfRerankedResults must be {KnowledgeBaseVectorSearchConfiguration.MinNumberOfResults} to {KnowledgeBaseVectorSearchConfiguration.MaxNumberOfResults}; got {reranked}.", parameterName);
        }
    }

    private static bool IsAsciiLettersAndDigits(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private static byte[] SerializeKnowledgeBase<T>(T request, JsonTypeInfo<T> typeInfo, string operation)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(request, typeInfo);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or JsonException or ArgumentException)
        {
            throw new ArgumentException($"The {operation} request cannot be written as JSON: {e.Message}", nameof(request), e);
        }
    }
}
