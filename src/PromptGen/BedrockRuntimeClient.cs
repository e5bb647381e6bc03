using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Authentication;
using PromptGen.Bedrock.Configuration;
using PromptGen.Bedrock.Errors;
using PromptGen.Bedrock.Http;
using PromptGen.Bedrock.Retries;
using PromptGen.Pricing;

namespace PromptGen;

/// <summary>
/// A Bedrock Runtime client over <see cref="HttpClient"/>, using AWSSDK.Core only for credentials and SigV4.
/// Region, endpoint and authentication are resolved as described on <see cref="BedrockOptions"/>; the
/// region and endpoint when the client is constructed (so a missing region fails fast), the credentials at the
/// first call.
/// </summary>
/// <remarks>
/// Errors: a non-2xx answer raises a <see cref="BedrockServiceException"/> subclass named after the error code;
/// an unusable 2xx body <see cref="BedrockResponseException"/>; a transport failure
/// <see cref="BedrockConnectionException"/>; exceeding the time limit <see cref="BedrockTimeoutException"/>; a body larger
/// than <see cref="BedrockOptions.MaxResponseSize"/> <see cref="BedrockResponseTooLargeException"/>;
/// cancellation through the caller's token <see cref="OperationCanceledException"/> carrying that token.
/// Throttling and transient failures are retried as <see cref="BedrockOptions.Retry"/> says; an error raised
/// after retries is the last attempt's, with <see cref="BedrockException.Attempts"/> set.
/// </remarks>
public sealed partial class BedrockRuntimeClient : IBedrockRuntime, IDisposable
{
    private const int MaxModelIdLength = 2048;
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly bool _httpClientSigns;
    private readonly IRequestAuthenticator _authenticator;
    private readonly TimeProvider _timeProvider;
    private readonly BedrockCallPipeline _pipeline;
    private readonly TimeSpan _streamTimeout;
    private readonly TimeSpan _streamIdleTimeout;
    private readonly long _maxResponseSize;
    private int _disposed;

    /// <summary>
    /// Creates a client. Region, endpoint and authentication come from <paramref name="options"/>, else from the
    /// environment and the AWS configuration files, as <see cref="BedrockOptions"/> describes.
    /// </summary>
    /// <param name="options">The settings; null for the defaults (everything from the environment).</param>
    /// <param name="httpClient">
    /// The <see cref="HttpClient"/> to send through, which stays the caller's: the client does not dispose it, and its
    /// <see cref="HttpClient.Timeout"/> applies in addition to <see cref="BedrockOptions.Timeout"/>. Requests are
    /// signed before they enter it, so its handlers see the credentials (<c>Authorization</c>,
    /// <c>X-Amz-Security-Token</c>): give it no handler that logs request headers (IHttpClientFactory's logging does,
    /// at Trace). Null for a client of its own, disposed with this one, whose signer runs after everything else;
    /// with <c>services.AddPromptGen()</c> the factory's client is set up that way too.
    /// </param>
    /// <exception cref="BedrockConfigurationException">No region can be found, or the settings contradict each other.</exception>
    public BedrockRuntimeClient(BedrockOptions? options = null, HttpClient? httpClient = null)
        : this(options ?? new BedrockOptions(), httpClient, AwsEnvironment.Process)
    {
    }

    /// <param name="options">The settings.</param>
    /// <param name="httpClient">The caller's client, or null for one of our own.</param>
    /// <param name="environment">Environment variables, config files and the default credential chain.</param>
    /// <param name="clock">The clock when <see cref="BedrockOptions.TimeProvider"/> is not set (DI passes its own).</param>
    /// <param name="httpClientSigns">
    /// <paramref name="httpClient"/> has <see cref="RequestSigningHandler"/> innermost (DI's factory client), so
    /// requests are sent unsigned and signed there.
    /// </param>
    internal BedrockRuntimeClient(BedrockOptions options, HttpClient? httpClient, AwsEnvironment environment, TimeProvider? clock = null, bool httpClientSigns = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (BedrockOptionsLimits.Problems(options, "BedrockOptions.", "Timeout.InfiniteTimeSpan") is { Count: > 0 } problems)
        {
            throw new BedrockConfigurationException(string.Join(" ", problems));
        }

        var resolver = new BedrockSettingsResolver(environment.GetVariable, environment.Profiles);
        BedrockClientSettings settings = resolver.Resolve(options);

        Endpoint = settings.Endpoint;
        KnowledgeBaseEndpoint = resolver.ResolveKnowledgeBaseEndpoint(options, settings.Region);
        _knowledgeBaseIds = CopyKnowledgeBaseIds(options.KnowledgeBaseIds);
        Region = settings.Region;
        _timeProvider = options.TimeProvider ?? clock ?? TimeProvider.System;
        _pipeline = new BedrockCallPipeline(options.Retry.Clone(), options.Timeout, _timeProvider, settings.Endpoint);
        _streamTimeout = options.StreamTimeout ?? options.Timeout;
        _streamIdleTimeout = options.StreamIdleTimeout;
        _maxResponseSize = options.MaxResponseSize;
        _prices = ModelPriceTable.Load(options.ModelCatalogFiles);
        _authenticator = settings.BearerToken is { } bearerToken
            ? new BearerTokenAuthenticator(bearerToken)
            : new SigV4Authenticator(
                new AwsCredentialsResolver(options.Credentials, options.Profile, environment.Profiles, environment.DefaultCredentialChain),
                new RequestSigner(settings.Region!, _timeProvider));

        _ownsHttpClient = httpClient is null;
        _httpClientSigns = httpClient is null || httpClientSigns;
        _httpClient = httpClient ?? CreateOwnHttpClient();
    }

