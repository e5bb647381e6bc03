using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amazon.S3.Model;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Http;

namespace PromptGen.Batch;

/// <summary>One run of <see cref="BatchRunner"/>: the inputs' way to JSONL and jobs (or on-demand calls), and the results' way back.</summary>
internal sealed class BatchRun<TInput, TResult>
{
    private readonly BatchRunner _runner;
    private readonly BatchPrompt<TInput, TResult> _prompt;
    private readonly IProgress<BatchProgress>? _progress;
    private readonly string _runId;
    private readonly List<TrackedJob> _jobs = new();
    private readonly List<Task> _repairs = new();
    private SemaphoreSlim? _repairSlots;
    private long _submitted;
    private long _completed;
    private long _failed;
    private int _engineFlags;

    public BatchRun(BatchRunner runner, BatchPrompt<TInput, TResult> prompt, IProgress<BatchProgress>? progress, string runId)
    {
        _runner = runner;
        _prompt = prompt;
        _progress = progress;
        _runId = runId;
    }

    /// <summary>Bounded, so a consumer slower than the output stops the readers instead of filling memory.</summary>
    public Channel<BatchRecordResult<TResult>> Results { get; } = Channel.CreateBounded<BatchRecordResult<TResult>>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private BatchRunOptions Options => _runner.Options;

    /// <summary>The consumer's token: only its cancellation stops the jobs (not a consumer that just stops reading).</summary>
    public CancellationToken CallerToken { get; set; }

