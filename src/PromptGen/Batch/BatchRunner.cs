using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PromptGen.Batch;

/// <summary>
/// Runs one prompt method over many inputs and returns each input's typed result as it becomes available. One API, two
/// engines: Bedrock batch jobs (JSONL streamed to S3, split at the quotas, created idempotently, polled with backoff,
/// output read as it appears, stopped on cancellation) and on demand (Converse with bounded concurrency through the
/// runtime client's retries), chosen by <see cref="BatchRunOptions.Engine"/> and the number of inputs.
/// </summary>
/// <remarks>
/// Results come in the order they complete, each carrying its input's <see cref="BatchRecordResult{TResult}.Index"/>;
/// every input gets exactly one result (a value or a <see cref="BatchRecordError"/>). Canceling the enumeration's token
/// stops the run's jobs that are still running (<c>StopModelInvocationJob</c>) and yields nothing more; leaving the
/// enumeration without canceling leaves them running, for <see cref="ResumeAsync"/>. Errors that concern the run
/// rather than a record (S3 refuses the upload, the control plane refuses the job) end the enumeration with their
/// exception; jobs already created keep running and can be resumed.
/// </remarks>
public sealed class BatchRunner : IDisposable
{
    private readonly BedrockRuntimeClient _runtime;
    private readonly BedrockBatchClient _jobs;
    private readonly IAmazonS3 _s3;
    private readonly BatchRunOptions _options;
    private readonly ILogger _logger;
    private readonly bool _ownsS3;

    /// <summary>
    /// Creates a runner whose S3 client is made from <paramref name="runtime"/>'s: the same credentials and region
    /// (for a local endpoint such as the emulator, the same endpoint), disposed with the runner.
    /// </summary>
    /// <param name="runtime">Sends the on-demand calls and the job calls, and lends its credentials and region to S3.</param>
    /// <param name="options">Bucket, role, quotas and engine.</param>
    /// <exception cref="ArgumentException">The options lack a bucket or role, or a number is out of range.</exception>
    /// <exception cref="BedrockConfigurationException"><paramref name="runtime"/> uses a Bedrock API key, which cannot sign S3 requests.</exception>
    public BatchRunner(BedrockRuntimeClient runtime, BatchRunOptions options)
        : this(runtime, BatchS3Client.For(runtime ?? throw new ArgumentNullException(nameof(runtime))), options)
    {
        _ownsS3 = true;
    }

