using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace PromptGen;

/// <summary>
/// How PromptGen reaches Bedrock: region, endpoint, credentials, time limits and retries, for
/// <see cref="BedrockRuntimeClient"/> and for <c>services.AddPromptGen()</c>, which binds them from the
/// <c>"PromptGen"</c> configuration section before your configure callback runs (code wins). Everything is optional:
/// what is left out comes from the environment and the shared AWS config files, the way the AWS CLI and SDKs do it.
/// A client copies these values when it is constructed; changing the options afterwards has no effect on it.
/// </summary>
/// <remarks>
/// Resolution orders:
/// <list type="bullet">
/// <item>Region: <see cref="Region"/>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the <c>region</c> of the
/// profile (<see cref="Profile"/>, <c>AWS_PROFILE</c>, or <c>default</c>) in <c>~/.aws/config</c> or
/// <c>~/.aws/credentials</c>.</item>
/// <item>Endpoint: <see cref="Endpoint"/>, <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c>, <c>AWS_ENDPOINT_URL</c> (both
/// ignored when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), then built from the region, FIPS and dual-stack.</item>
/// <item>Authentication: <see cref="BearerToken"/>; SigV4 with <see cref="Credentials"/> or the credentials of an
/// explicit <see cref="Profile"/>; <c>AWS_BEARER_TOKEN_BEDROCK</c>; then SigV4 with the AWS SDK's default chain
/// (environment keys, web identity, <c>AWS_PROFILE</c>/<c>default</c> profile including SSO, container, instance role).</item>
/// </list>
/// </remarks>
/// <example>
/// <code>
/// "PromptGen": {
///   "Region": "eu-central-1",
///   "Profile": "prompts",
///   "Timeout": "00:02:00",
///   "MaxResponseSize": 67108864,
///   "DefaultModel": "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
///   "Retry": { "MaxAttempts": 5 }
/// }
/// </code>
/// </example>
public sealed class BedrockOptions
{
    /// <summary>The configuration section <c>AddPromptGen()</c> reads: <c>"PromptGen"</c>.</summary>
    public const string SectionName = "PromptGen";

    /// <summary>
    /// The name of the <see cref="System.Net.Http.HttpClient"/> the client gets from
    /// <see cref="System.Net.Http.IHttpClientFactory"/> with <c>AddPromptGen()</c>; add handlers to it with
    /// <c>services.AddHttpClient(BedrockOptions.HttpClientName)</c>. Requests are signed in front of its primary
    /// handler, after every handler and logger of that client, so none of them sees a credential.
    /// </summary>
    public const string HttpClientName = "PromptGen.Bedrock";

    /// <summary>
    /// Five minutes: a non-streaming Converse call returns nothing until the whole answer exists, and a large model
    /// writing a few thousand tokens can legitimately take minutes, so HttpClient's 100 s default would cut real
    /// answers off; a dead connection still surfaces in bounded time.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Five minutes: how long a stream may go without an event before it is given up. Long enough for a model to
    /// read a very long prompt before its first token, and no shorter than the stall limit streams had before
    /// <see cref="StreamTimeout"/> existed (it was <see cref="Timeout"/>).
    /// </summary>
    public static readonly TimeSpan DefaultStreamIdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// 32 MiB: a Converse answer is text and tool input of at most the model's output tokens (well under 1 MiB for
    /// every model in the catalog), so this leaves a wide margin while a broken or hostile endpoint can no longer
    /// make a call buffer hundreds of megabytes.
    /// </summary>
    public const long DefaultMaxResponseSize = 32 * 1024 * 1024;

    private BedrockRetryOptions _retry = new();

    /// <summary>The AWS region, e.g. <c>us-east-1</c>. SigV4 needs one even with a custom <see cref="Endpoint"/>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// A custom endpoint (a VPC endpoint, a proxy, a local emulator), used exactly as given; the operation path is
    /// appended to it. Cannot be combined with <see cref="UseFips"/> or <see cref="UseDualStack"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// A custom endpoint for the Knowledge Bases runtime (<c>Retrieve</c>, <c>RetrieveAndGenerate</c>). When null:
    /// <c>AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME</c>, then <see cref="Endpoint"/> (an emulator serves both services),
    /// then <c>AWS_ENDPOINT_URL</c>, then the regional <c>https://bedrock-agent-runtime.{region}.amazonaws.com/</c>.
    /// </summary>
    public Uri? KnowledgeBaseEndpoint { get; set; }