    public async Task ProduceAsync(IAsyncEnumerable<TInput> inputs, CancellationToken cancellationToken)
    {
        BatchQuotas quotas = Options.Quotas;
        IAsyncEnumerator<TInput> source = inputs.GetAsyncEnumerator(cancellationToken);
        try
        {
            var lookahead = new List<TInput>();
            bool more = await FillAsync(source, lookahead, quotas.MinRecordsPerJob).ConfigureAwait(false);
            if (Options.Engine == BatchEngine.OnDemand || (Options.Engine == BatchEngine.Auto && !more && lookahead.Count < quotas.MinRecordsPerJob))
            {
                string reason = Options.Engine == BatchEngine.OnDemand
                    ? "asked for"
                    : $"{lookahead.Count} inputs, fewer than the {quotas.MinRecordsPerJob} a batch job needs";
                BatchLog.EngineChosen(_runner.Logger, _runId, _prompt.PromptName, _prompt.ModelId, BatchEngine.OnDemand, reason);
                await RunOnDemandAsync(lookahead, more ? source : null, 0, cancellationToken).ConfigureAwait(false);
                Report();
                return;
            }

            BatchLog.EngineChosen(_runner.Logger, _runId, _prompt.PromptName, _prompt.ModelId, BatchEngine.BatchJob, "at least " + quotas.MinRecordsPerJob + " inputs");
            var work = new List<Task>();
            var writer = new JsonlRecordWriter();
            long next = 0;
            try
            {
                for (int jobNumber = 0; lookahead.Count > 0; jobNumber++)
                {
                    if (Options.Engine == BatchEngine.Auto && !more && lookahead.Count < quotas.MinRecordsPerJob)
                    {
                        // The remainder after the last full job is too small for a job of its own.
                        BatchLog.EngineChosen(_runner.Logger, _runId, _prompt.PromptName, _prompt.ModelId, BatchEngine.OnDemand, $"the last {lookahead.Count} inputs, fewer than a job needs");
                        work.Add(RunOnDemandAsync(new List<TInput>(lookahead), null, next, cancellationToken));
                        break;
                    }

                    (TrackedJob job, bool sourceLeft) = await WriteJobAsync(jobNumber, writer, lookahead, more ? source : null, next, cancellationToken).ConfigureAwait(false);
                    next += job.Count;
                    work.Add(PollAsync(job, cancellationToken));
                    lookahead.Clear();
                    more = sourceLeft && await FillAsync(source, lookahead, quotas.MinRecordsPerJob).ConfigureAwait(false);
                }

                await Task.WhenAll(work).ConfigureAwait(false);
                await RepairsAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (CallerToken.IsCancellationRequested)
            {
                await StopRunningJobsAsync().ConfigureAwait(false);
                await Task.WhenAll(work.Concat(Repairs()).Select(task => task.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
                throw;
            }

            Report();
        }
        finally
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task ResumeAsync(IReadOnlyList<string> jobArns, CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        try
        {
            foreach (string arn in jobArns)
            {
                ModelInvocationJob info = await _runner.Jobs.GetModelInvocationJobAsync(arn, cancellationToken).ConfigureAwait(false);
                (long first, long count) = await ReadInputRangeAsync(info, cancellationToken).ConfigureAwait(false);
                var job = new TrackedJob(info.JobArn, first, count);
                lock (_jobs)
                {
                    _jobs.Add(job);
                }

                Interlocked.Add(ref _submitted, count);
                work.Add(PollAsync(job, cancellationToken));
            }

            await Task.WhenAll(work).ConfigureAwait(false);
            await RepairsAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (CallerToken.IsCancellationRequested)
        {
            await StopRunningJobsAsync().ConfigureAwait(false);
            await Task.WhenAll(Repairs().Select(task => task.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            throw;
        }

        Report();
    }

    private static async Task<bool> FillAsync(IAsyncEnumerator<TInput> source, List<TInput> into, int count)
    {
        while (into.Count < count)
        {
            if (!await source.MoveNextAsync().ConfigureAwait(false))
            {
                return false;
            }

            into.Add(source.Current);
        }

        return true;
    }

    /// <summary>
    /// Streams one job's records into JSONL files on S3 (a new file at the per-file quotas, the job ends at the per-job
    /// ones) and creates the job with a client request token made of the run id and the job's number.
    /// </summary>
    private async Task<(TrackedJob Job, bool SourceLeft)> WriteJobAsync(
        int jobNumber, JsonlRecordWriter writer, List<TInput> head, IAsyncEnumerator<TInput>? rest, long firstIndex, CancellationToken cancellationToken)
    {
        BatchQuotas quotas = Options.Quotas;
        string folder = $"{Options.Prefix}{_runId}/job-{jobNumber:D4}/";
        S3JsonlUpload? file = null;
        int files = 0;
        long records = 0;
        long bytes = 0;
        int lastLine = 0;
        bool sourceLeft = rest is not null;
        try
        {
            async ValueTask AddAsync(TInput input)
            {
                ReadOnlyMemory<byte> line = writer.Write(firstIndex + records, _prompt.BuildRequest(input));
                if (file is null || file.Records >= quotas.MaxRecordsPerFile || file.Length + line.Length > quotas.MaxFileBytes)
                {
                    if (file is not null)
                    {
                        await file.CompleteAsync(cancellationToken).ConfigureAwait(false);
                        await file.DisposeAsync().ConfigureAwait(false);
                    }

                    file = new S3JsonlUpload(_runner.S3, Options.Bucket, $"{folder}input/part-{files:D5}.jsonl", Options.UploadPartSize);
                    files++;
                }

                await file.AppendAsync(line, cancellationToken).ConfigureAwait(false);
                records++;
                bytes += line.Length;
                lastLine = line.Length;
                Interlocked.Increment(ref _submitted);
            }

            foreach (TInput input in head)
            {
                await AddAsync(input).ConfigureAwait(false);
            }

            // The job ends at its record quota, or when one more line like the last would pass its size quota.
            while (rest is not null && records < quotas.MaxRecordsPerJob && bytes + (2L * lastLine) <= quotas.MaxJobBytes)
            {
                if (!await rest.MoveNextAsync().ConfigureAwait(false))
                {
                    sourceLeft = false;
                    break;
                }

                await AddAsync(rest.Current).ConfigureAwait(false);
            }

            await file!.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }

        string token = $"{_runId}-{jobNumber}";
        string arn = await _runner.Jobs.CreateModelInvocationJobAsync(new CreateModelInvocationJobRequest
        {
            JobName = $"pg-{(_runId.Length > 40 ? _runId[..40] : _runId)}-{jobNumber}",
            RoleArn = Options.RoleArn,
            ModelId = _prompt.ModelId,
            InputS3Uri = $"s3://{Options.Bucket}/{folder}input/",
            OutputS3Uri = $"s3://{Options.Bucket}/{folder}output/",
            ClientRequestToken = token,
            ModelInvocationType = "Converse",
            TimeoutDurationInHours = Options.TimeoutDurationInHours,
        }, cancellationToken).ConfigureAwait(false);

        var job = new TrackedJob(arn, firstIndex, records);
        lock (_jobs)
        {
            _jobs.Add(job);
        }

        BatchLog.JobCreated(_runner.Logger, arn, records, files);
        Report();
        return (job, sourceLeft);
    }

    /// <summary>Polls a job with backoff (reset whenever output appears), reads its output files as they appear, and settles the records it has no line for when it ends.</summary>
    private async Task PollAsync(TrackedJob job, CancellationToken cancellationToken)
    {
        using Activity? span = PromptGenTelemetry.ActivitySource.StartActivity("batch_job " + _prompt.PromptName, ActivityKind.Client);
        span?.SetTag("gen_ai.request.model", _prompt.ModelId);
        span?.SetTag("promptgen.batch.job_arn", job.Arn);
        span?.SetTag("promptgen.batch.records", job.Count);
        TimeSpan delay = Options.PollInterval;
        while (true)
        {
            ModelInvocationJob info = await _runner.Jobs.GetModelInvocationJobAsync(job.Arn, cancellationToken).ConfigureAwait(false);
            if (info.Status != job.Status)
            {
                job.Status = info.Status;
                job.Message = info.Message;
                BatchLog.JobStateChanged(_runner.Logger, job.Arn, info.Status, info.Message is null ? string.Empty : ": " + info.Message);
                span?.AddEvent(new ActivityEvent("status " + info.Status));
                Report();
            }

            bool terminal = ModelInvocationJobStatus.IsTerminal(info.Status);
            bool readSome = await ReadNewOutputAsync(job, info, cancellationToken).ConfigureAwait(false);
            if (terminal)
            {
                await SettleMissingAsync(job, info, cancellationToken).ConfigureAwait(false);
                span?.SetTag("promptgen.batch.status", info.Status);
                if (info.Status != ModelInvocationJobStatus.Completed)
                {
                    span?.SetStatus(info.Status == ModelInvocationJobStatus.PartiallyCompleted ? ActivityStatusCode.Unset : ActivityStatusCode.Error, info.Message);
                }

                Report();
                return;
            }

            delay = readSome ? Options.PollInterval : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Options.MaxPollInterval.Ticks));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ReadNewOutputAsync(TrackedJob job, ModelInvocationJob info, CancellationToken cancellationToken)
    {
        if (info.OutputS3Uri is not { } outputUri || !TrySplit(outputUri, out string bucket, out string prefix))
        {
            return false;
        }

        string folder = (prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/") + info.JobId + "/";
        bool readSome = false;
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = folder };
        do
        {
            ListObjectsV2Response page = await _runner.S3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (S3Object entry in page.S3Objects ?? new List<S3Object>())
            {
                if (!entry.Key.EndsWith(".jsonl.out", StringComparison.Ordinal) || job.FilesRead.Contains(entry.Key))
                {
                    continue;
                }

                await ReadOutputFileAsync(job, bucket, entry.Key, cancellationToken).ConfigureAwait(false);
                job.FilesRead.Add(entry.Key);
                readSome = true;
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        if (readSome)
        {
            Report();
        }

        return readSome;
    }

    private async Task ReadOutputFileAsync(TrackedJob job, string bucket, string key, CancellationToken cancellationToken)
    {
        using GetObjectResponse response = await _runner.S3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        await foreach (ReadOnlyMemory<byte> line in JsonlLineReader.ReadLinesAsync(response.ResponseStream, cancellationToken).ConfigureAwait(false))
        {
            if (line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            BatchOutputLine parsed = BatchOutputLine.Parse(line);
            if (parsed.RecordId is not { } recordId || !job.TryClaim(JsonlRecordWriter.IndexOf(recordId), out long index))
            {
                if (!parsed.IsUsable)
                {
                    BatchLog.OutputLineUnusable(_runner.Logger, job.Arn, key, parsed.Problem!);
                }

                continue;
            }

            BatchRecordResult<TResult> result;
            if (!parsed.IsUsable)
            {
                BatchLog.OutputLineUnusable(_runner.Logger, job.Arn, key, parsed.Problem!);
                result = BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(BatchRecordErrorKind.MalformedOutput, $"The output line of record {recordId} cannot be read: {parsed.Problem}."));
            }
            else if (parsed.ModelOutput.IsEmpty)
            {
                result = BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(BatchRecordErrorKind.ModelError, parsed.ErrorMessage!) { ErrorCode = parsed.ErrorCode });
            }
            else
            {
                result = ReadModelOutput(recordId, index, parsed.ModelOutput, out ConverseResponse? answer, out bool repairable);
                decimal? cost = answer?.Usage is { } usage
                    ? _runner.Runtime.Prices.EstimateBatch(_prompt.ModelId, _runner.Runtime.Region, usage.InputTokens, usage.OutputTokens)
                    : null;
                if (repairable && Options.RepairInvalidOutput && _prompt.Repairs && parsed.ReadModelInput() is { } request)
                {
                    if (answer!.Usage is { } answered)
                    {
                        answered.EstimatedCostUsd = cost; // the repairs add their on-demand cost to the batch answer's
                    }

                    await StartRepairAsync(result, request, answer, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                result = result.WithEstimatedCost(cost);
            }

            await EmitAsync(result, cancellationToken).ConfigureAwait(false);
        }
    }

    private BatchRecordResult<TResult> ReadModelOutput(string recordId, long index, ReadOnlyMemory<byte> modelOutput, out ConverseResponse? response, out bool repairable)
    {
        repairable = false;
        try
        {
            response = ConverseResponseReader.Read(modelOutput.ToArray(), null);
        }
        catch (BedrockResponseException e)
        {
            response = null;
            return BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(BatchRecordErrorKind.MalformedOutput, $"The modelOutput of record {recordId} is not a Converse response: {e.Message}") { Exception = e });
        }

        return _prompt.Read(recordId, index, response, out repairable);
    }

    /// <summary>
    /// Repairs an invalid record on demand beside the reading of the output, at most <see cref="BatchRunOptions.MaxConcurrency"/>
    /// at once: waiting for a free slot here holds the reader back rather than queueing every invalid record in memory.
    /// </summary>
    private async Task StartRepairAsync(BatchRecordResult<TResult> invalid, ConverseRequest request, ConverseResponse answer, CancellationToken cancellationToken)
    {
        SemaphoreSlim slots = LazyInitializer.EnsureInitialized(ref _repairSlots, () => new SemaphoreSlim(Options.MaxConcurrency));
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task repair = RepairAsync(slots, invalid, request, answer, cancellationToken);
        lock (_repairs)
        {
            _repairs.Add(repair);
        }
    }

    private async Task RepairAsync(SemaphoreSlim slots, BatchRecordResult<TResult> invalid, ConverseRequest request, ConverseResponse answer, CancellationToken cancellationToken)
    {
        BatchRecordResult<TResult> result;
        try
        {
            result = await _prompt.RepairAsync(_runner.Runtime, invalid, request, answer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }

        BatchLog.RecordRepaired(_runner.Logger, _runId, result.RecordId, result.IsSuccess, result.OnDemandRepairs);
        await EmitAsync(result, cancellationToken).ConfigureAwait(false);
    }

    private Task[] Repairs()
    {
        lock (_repairs)
        {
            return _repairs.ToArray();
        }
    }

    private Task RepairsAsync() => Task.WhenAll(Repairs());

    private async Task SettleMissingAsync(TrackedJob job, ModelInvocationJob info, CancellationToken cancellationToken)
    {
        bool ranToEnd = info.Status is ModelInvocationJobStatus.Completed or ModelInvocationJobStatus.PartiallyCompleted;
        string message = ranToEnd
            ? $"Job {info.JobArn} ended {info.Status} without an output line for the record."
            : $"Job {info.JobArn} ended {info.Status}{(info.Message is null ? string.Empty : ": " + info.Message)}";
        foreach (long index in job.Unclaimed())
        {
            string recordId = JsonlRecordWriter.RecordId(index);
            await EmitAsync(BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(ranToEnd ? BatchRecordErrorKind.MissingOutput : BatchRecordErrorKind.JobEnded, message)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnDemandAsync(List<TInput> head, IAsyncEnumerator<TInput>? rest, long firstIndex, CancellationToken cancellationToken)
    {
        Interlocked.Or(ref _engineFlags, 2);
        await Parallel.ForEachAsync(Numbered(head, rest, firstIndex), new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken }, async (item, token) =>
        {
            Interlocked.Increment(ref _submitted);
            string recordId = JsonlRecordWriter.RecordId(item.Index);
            BatchRecordResult<TResult> result;
            try
            {
                (TResult value, decimal? cost) = await _prompt.RunAsync(_runner.Runtime, item.Input, token).ConfigureAwait(false);
                result = BatchRecordResult<TResult>.Success(recordId, item.Index, value).WithEstimatedCost(cost);
            }
            catch (Exception e) when (BatchRecordError.FromCall(e, token) is { } error)
            {
                result = BatchRecordResult<TResult>.Failure(recordId, item.Index, error);
            }

            await EmitAsync(result, token).ConfigureAwait(false);
            if ((Interlocked.Read(ref _completed) + Interlocked.Read(ref _failed)) % 100 == 0)
            {
                Report();
            }
        }).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<(long Index, TInput Input)> Numbered(List<TInput> head, IAsyncEnumerator<TInput>? rest, long firstIndex, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long index = firstIndex;
        foreach (TInput input in head)
        {
            yield return (index++, input);
        }

        while (rest is not null && await rest.MoveNextAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (index++, rest.Current);
        }
    }

    private async ValueTask EmitAsync(BatchRecordResult<TResult> result, CancellationToken cancellationToken)
    {
        await Results.Writer.WriteAsync(result, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref result.IsSuccess ? ref _completed : ref _failed);
    }

    private async Task StopRunningJobsAsync()
    {
        TrackedJob[] jobs;
        lock (_jobs)
        {
            jobs = _jobs.ToArray();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (TrackedJob job in jobs.Where(job => !ModelInvocationJobStatus.IsTerminal(job.Status)))
        {
            BatchLog.JobStopping(_runner.Logger, job.Arn);
            try
            {
                await _runner.Jobs.StopModelInvocationJobAsync(job.Arn, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BedrockException or OperationCanceledException)
            {
                // Already ended, or the service cannot be reached: the cancellation still ends the run.
            }
        }
    }

    /// <summary>Reads a resumed job's record ids from its input files: its first index and its count.</summary>
    private async Task<(long First, long Count)> ReadInputRangeAsync(ModelInvocationJob info, CancellationToken cancellationToken)
    {
        if (info.InputS3Uri is not { } inputUri || !TrySplit(inputUri, out string bucket, out string prefix))
        {
            throw new BedrockResponseException($"Job {info.JobArn} has no S3 input location to resume from.");
        }

        var keys = new List<string>();
        if (prefix.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            keys.Add(prefix);
        }
        else
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
            do
            {
                ListObjectsV2Response page = await _runner.S3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                keys.AddRange((page.S3Objects ?? new List<S3Object>()).Select(entry => entry.Key).Where(key => key.EndsWith(".jsonl", StringComparison.Ordinal)));
                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        }

        long first = long.MaxValue;
        long count = 0;
        foreach (string key in keys)
        {
            using GetObjectResponse response = await _runner.S3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            await foreach (ReadOnlyMemory<byte> line in JsonlLineReader.ReadLinesAsync(response.ResponseStream, cancellationToken).ConfigureAwait(false))
            {
                if (FirstRecordId(line.Span) is { } recordId && JsonlRecordWriter.IndexOf(recordId) is >= 0 and var index)
                {
                    first = Math.Min(first, index);
                    count++;
                }
            }
        }

        return count == 0 ? (0, 0) : (first, count);
    }

    private static string? FirstRecordId(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read()
                && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("recordId"u8) && reader.Read()
                && reader.TokenType == JsonTokenType.String
                ? reader.GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool TrySplit(string uri, out string bucket, out string prefix)
    {
        bucket = prefix = string.Empty;
        if (!uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = uri["s3://".Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        (bucket, prefix) = slash < 0 ? (rest, string.Empty) : (rest[..slash], rest[(slash + 1)..]);
        return bucket.Length > 0;
    }

    private void Report()
    {
        if (_progress is null)
        {
            return;
        }

        BatchJobState[] jobs;
        lock (_jobs)
        {
            jobs = _jobs.Select(job => new BatchJobState(job.Arn, job.Status ?? ModelInvocationJobStatus.Submitted, job.Message)).ToArray();
            if (jobs.Length > 0)
            {
                _engineFlags |= 1;
            }
        }

        BatchEngine engine = (Volatile.Read(ref _engineFlags) & 1) != 0 ? BatchEngine.BatchJob : BatchEngine.OnDemand;
        _progress.Report(new BatchProgress(engine, Interlocked.Read(ref _submitted), Interlocked.Read(ref _completed), Interlocked.Read(ref _failed), jobs));
    }

    /// <summary>A job of the run: its records' index range, which of them have a result, and the files already read.</summary>
    private sealed class TrackedJob
    {
        private readonly BitArray _claimed;

        public TrackedJob(string arn, long firstIndex, long count)
        {
            Arn = arn;
            FirstIndex = firstIndex;
            Count = count;
            _claimed = new BitArray(checked((int)count));
        }

        public string Arn { get; }

        public long FirstIndex { get; }

        public long Count { get; }

        public string? Status { get; set; }

        public string? Message { get; set; }

        public HashSet<string> FilesRead { get; } = new(StringComparer.Ordinal);

        /// <summary>Marks a record as answered; false when it is not this job's or already was (each record is returned once).</summary>
        public bool TryClaim(long index, out long claimed)
        {
            claimed = index;
            long offset = index - FirstIndex;
            if (index < 0 || offset < 0 || offset >= Count || _claimed[(int)offset])
            {
                return false;
            }

            _claimed[(int)offset] = true;
            return true;
        }

        public IEnumerable<long> Unclaimed()
        {
            for (int offset = 0; offset < Count; offset++)
            {
                if (!_claimed[offset])
                {
                    yield return FirstIndex + offset;
                }
            }
        }
    }
}