    /// <summary>Creates a runner.</summary>
    /// <param name="runtime">Sends the on-demand calls and (through <see cref="BedrockBatchClient"/>) the job calls.</param>
    /// <param name="s3">The S3 client for the files (for an emulator: <c>ForcePathStyle</c> and <c>ServiceURL</c>).</param>
    /// <param name="options">Bucket, role, quotas and engine.</param>
    /// <param name="controlPlane">The control-plane client; null for one over <paramref name="runtime"/>.</param>
    /// <exception cref="ArgumentException">The options lack a bucket or role, or a number is out of range.</exception>
    public BatchRunner(BedrockRuntimeClient runtime, IAmazonS3 s3, BatchRunOptions options, BedrockBatchClient? controlPlane = null)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Validate(options);
        _jobs = controlPlane ?? new BedrockBatchClient(runtime);
        _logger = options.Logger ?? NullLogger.Instance;
    }

    /// <summary>Runs <paramref name="prompt"/> over <paramref name="inputs"/>.</summary>
    /// <param name="prompt">The method, from the generated client: <c>IMyPrompts.Batch.MethodName</c>.</param>
    /// <param name="inputs">The inputs, read once, as the run goes (never all at once).</param>
    /// <param name="progress">Receives the counts and the jobs' states; null for none.</param>
    /// <param name="cancellationToken">Stops the run and its jobs.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Both overloads are new together; inputs in memory and streamed inputs read alike.")]
    public IAsyncEnumerable<BatchRecordResult<TResult>> RunAsync<TInput, TResult>(
        BatchPrompt<TInput, TResult> prompt, IEnumerable<TInput> inputs, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunAsync(prompt, ToAsync(inputs), progress, cancellationToken);
    }

    /// <summary>Runs <paramref name="prompt"/> over <paramref name="inputs"/>.</summary>
    /// <param name="prompt">The method, from the generated client: <c>IMyPrompts.Batch.MethodName</c>.</param>
    /// <param name="inputs">The inputs, read once, as the run goes (never all at once).</param>
    /// <param name="progress">Receives the counts and the jobs' states; null for none.</param>
    /// <param name="cancellationToken">Stops the run and its jobs.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Both overloads are new together; inputs in memory and streamed inputs read alike.")]
    public IAsyncEnumerable<BatchRecordResult<TResult>> RunAsync<TInput, TResult>(
        BatchPrompt<TInput, TResult> prompt, IAsyncEnumerable<TInput> inputs, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(inputs);
        var run = new BatchRun<TInput, TResult>(this, prompt, progress, _options.RunId ?? Guid.NewGuid().ToString("N"));
        return Drain(run, token => run.ProduceAsync(inputs, token), cancellationToken);
    }

    /// <summary>
    /// Picks up jobs created earlier (by this process or one that ended) and returns every record's result once:
    /// what their output holds, and errors for records that have none when they end.
    /// </summary>
    /// <param name="prompt">The method the jobs ran.</param>
    /// <param name="jobArns">The jobs, as <see cref="BatchProgress.Jobs"/> reported them.</param>
    /// <param name="progress">Receives the counts and the jobs' states; null for none.</param>
    /// <param name="cancellationToken">Stops the jobs.</param>
    public IAsyncEnumerable<BatchRecordResult<TResult>> ResumeAsync<TInput, TResult>(
        BatchPrompt<TInput, TResult> prompt, IEnumerable<string> jobArns, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(jobArns);
        var run = new BatchRun<TInput, TResult>(this, prompt, progress, "resumed");
        var arns = new List<string>(jobArns);
        return Drain(run, token => run.ResumeAsync(arns, token), cancellationToken);
    }

    internal BedrockRuntimeClient Runtime => _runtime;

    internal BedrockBatchClient Jobs => _jobs;

    internal IAmazonS3 S3 => _s3;

    internal BatchRunOptions Options => _options;

    internal ILogger Logger => _logger;

    /// <summary>Disposes the S3 client the runner made for itself; one passed in is the caller's to dispose.</summary>
    public void Dispose()
    {
        if (_ownsS3)
        {
            _s3.Dispose();
        }
    }

    private static async IAsyncEnumerable<BatchRecordResult<TResult>> Drain<TInput, TResult>(
        BatchRun<TInput, TResult> run, Func<CancellationToken, Task> produce, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CallerToken = cancellationToken;
        Task producer = Task.Run(async () =>
        {
            try
            {
                await produce(stop.Token).ConfigureAwait(false);
                run.Results.Writer.TryComplete();
            }
            catch (Exception e)
            {
                run.Results.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        try
        {
            while (await run.Results.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (run.Results.Reader.TryRead(out BatchRecordResult<TResult>? result))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return result;
                }
            }
        }
        finally
        {
            // Canceled: the producer stops its jobs before the enumeration ends. Abandoned (the consumer stopped
            // early without canceling, as a process that ends does): the jobs keep running, to be resumed.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static void Validate(BatchRunOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new ArgumentException("BatchRunOptions.Bucket is required: the batch files go there.", nameof(options));
        }

        if (options.Engine != BatchEngine.OnDemand && string.IsNullOrWhiteSpace(options.RoleArn))
        {
            throw new ArgumentException("BatchRunOptions.RoleArn is required for batch jobs: the service role Bedrock assumes to read and write the bucket.", nameof(options));
        }

        BatchQuotas q = options.Quotas ?? throw new ArgumentException("BatchRunOptions.Quotas cannot be null.", nameof(options));
        if (q.MinRecordsPerJob < 1 || q.MaxRecordsPerFile < 1 || q.MaxRecordsPerJob < q.MinRecordsPerJob || q.MaxFileBytes < 1 || q.MaxJobBytes < 1)
        {
            throw new ArgumentException("BatchRunOptions.Quotas: every quota must be positive and MaxRecordsPerJob at least MinRecordsPerJob.", nameof(options));
        }

        if (options.MaxConcurrency < 1 || options.PollInterval <= TimeSpan.Zero || options.MaxPollInterval < options.PollInterval)
        {
            throw new ArgumentException("BatchRunOptions: MaxConcurrency must be positive, PollInterval positive and MaxPollInterval at least PollInterval.", nameof(options));
        }

        if (options.RunId is { } runId && (runId.Length is 0 or > 100 || !IsTokenText(runId)))
        {
            throw new ArgumentException("BatchRunOptions.RunId: letters, digits and '-' only, at most 100 characters (it becomes part of the client request token).", nameof(options));
        }
    }

    private static bool IsTokenText(string text)
    {
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return char.IsAsciiLetterOrDigit(text[0]);
    }
}