    /// <summary>
    /// Knowledge base ids by the id or name a prompt declares (<see cref="RetrieveAttribute"/>) or a caller passes to
    /// <see cref="BedrockRuntimeClient.RetrieveAsync"/>: a Retrieve, RetrieveAndGenerate or RetrieveAndGenerateStream for a key goes to its value instead. So one prompt interface reads the
    /// emulator's knowledge base in tests and a real one in production by configuration alone
    /// (<c>"PromptGen": { "KnowledgeBaseIds": { "KBDOCS0001": "ABCDEFGHIJ" } }</c>). Keys match exactly; an id that is
    /// not a key is sent as it is.
    /// </summary>
    public IDictionary<string, string> KnowledgeBaseIds { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// SigV4 credentials that override every other source: for explicit keys,
    /// <see cref="BedrockCredentials.FromAccessKey"/>; any AWS SDK credentials object works too (assumed roles,
    /// refreshing ones: fresh credentials are asked for on every request). Set in code only; configuration cannot
    /// carry them.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>A profile of the shared AWS config files, used for the region and (unless <see cref="Credentials"/> is set) the credentials.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// A Bedrock API key, sent as <c>Authorization: Bearer</c> instead of signing with SigV4. Keep it out of
    /// appsettings files: use a secret store or the <c>PromptGen__BearerToken</c> environment variable.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Use the FIPS endpoint <c>bedrock-runtime-fips.{region}</c>.</summary>
    public bool UseFips { get; set; }

    /// <summary>Use the dual-stack (IPv4 and IPv6) endpoint.</summary>
    public bool UseDualStack { get; set; }

    /// <summary>
    /// The limit for one call, from signing the first attempt to the last byte of the response, retries and
    /// back-off included (see <see cref="BedrockRetryOptions.AttemptTimeout"/> for one attempt); exceeding it raises
    /// <see cref="BedrockTimeoutException"/>. A stream (<c>ConverseStream</c>) is bounded the same way, to its last
    /// event, unless <see cref="StreamTimeout"/> says otherwise. Defaults to <see cref="DefaultTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off. A caller-supplied
    /// <see cref="System.Net.Http.HttpClient"/> keeps its own <see cref="System.Net.Http.HttpClient.Timeout"/> too;
    /// the shorter one wins.
    /// </summary>
    /// <remarks>A client refuses a zero or negative timeout with <see cref="BedrockConfigurationException"/>.</remarks>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// The limit for a whole stream, from the call to its last event, time spent by the caller between events
    /// included; exceeding it raises <see cref="BedrockTimeoutException"/>. Null (the default) means
    /// <see cref="Timeout"/>. Set <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for long generations that may
    /// stream for longer than any fixed limit: the stream then runs as long as events keep coming, each within
    /// <see cref="StreamIdleTimeout"/>. Opening the stream (sending, retries, the response headers) stays within
    /// <see cref="Timeout"/> either way.
    /// </summary>
    /// <remarks>A client refuses a zero or negative value with <see cref="BedrockConfigurationException"/>.</remarks>
    public TimeSpan? StreamTimeout { get; set; }

    /// <summary>
    /// The longest a stream may wait for its next event (an idle limit: it runs only while the client waits for an
    /// event, not while the caller handles one), whatever its overall limit; exceeding it raises
    /// <see cref="BedrockTimeoutException"/>. It catches a stalled connection
    /// when <see cref="StreamTimeout"/> is off or long. Defaults to <see cref="DefaultStreamIdleTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    /// <remarks>A client refuses a zero or negative value with <see cref="BedrockConfigurationException"/>.</remarks>
    public TimeSpan StreamIdleTimeout { get; set; } = DefaultStreamIdleTimeout;

    /// <summary>
    /// The largest response body, in bytes, the client reads into memory: a Converse answer, or an error response of
    /// either operation. A larger one (by its <c>Content-Length</c>, or counted as it arrives) raises
    /// <see cref="BedrockResponseTooLargeException"/> and is not retried; of an error body only the first 64 KiB are
    /// kept, and exceptions quote at most 2,048 characters of a service message. A stream is not bounded as a whole
    /// (it is read one event at a time), but each of its events is, by this limit and by 16 MiB.
    /// Defaults to <see cref="DefaultMaxResponseSize"/>.
    /// </summary>
    /// <remarks>
    /// A client refuses a value below 1 or above <see cref="Array.MaxLength"/> (about 2 GiB) with
    /// <see cref="BedrockConfigurationException"/>.
    /// </remarks>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>Retries of throttled and transiently failed calls (AWS SDK standard mode: 3 attempts by default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public BedrockRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The clock for SigV4 signing times, <c>Retry-After</c> dates and the time limits (<see cref="Timeout"/>,
    /// <see cref="StreamTimeout"/>, <see cref="StreamIdleTimeout"/>, back-off); null means the system clock, or with
    /// <c>AddPromptGen()</c> the <see cref="System.TimeProvider"/> registered in the container.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// The model (id, inference profile or ARN) used where a call names none: by <c>BedrockChatClient</c> when
    /// <c>ChatOptions.ModelId</c> is not set. Generated prompt clients always use their compiled-in model.
    /// </summary>
    public string? DefaultModel { get; set; }

    /// <summary>
    /// Logs rendered prompts and raw model answers at <c>Trace</c> level. Off by default: they can hold personal
    /// data. Credentials and API keys are never logged either way.
    /// </summary>
    public bool EnableSensitiveData { get; set; }

    /// <summary>
    /// Model catalog files (a project's <c>promptgen.models.json</c>, shape <c>models.schema.json</c>) whose prices are
    /// laid over the built-in catalog's, model by model, for <see cref="TokenUsage.EstimatedCostUsd"/>; the same files
    /// the analyzers read. Read when the client is created; a file that cannot be read or whose prices are not usable
    /// is a <see cref="BedrockConfigurationException"/> then. From configuration: <c>"PromptGen": { "ModelCatalogFiles":
    /// ["promptgen.models.json"] }</c> (keys <c>PromptGen:ModelCatalogFiles:0</c>, <c>:1</c>, … in index order), which
    /// replaces the list.
    /// </summary>
    public IList<string> ModelCatalogFiles { get; set; } = new List<string>();
}
