using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Batch;

/// <summary>
/// The Bedrock control plane's batch inference operations (<c>CreateModelInvocationJob</c>,
/// <c>GetModelInvocationJob</c>, <c>ListModelInvocationJobs</c>, <c>StopModelInvocationJob</c>; service
/// <c>bedrock</c>, REST-JSON, SigV4), sent through a <see cref="BedrockRuntimeClient"/>'s signer, retries, error
/// reading and telemetry. Errors are the runtime client's: <see cref="BedrockServiceException"/> subclasses named
/// after the service's code, <see cref="BedrockConnectionException"/>, <see cref="BedrockTimeoutException"/>.
/// Source: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelInvocationJob.html
/// </summary>
public sealed class BedrockBatchClient
{
    private readonly BedrockRuntimeClient _runtime;

    /// <summary>Creates a control-plane client that sends through <paramref name="runtime"/>.</summary>
    /// <param name="runtime">The runtime client whose credentials, region, retries and HTTP client are used.</param>
    /// <param name="endpoint">
    /// The control-plane endpoint. Null derives it from the runtime's: <c>https://bedrock-runtime.{region}...</c>
    /// becomes <c>https://bedrock.{region}...</c>; any other endpoint (an emulator, a VPC endpoint) is used as it is.
    /// </param>
    public BedrockBatchClient(BedrockRuntimeClient runtime, Uri? endpoint = null)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        Endpoint = endpoint ?? ControlPlaneEndpoint(runtime.Endpoint);
    }

    /// <summary>The control-plane endpoint calls go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Creates a batch inference job; with the same <see cref="CreateModelInvocationJobRequest.ClientRequestToken"/> again, returns the first job's ARN.</summary>
    /// <param name="request">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job's ARN.</returns>
    public Task<string> CreateModelInvocationJobAsync(CreateModelInvocationJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = ControlPlaneJson.WriteCreate(request);
        return _runtime.SendControlPlaneAsync(HttpMethod.Post, Operation("model-invocation-job"), body, ControlPlaneJson.ReadJobArn, cancellationToken);
    }

    /// <summary>Describes a job.</summary>
    /// <param name="jobIdentifier">The job's ARN (or id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ModelInvocationJob> GetModelInvocationJobAsync(string jobIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobIdentifier);
        return _runtime.SendControlPlaneAsync(HttpMethod.Get, Operation("model-invocation-job/" + Uri.EscapeDataString(jobIdentifier)), null, ControlPlaneJson.ReadJob, cancellationToken);
    }

    /// <summary>Lists jobs, newest first, one page at a time.</summary>
    /// <param name="nameContains">Only jobs whose name contains this; null for all.</param>
    /// <param name="statusEquals">Only jobs in this state; null for all.</param>
    /// <param name="maxResults">Page size (1 to 1000); null for the service's default.</param>
    /// <param name="nextToken">The previous page's <see cref="ModelInvocationJobPage.NextToken"/>; null for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ModelInvocationJobPage> ListModelInvocationJobsAsync(
        string? nameContains = null, string? statusEquals = null, int? maxResults = null, string? nextToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        Add(query, "nameContains", nameContains);
        Add(query, "statusEquals", statusEquals);
        Add(query, "maxResults", maxResults?.ToString(CultureInfo.InvariantCulture));
        Add(query, "nextToken", nextToken);
        string path = "model-invocation-jobs" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
        return _runtime.SendControlPlaneAsync(HttpMethod.Get, Operation(path), null, ControlPlaneJson.ReadPage, cancellationToken);
    }

    /// <summary>Stops a job; records already processed keep their output.</summary>
    /// <param name="jobIdentifier">The job's ARN (or id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task StopModelInvocationJobAsync(string jobIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobIdentifier);
        return _runtime.SendControlPlaneAsync(
            HttpMethod.Post, Operation("model-invocation-job/" + Uri.EscapeDataString(jobIdentifier) + "/stop"), Array.Empty<byte>(), static (_, _) => true, cancellationToken);
    }

    /// <summary>The control plane's host is the runtime's without <c>-runtime</c> (bedrock.us-east-1.amazonaws.com).</summary>
    internal static Uri ControlPlaneEndpoint(Uri runtimeEndpoint)
    {
        string host = runtimeEndpoint.Host;
        if (!host.StartsWith("bedrock-runtime", StringComparison.OrdinalIgnoreCase))
        {
            return runtimeEndpoint;
        }

        var builder = new UriBuilder(runtimeEndpoint) { Host = "bedrock" + host["bedrock-runtime".Length..] };
        return builder.Uri;
    }

    private Uri Operation(string pathAndQuery)
    {
        string basePath = Endpoint.AbsoluteUri.EndsWith('/') ? Endpoint.AbsoluteUri : Endpoint.AbsoluteUri + "/";
        return new Uri(basePath + pathAndQuery, UriKind.Absolute);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
