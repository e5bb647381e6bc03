using System;
using Amazon.Runtime;
using PromptGen.Bedrock;

namespace PromptGen.DependencyInjection;

/// <summary>
/// PromptGen's settings in an application using Microsoft.Extensions.DependencyInjection: bound from the
/// <c>"PromptGen"</c> configuration section by <c>services.AddPromptGen()</c>, then changed by the optional
/// configure callback (code wins). Anything left unset is resolved as <see cref="BedrockClientOptions"/> documents:
/// environment variables, then the shared AWS config files.
/// </summary>
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
    /// The name of the <see cref="System.Net.Http.HttpClient"/> the Bedrock client gets from
    /// <see cref="System.Net.Http.IHttpClientFactory"/>; add handlers to it with
    /// <c>services.AddHttpClient(BedrockOptions.HttpClientName)</c>.
    /// </summary>
    public const string HttpClientName = "PromptGen.Bedrock";

    private BedrockRetryOptions _retry = new();

    /// <summary>The AWS region, e.g. <c>us-east-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>A profile of the shared AWS config files, for the region and (unless <see cref="Credentials"/> is set) the credentials.</summary>
    public string? Profile { get; set; }

    /// <summary>A custom endpoint (VPC endpoint, proxy, local emulator), used as given.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A Bedrock API key, sent as <c>Authorization: Bearer</c> instead of SigV4. Keep it out of appsettings files: use a secret store or the <c>PromptGen__BearerToken</c> environment variable.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Use the FIPS endpoint.</summary>
    public bool UseFips { get; set; }

    /// <summary>Use the dual-stack endpoint.</summary>
    public bool UseDualStack { get; set; }

    /// <summary>
    /// Credentials that override every other source (set in code only; configuration cannot carry them). They are
    /// asked for fresh credentials on every request, so refreshing ones stay valid.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>
    /// The model (id, inference profile or ARN) used where a call names none: by <c>BedrockChatClient</c> when
    /// <c>ChatOptions.ModelId</c> is not set. Generated prompt clients always use their compiled-in model.
    /// </summary>
    public string? DefaultModel { get; set; }

    /// <summary>The limit for one call; see <see cref="BedrockClientOptions.Timeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = BedrockClientOptions.DefaultTimeout;

    /// <summary>Retries of throttled and transiently failed calls (AWS SDK standard mode); see <see cref="BedrockRetryOptions"/>.</summary>
    public BedrockRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Logs rendered prompts and raw model answers at <c>Trace</c> level. Off by default: they can hold personal
    /// data. Credentials and API keys are never logged either way.
    /// </summary>
    public bool EnableSensitiveData { get; set; }

    /// <summary>The client settings these options stand for, with <paramref name="timeProvider"/> as the clock.</summary>
    public BedrockClientOptions ToClientOptions(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var options = new BedrockClientOptions
        {
            Region = Region,
            Profile = Profile,
            Endpoint = Endpoint,
            BearerToken = BearerToken,
            UseFips = UseFips,
            UseDualStack = UseDualStack,
            Credentials = Credentials,
            Timeout = Timeout,
            TimeProvider = timeProvider,
            Retry = Retry,
        };
        return options;
    }
}