    /// <summary>The endpoint requests go to, e.g. <c>https://bedrock-runtime.us-east-1.amazonaws.com/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region requests are signed for; null only with a bearer token and a custom endpoint.</summary>
    public string? Region { get; }

    /// <summary>The SigV4 credentials this client signs with; null when it sends a Bedrock API key instead.</summary>
    internal AwsCredentialsResolver? SigV4Credentials => (_authenticator as SigV4Authenticator)?.Credentials;

    /// <summary>Tokens left in this client's retry quota (null when it is off); for tests and diagnostics.</summary>
    internal int? RetryQuotaAvailable => _pipeline.QuotaAvailable;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is null, empty or too long, or the request cannot be serialized.</exception>
    /// <exception cref="BedrockServiceException">Bedrock answered with an error; the subclass names it.</exception>
    /// <exception cref="BedrockResponseException">The answer is not valid JSON or lacks output, stopReason or usage.</exception>
    /// <exception cref="BedrockResponseTooLargeException">The answer or error response is larger than <see cref="BedrockOptions.MaxResponseSize"/>; not retried.</exception>
    /// <exception cref="BedrockConfigurationException">No usable credentials.</exception>
    /// <exception cref="BedrockConnectionException">Bedrock could not be reached.</exception>
    /// <exception cref="BedrockTimeoutException">The call took longer than the time limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<ConverseResponse> ConverseAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default)
    {
        ValidateModelId(modelId);
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        byte[] body = Serialize(request);
        Uri uri = BedrockOperationUri.Converse(Endpoint, modelId);
        string invocationId = InvocationIds.Next();

        // Each attempt builds, signs (a fresh SigV4 date) and sends afresh.
        ConverseResponse response = await _pipeline.ExecuteAsync(
                (attempt, maxAttempts, attemptToken) => SendAttemptAsync(HttpMethod.Post, uri, body, invocationId, attempt, maxAttempts, ConverseResponseReader.Read, attemptToken),
                cancellationToken)
            .ConfigureAwait(false);
        EstimateCost(modelId, request, response.Usage);
        return response;
    }

