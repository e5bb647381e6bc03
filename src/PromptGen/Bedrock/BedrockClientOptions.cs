using System;
using Amazon.Runtime;

namespace PromptGen.Bedrock;

/// <summary>
/// How a <see cref="BedrockRuntimeClient"/> finds and authenticates to Bedrock Runtime. Everything is optional:
/// what is left out comes from the environment and the shared AWS config files, the way the AWS CLI and SDKs do
/// it. The client copies these values when it is constructed; changing the options afterwards has no effect.
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
public sealed class BedrockClientOptions
{
    /// <summary>
    /// Five minutes: a non-streaming Converse call returns nothing until the whole answer exists, and a large model
    /// writing a few thousand tokens can legitimately take minutes, so HttpClient's 100 s default would cut real
    /// answers off; a dead connection still surfaces in bounded time.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private TimeProvider _timeProvider = TimeProvider.System;
    private TimeSpan _timeout = DefaultTimeout;
    private BedrockRetryOptions _retry = new();

    /// <summary>The AWS region, e.g. <c>us-east-1</c>. SigV4 needs one even with a custom <see cref="Endpoint"/>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// A custom endpoint (a VPC endpoint, a proxy, a local emulator), used exactly as given; the operation path is
    /// appended to it. Cannot be combined with <see cref="UseFips"/> or <see cref="UseDualStack"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>SigV4 credentials. They are asked for fresh credentials on every request, so refreshing ones stay valid.</summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>A profile of the shared AWS config files, used for the region and (unless other credentials are given) the credentials.</summary>
    public string? Profile { get; set; }

    /// <summary>A Bedrock API key, sent as <c>Authorization: Bearer</c> instead of signing with SigV4.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Use the FIPS endpoint <c>bedrock-runtime-fips.{region}</c>.</summary>
    public bool UseFips { get; set; }

    /// <summary>Use the dual-stack (IPv4 and IPv6) endpoint.</summary>
    public bool UseDualStack { get; set; }

    /// <summary>The clock for SigV4 signing times and for <see cref="Timeout"/>. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The limit for one call, from signing the first attempt to the last byte of the response, retries and
    /// back-off included (see <see cref="BedrockRetryOptions.AttemptTimeout"/> for one attempt); exceeding it raises
    /// <see cref="BedrockTimeoutException"/>. Defaults to <see cref="DefaultTimeout"/>;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off. A caller-supplied
    /// <see cref="System.Net.Http.HttpClient"/> keeps its own <see cref="System.Net.Http.HttpClient.Timeout"/> too; the
    /// shorter one wins.
    /// </summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>Retries of throttled and transiently failed calls (AWS SDK standard mode: 3 attempts by default).</summary>
    public BedrockRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }
}
