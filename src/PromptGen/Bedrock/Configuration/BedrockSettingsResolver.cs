using System;

namespace PromptGen.Bedrock.Configuration;

/// <summary>
/// Combines <see cref="BedrockOptions"/>, environment variables and the shared AWS config into
/// <see cref="BedrockClientSettings"/>. The environment arrives as a lookup function and the config files as an
/// <see cref="IAwsProfileSource"/>, so every step of the order can be tested without touching the process.
/// Credentials are not resolved here: that happens lazily, at the first request.
/// </summary>
internal sealed partial class BedrockSettingsResolver
{
    private const string DefaultProfileName = "default";

    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly IAwsProfileSource _profiles;

    public BedrockSettingsResolver(Func<string, string?> getEnvironmentVariable, IAwsProfileSource? profiles = null)
    {
        _getEnvironmentVariable = getEnvironmentVariable ?? throw new ArgumentNullException(nameof(getEnvironmentVariable));
        _profiles = profiles ?? SharedConfigProfileSource.Default;
    }

    /// <exception cref="BedrockConfigurationException">The settings are missing or contradict each other.</exception>
    public BedrockClientSettings Resolve(BedrockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? bearerToken = ResolveBearerToken(options);
        string? region = ResolveRegion(options);
        Uri endpoint = ResolveEndpoint(options, region);

        // A custom endpoint removes the need for a region to build the URL, but SigV4 still puts the region in
        // its credential scope. Only bearer authentication can do without one; we do not guess us-east-1,
        // because a wrong guess would surface much later as a signature error.
        if (region is null && bearerToken is null)
        {
            throw MissingRegion(options, "to sign requests with SigV4 (the region is part of the signature, even with a custom endpoint)");
        }

        return new BedrockClientSettings(endpoint, region, bearerToken);
    }

    /// <summary>options.Region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's region; null when none is set.</summary>
    public string? ResolveRegion(BedrockOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            return ValidRegion(options.Region.Trim(), "BedrockOptions.Region");
        }

        foreach (string variable in new[] { AwsEnvironmentVariables.Region, AwsEnvironmentVariables.DefaultRegion })
        {
            if (Variable(variable) is { } fromEnvironment)
            {
                return ValidRegion(fromEnvironment, "the " + variable + " environment variable");
            }
        }

        string profileName = ProfileName(options);
        string? fromProfile = _profiles.GetRegion(profileName)?.Trim();
        return string.IsNullOrEmpty(fromProfile) ? null : ValidRegion(fromProfile, $"the AWS profile '{profileName}'");
    }

    /// <summary>
    /// options.Endpoint, AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL (the two variables unless
    /// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), then the regional endpoint.
    /// </summary>
    public Uri ResolveEndpoint(BedrockOptions options, string? region)
    {
        (Uri? custom, string source) = FindCustomEndpoint(options);
        if (custom is not null)
        {
            if (options.UseFips || options.UseDualStack)
            {
                throw new BedrockConfigurationException(
                    $"A custom endpoint ({source}) cannot be combined with {(options.UseFips ? "UseFips" : "UseDualStack")}: a custom endpoint is used exactly as given. " +
                    "Either remove the custom endpoint or turn off UseFips and UseDualStack.");
            }

            return custom;
        }

        if (region is null)
        {
            throw MissingRegion(options, "to build the endpoint URL");
        }

        return BedrockEndpointBuilder.Build(region, options.UseFips, options.UseDualStack);
    }

    /// <summary>
    /// options.BearerToken, then AWS_BEARER_TOKEN_BEDROCK; null means SigV4. Credentials or a profile set
    /// explicitly in the options win over the environment variable: what the code says beats what the machine has.
    /// </summary>
    public string? ResolveBearerToken(BedrockOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.BearerToken))
        {
            return ValidBearerToken(options.BearerToken.Trim(), "BedrockOptions.BearerToken");
        }

        if (options.Credentials is not null || !string.IsNullOrWhiteSpace(options.Profile))
        {
            return null;
        }

        return Variable(AwsEnvironmentVariables.BedrockBearerToken) is { } fromEnvironment
            ? ValidBearerToken(fromEnvironment, "the " + AwsEnvironmentVariables.BedrockBearerToken + " environment variable")
            : null;
    }

    /// <summary>options.Profile, AWS_PROFILE, then "default".</summary>
    public string ProfileName(BedrockOptions options) =>
        !string.IsNullOrWhiteSpace(options.Profile) ? options.Profile.Trim()
        : Variable(AwsEnvironmentVariables.Profile) ?? DefaultProfileName;

    private (Uri? Endpoint, string Source) FindCustomEndpoint(BedrockOptions options)
    {
        if (options.Endpoint is not null)
        {
            return (ValidEndpoint(options.Endpoint, "BedrockOptions.Endpoint"), "BedrockOptions.Endpoint");
        }

        if (string.Equals(Variable(AwsEnvironmentVariables.IgnoreConfiguredEndpoints), "true", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "");
        }

        foreach (string variable in new[] { AwsEnvironmentVariables.BedrockRuntimeEndpoint, AwsEnvironmentVariables.Endpoint })
        {
            if (Variable(variable) is { } value)
            {
                string source = "the " + variable + " environment variable";
                if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? parsed))
                {
                    throw new BedrockConfigurationException($"{Capitalize(source)} is not an absolute URL: '{value}'.");
                }

                return (ValidEndpoint(parsed, source), source);
            }
        }

        return (null, "");
    }

    private static Uri ValidEndpoint(Uri endpoint, string source)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new BedrockConfigurationException($"The endpoint from {source} must be an absolute http or https URL, like https://bedrock-runtime.us-east-1.amazonaws.com.");
        }

        // The endpoint appears in exception messages; a password in it must not.
        if (endpoint.UserInfo.Length > 0)
        {
            throw new BedrockConfigurationException($"The endpoint from {source} contains user information (user:password@); authenticate with credentials or a bearer token instead.");
        }

        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            throw new BedrockConfigurationException($"The endpoint from {source} must not have a query or fragment: the operation path is appended to it.");
        }

        return endpoint;
    }

    private static string ValidRegion(string region, string source)
    {
        // The region becomes part of a host name, so it must be a plain DNS label.
        bool valid = region.Length is > 0 and <= 63 && region[0] != '-' && region[^1] != '-';
        foreach (char c in region)
        {
            valid &= c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';
        }

        return valid
            ? region
            : throw new BedrockConfigurationException($"The region '{region}' from {source} is not an AWS region name (lower-case letters, digits and hyphens, like us-east-1).");
    }

    private static string ValidBearerToken(string token, string source)
    {
        foreach (char c in token)
        {
            if (c is < '!' or > '~')
            {
                throw new BedrockConfigurationException(
                    $"The Bedrock API key from {source} contains whitespace or characters that cannot be sent in an HTTP header. (The key is not shown here.)");
            }
        }

        return token;
    }

    private BedrockConfigurationException MissingRegion(BedrockOptions options, string purpose) =>
        new($"Missing Region: Bedrock Runtime needs an AWS region {purpose}. Set BedrockOptions.Region, " +
            $"the {AwsEnvironmentVariables.Region} environment variable, or 'region' in the AWS profile '{ProfileName(options)}' (~/.aws/config).");

    private string? Variable(string name)
    {
        string? value = _getEnvironmentVariable(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