    /// <summary>Disposes the client's own <see cref="HttpClient"/> (not a caller's); later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private async Task<T> SendAttemptAsync<T>(
        HttpMethod method,
        Uri uri,
        byte[] body,
        string invocationId,
        int attempt,
        int maxAttempts,
        Func<byte[], string?, T> readSuccess,
        CancellationToken cancellationToken)
    {
        // cancellationToken is the pipeline's: it carries the caller's token and both time limits.
        using var message = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            // The control plane's GETs (GetModelInvocationJob, ListModelInvocationJobs) carry no body.
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonContentType;
        }

        BedrockRequestHeaders.Apply(message, invocationId, attempt, maxAttempts);

        try
        {
            using HttpResponseMessage response = await SendAuthenticatedAsync(message, body, cancellationToken).ConfigureAwait(false);
            string? requestId = RequestIdOf(response);

            if (!response.IsSuccessStatusCode)
            {
                throw await ReadServiceErrorAsync(response, message, requestId, cancellationToken).ConfigureAwait(false);
            }

            byte[] responseBody = await ResponseBodyReader.ReadAsync(response, _maxResponseSize, requestId, cancellationToken).ConfigureAwait(false);
            return readSuccess(responseBody, requestId);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // The pipeline tells the caller's cancellation from its time limits by this token.
            throw e.CancellationToken == cancellationToken ? e : new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // HttpClient.Timeout of a caller-supplied client.
            throw new BedrockTimeoutException(TargetOf(uri).Server, _httpClient.Timeout, e);
        }
        catch (OperationCanceledException e)
        {
            (Uri server, string service) = TargetOf(uri);
            throw new BedrockConnectionException(server, $"The HTTP request to {service} at {server} was canceled by the HTTP stack, not by the caller.", e);
        }
        catch (HttpRequestException e)
        {
            (Uri server, string service) = TargetOf(uri);
            throw new BedrockConnectionException(server, $"Could not reach {service} at {server}: {e.Message}", e);
        }
        catch (IOException e)
        {
            (Uri server, string service) = TargetOf(uri);
            throw new BedrockConnectionException(server, $"The connection to {service} at {server} failed while reading the response: {e.Message}", e);
        }
    }

    /// <summary>
    /// Which Bedrock API a request was for, and its server, for connection errors: the runtime, knowledge-base and
    /// control-plane endpoints differ on AWS (by the operation's path, since an emulator serves all three on one host).
    /// </summary>
    private (Uri Server, string Service) TargetOf(Uri uri)
    {
        string path = uri.AbsolutePath;
        if (path.Contains("/knowledgebases/", StringComparison.OrdinalIgnoreCase) || path.Contains("/retrieveAndGenerate", StringComparison.OrdinalIgnoreCase))
        {
            return (new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), "Bedrock Knowledge Bases (bedrock-agent-runtime)");
        }

        return path.Contains("/model/", StringComparison.Ordinal)
            ? (Endpoint, "Bedrock Runtime")
            : (new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), "the Bedrock control plane");
    }

    /// <summary>
    /// Sends one attempt, authenticated. Through the client's own <see cref="HttpClient"/> and AddPromptGen's, the
    /// request leaves here without credentials and <see cref="RequestSigningHandler"/>, innermost, signs it; a caller's
    /// HttpClient gets it signed here (see the constructor). Every send path goes through this method.
    /// </summary>
    /// <exception cref="BedrockConfigurationException">No credentials, or the request went out unsigned.</exception>
    private async Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage message, byte[] body, CancellationToken cancellationToken)
    {
        var authentication = new RequestAuthentication(_authenticator, body);
        message.Options.Set(RequestAuthentication.Key, authentication);
        if (!_httpClientSigns)
        {
            await authentication.AuthenticateAsync(message, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!authentication.IsAuthenticated)
        {
            // Fails closed: nothing secret went out, but the answer is a refusal that would only confuse.
            response.Dispose();
            throw new BedrockConfigurationException(
                $"The request went out unsigned: PromptGen's signer is missing from the '{BedrockOptions.HttpClientName}' HttpClient. " +
                "Something replaced its primary handler after AddPromptGen() wrapped it, or the IHttpClientFactory does not run IHttpMessageHandlerBuilderFilters.");
        }

        return response;
    }

    private static void ValidateModelId(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (modelId.Length > MaxModelIdLength)
        {
            throw new ArgumentException($"A Bedrock model id is at most {MaxModelIdLength} characters; this one has {modelId.Length}.", nameof(modelId));
        }
    }

    private static byte[] Serialize(ConverseRequest request)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(request, BedrockJsonContext.Default.ConverseRequest);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or JsonException or ArgumentException)
        {
            // E.g. a default(JsonElement) in AdditionalModelRequestFields, or a NaN temperature.
            throw new ArgumentException($"The Converse request cannot be written as JSON: {e.Message}", nameof(request), e);
        }
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out System.Collections.Generic.IEnumerable<string>? values)
            ? string.Join(",", values)
            : null;

    private static HttpClient CreateOwnHttpClient() =>
        // The signer right in front of the transport, as AddPromptGen() sets up the factory's client.
        new(new RequestSigningHandler(new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes of the regional endpoint.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }))
        {
            // BedrockOptions.Timeout is enforced per call instead, so it can be told apart from cancellation.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// The typed error of a non-2xx answer (every operation's), its body read within the size bound, secrets of
    /// <paramref name="request"/> masked in the service's message, and its <c>Retry-After</c>.
    /// </summary>
    private async Task<BedrockServiceException> ReadServiceErrorAsync(HttpResponseMessage response, HttpRequestMessage request, string? requestId, CancellationToken cancellationToken)
    {
        byte[] errorBody = await ResponseBodyReader.ReadErrorAsync(response, _maxResponseSize, requestId, cancellationToken).ConfigureAwait(false);
        var error = BedrockErrorResponse.Parse(HeaderValue(response, BedrockRequestHeaders.ErrorType), errorBody, response.ReasonPhrase);
        BedrockServiceException serviceError = BedrockErrorFactory.Create(response.StatusCode, requestId, error, RequestSecretRedactor.ForRequest(request));
        serviceError.RetryAfter = RetryAfterHeader.Read(response, _timeProvider);
        return serviceError;
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        HeaderValue(response, BedrockRequestHeaders.RequestId) ?? HeaderValue(response, "x-amz-request-id");
}
