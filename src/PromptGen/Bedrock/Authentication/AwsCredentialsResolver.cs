using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock.Configuration;

namespace PromptGen.Bedrock.Authentication;

/// <summary>
/// Finds the SigV4 credentials: options.Credentials, else an explicit profile, else AWSSDK.Core's default chain
/// (environment keys, web identity, AWS_PROFILE or default profile including SSO, container, instance role).
/// The source is found once, at the first request, so building a client never touches the network or the home
/// directory; the credentials themselves are fetched from that source for every request, so refreshing
/// credentials (SSO, assume-role, instance roles) stay current.
/// </summary>
internal sealed class AwsCredentialsResolver
{
    private readonly AWSCredentials? _explicitCredentials;
    private readonly string? _explicitProfile;
    private readonly IAwsProfileSource _profiles;
    private readonly Func<CancellationToken, Task<AWSCredentials?>> _defaultChain;
    private readonly SemaphoreSlim _resolveOnce = new(1, 1);
    private AWSCredentials? _source;
    private string _sourceDescription = "";

    public AwsCredentialsResolver(
        AWSCredentials? explicitCredentials,
        string? explicitProfile,
        IAwsProfileSource profiles,
        Func<CancellationToken, Task<AWSCredentials?>> defaultChain)
    {
        _explicitCredentials = explicitCredentials;
        _explicitProfile = string.IsNullOrWhiteSpace(explicitProfile) ? null : explicitProfile.Trim();
        _profiles = profiles;
        _defaultChain = defaultChain;
    }

    /// <summary>AWSSDK.Core's default chain, bounded by the caller's token.</summary>
    public static async Task<AWSCredentials?> DefaultChainAsync(CancellationToken cancellationToken) =>
        await Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync()
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The credentials to sign the next request with.</summary>
    /// <exception cref="BedrockConfigurationException">No credentials are configured, or fetching them failed.</exception>
    public async ValueTask<ImmutableCredentials> GetCurrentAsync(CancellationToken cancellationToken)
    {
        AWSCredentials source = await GetSourceAsync(cancellationToken).ConfigureAwait(false);
        ImmutableCredentials? current;
        try
        {
            current = await source.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not BedrockException and not OutOfMemoryException)
        {
            throw new BedrockConfigurationException(
                $"Fetching AWS credentials from {_sourceDescription} failed ({SafeErrorText.Describe(e)}). " +
                "For an SSO profile, run 'aws sso login'; otherwise check the credentials configuration.");
        }

        if (current is null || string.IsNullOrEmpty(current.AccessKey) || string.IsNullOrEmpty(current.SecretKey))
        {
            throw new BedrockConfigurationException(
                $"The AWS credentials from {_sourceDescription} have no access key and secret key (anonymous credentials cannot sign requests).");
        }

        return current;
    }

    private async ValueTask<AWSCredentials> GetSourceAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _source) is { } known)
        {
            return known;
        }

        await _resolveOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A failed resolution is not cached: the next call tries again, e.g. after 'aws sso login'.
            if (_source is null)
            {
                AWSCredentials found = await FindSourceAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _source, found);
            }

            return _source!;
        }
        finally
        {
            _resolveOnce.Release();
        }
    }

    private async Task<AWSCredentials> FindSourceAsync(CancellationToken cancellationToken)
    {
        if (_explicitCredentials is not null)
        {
            _sourceDescription = "BedrockOptions.Credentials";
            return _explicitCredentials;
        }

        if (_explicitProfile is not null)
        {
            _sourceDescription = $"the AWS profile '{_explicitProfile}'";
            return _profiles.GetCredentials(_explicitProfile)
                ?? throw new BedrockConfigurationException(
                    $"The AWS profile '{_explicitProfile}' (BedrockOptions.Profile) was not found in ~/.aws/config or ~/.aws/credentials.");
        }

        _sourceDescription = "the AWS SDK default credential chain";
        AWSCredentials? fromChain;
        try
        {
            fromChain = await _defaultChain(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not BedrockException and not OutOfMemoryException)
        {
            throw NoCredentialsFound(SafeErrorText.Describe(e));
        }

        return fromChain ?? throw NoCredentialsFound(null);
    }

    private static BedrockConfigurationException NoCredentialsFound(string? details) =>
        new("No credentials for Bedrock were found. Provide one of: a Bedrock API key (BedrockOptions.BearerToken or the " +
            $"{AwsEnvironmentVariables.BedrockBearerToken} environment variable); BedrockOptions.Credentials; the AWS_ACCESS_KEY_ID and " +
            "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) environment variables; a profile in ~/.aws/credentials or ~/.aws/config chosen with " +
            "BedrockOptions.Profile or AWS_PROFILE (for SSO, run 'aws sso login'); or a container or instance role." +
            (details is null ? "" : " The AWS SDK reported: " + details));
}
