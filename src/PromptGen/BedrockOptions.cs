using System;
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

    private BedrockRetryOptions _retry = new();

    /// <summary>The AWS region, e.g. <c>us-east-1</c>. SigV4 needs one even with a custom <see cref="Endpoint"/>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// A custom endpoint (a VPC endpoint, a proxy, a local emulator), used exactly as given; the operation path is
    /// appended to it. Cannot be combined with <see cref="UseFips"/> or <see cref="UseDualStack"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

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
    /// <see cref="BedrockTimeoutException"/>. For a stream, the limit for the response headers and then for each
    /// wait for the next event. Defaults to <see cref="DefaultTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off. A caller-supplied
    /// <see cref="System.Net.Http.HttpClient"/> keeps its own <see cref="System.Net.Http.HttpClient.Timeout"/> too;
    /// the shorter one wins.
    /// </summary>
    /// <remarks>A client refuses a zero or negative timeout with <see cref="BedrockConfigurationException"/>.</remarks>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retries of throttled and transiently failed calls (AWS SDK standard mode: 3 attempts by default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public BedrockRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The clock for SigV4 signing times and for <see cref="Timeout"/>; null means the system clock, or with
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
}
