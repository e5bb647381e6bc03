using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Testing.Hosting.Batch;

/// <summary>
/// Runs a job as Bedrock does: checks its input against the quotas, answers every record through the emulator's
/// Converse handling and script, and writes one <c>{file}.out</c> per input file, as soon as that file is done, then
/// <c>manifest.json.out</c>, under <c>{output}/{jobId}/</c>. Each output line is
/// <c>{"recordId", "modelInput", "modelOutput"}</c> or, for a record that failed, <c>"error": {"errorCode", "errorMessage"}</c>
/// in place of <c>modelOutput</c>.
/// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-results.html
/// </summary>
internal sealed class BatchJobProcessor
{
    private readonly EmulatorBatch _batch;
    private readonly Func<string, byte[], RecordAnswer> _answer;
    private readonly CancellationToken _stopping;

    public BatchJobProcessor(EmulatorBatch batch, Func<string, byte[], RecordAnswer> answer, CancellationToken stopping)
    {
        _batch = batch;
        _answer = answer;
        _stopping = stopping;
    }

    public async Task RunAsync(EmulatedJob job)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Stop.Token, _stopping);
        CancellationToken stop = linked.Token;
        try
        {
            if (_batch.StartDelay > TimeSpan.Zero)
            {
                await Task.Delay(_batch.StartDelay, stop);
            }

            if (_batch.TakeJobFailure() is { } failure)
            {
                job.SetStatus("Failed", failure);
                return;
            }

            S3Location input = S3Location.Parse(job.InputUri);
            S3Location output = S3Location.Parse(job.OutputUri);
            List<(string Key, byte[] Data)> files = InputFiles(input);
            if (Validate(files) is { } problem)
            {
                job.SetStatus("Failed", problem);
                return;
            }

            job.SetStatus("InProgress");
            var counts = new Counts();
            string outputPrefix = output.Prefix.Length == 0 || output.Prefix.EndsWith('/') ? output.Prefix : output.Prefix + "/";
            foreach ((string key, byte[] data) in files)
            {
                string name = key[(key.LastIndexOf('/') + 1)..];
                byte[] lines = await ProcessFileAsync(job, data, counts, stop);
                _batch.Store.Put(output.Bucket, $"{outputPrefix}{job.Id}/{name}.out", lines);
            }

            _batch.Store.Put(output.Bucket, $"{outputPrefix}{job.Id}/manifest.json.out", counts.Manifest());
            job.SetStatus(counts.Errors > 0 ? "PartiallyCompleted" : "Completed");
        }
        catch (OperationCanceledException) when (job.Stop.IsCancellationRequested)
        {
            job.SetStatus("Stopped", "Stopped by StopModelInvocationJob.");
        }
        catch (OperationCanceledException)
        {
            // The emulator is shutting down.
        }
        catch (S3Exception e)
        {
            job.SetStatus("Failed", $"The job could not read or write S3: {e.Error.Code}: {e.Error.Message}");
        }
    }

    private List<(string Key, byte[] Data)> InputFiles(S3Location input)
    {
        var files = new List<(string, byte[])>();
        if (input.Prefix.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            if (_batch.Store.Get(input.Bucket, input.Prefix) is { } single)
            {
                files.Add((input.Prefix, single.Data));
            }

            return files;
        }

        string prefix = input.Prefix.Length == 0 || input.Prefix.EndsWith('/') ? input.Prefix : input.Prefix + "/";
        foreach (KeyValuePair<string, S3StoredObject> entry in _batch.Store.List(input.Bucket, prefix, null))
        {
            if (entry.Key.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                files.Add((entry.Key, entry.Value.Data));
            }
        }

        return files;
    }

    private string? Validate(List<(string Key, byte[] Data)> files)
    {
        if (files.Count == 0)
        {
            return "The input location has no .jsonl file.";
        }

        long records = 0;
        long bytes = 0;
        foreach ((string key, byte[] data) in files)
        {
            int lines = CountLines(data);
            if (lines > _batch.MaxRecordsPerFile)
            {
                return $"The input file {key} has {lines} records; the quota is {_batch.MaxRecordsPerFile} records per file.";
            }

            if (data.LongLength > _batch.MaxFileBytes)
            {
                return $"The input file {key} has {data.LongLength} bytes; the quota is {_batch.MaxFileBytes} bytes per file.";
            }

            records += lines;
            bytes += data.LongLength;
        }

        if (records < _batch.MinRecordsPerJob)
        {
            return $"The job has {records} records; the minimum is {_batch.MinRecordsPerJob} records per job.";
        }

        if (records > _batch.MaxRecordsPerJob)
        {
            return $"The job has {records} records; the quota is {_batch.MaxRecordsPerJob} records per job.";
        }

        return bytes > _batch.MaxJobBytes ? $"The job's input has {bytes} bytes; the quota is {_batch.MaxJobBytes} bytes per job." : null;
    }

    private async Task<byte[]> ProcessFileAsync(EmulatedJob job, byte[] data, Counts counts, CancellationToken stop)
    {
        using var output = new MemoryStream();
        int start = 0;
        while (start < data.Length)
        {
            int end = Array.IndexOf(data, (byte)'\n', start);
            int length = (end < 0 ? data.Length : end) - start;
            ReadOnlyMemory<byte> line = data.AsMemory(start, length);
            start = end < 0 ? data.Length : end + 1;
            if (line.Span.Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            stop.ThrowIfCancellationRequested();
            if (_batch.RecordDelay > TimeSpan.Zero)
            {
                await Task.Delay(_batch.RecordDelay, stop);
            }

            WriteRecord(output, job.ModelId, line, counts);
        }

        return output.ToArray();
    }

    private void WriteRecord(MemoryStream output, string modelId, ReadOnlyMemory<byte> line, Counts counts)
    {
        string? recordId = null;
        byte[]? modelInput = null;
        try
        {
            using JsonDocument record = JsonDocument.Parse(line);
            if (record.RootElement.ValueKind == JsonValueKind.Object)
            {
                recordId = record.RootElement.TryGetProperty("recordId", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                modelInput = record.RootElement.TryGetProperty("modelInput", out JsonElement input) && input.ValueKind == JsonValueKind.Object
                    ? Encoding.UTF8.GetBytes(input.GetRawText())
                    : null;
            }
        }
        catch (JsonException)
        {
        }

        // A record without an id gets one, as the service does.
        recordId ??= Guid.NewGuid().ToString("N")[..11].ToUpperInvariant();
        RecordAnswer answer = modelInput is null
            ? new RecordAnswer(null, 400, "The record is not a JSON object with a modelInput object.", 0, 0)
            : _answer(modelId, modelInput);
        counts.Add(answer);

        using var line_ = new MemoryStream();
        using (var writer = new Utf8JsonWriter(line_))
        {
            writer.WriteStartObject();
            writer.WriteString("recordId", recordId);
            if (modelInput is not null)
            {
                writer.WritePropertyName("modelInput");
                writer.WriteRawValue(modelInput, skipInputValidation: true);
            }

            if (answer.Output is { } modelOutput)
            {
                writer.WritePropertyName("modelOutput");
                writer.WriteRawValue(modelOutput, skipInputValidation: true);
            }
            else
            {
                writer.WriteStartObject("error");
                writer.WriteNumber("errorCode", answer.ErrorCode);
                writer.WriteString("errorMessage", answer.ErrorMessage);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        byte[] bytes = line_.ToArray();
        if (_batch.IsMalformed(recordId))
        {
            bytes = bytes.AsSpan(0, bytes.Length / 2).ToArray();
        }

        output.Write(bytes);
        output.WriteByte((byte)'\n');
    }

    private static int CountLines(byte[] data)
    {
        int lines = 0;
        int start = 0;
        while (start < data.Length)
        {
            int end = Array.IndexOf(data, (byte)'\n', start);
            int stop = end < 0 ? data.Length : end;
            if (!data.AsSpan(start, stop - start).Trim("\r \t"u8).IsEmpty)
            {
                lines++;
            }

            start = stop + 1;
        }

        return lines;
    }

    /// <summary>The manifest's counts (manifest.json.out).</summary>
    private sealed class Counts
    {
        public long Total { get; private set; }

        public long Errors { get; private set; }

        private long _inputTokens;
        private long _outputTokens;

        public void Add(RecordAnswer answer)
        {
            Total++;
            if (answer.Output is null)
            {
                Errors++;
            }

            _inputTokens += answer.InputTokens;
            _outputTokens += answer.OutputTokens;
        }

        public byte[] Manifest()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("totalRecordCount", Total);
                writer.WriteNumber("processedRecordCount", Total);
                writer.WriteNumber("successRecordCount", Total - Errors);
                writer.WriteNumber("errorRecordCount", Errors);
                writer.WriteNumber("inputTokenCount", _inputTokens);
                writer.WriteNumber("outputTokenCount", _outputTokens);
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}

/// <summary>An <c>s3://bucket/prefix</c> URI.</summary>
internal readonly record struct S3Location(string Bucket, string Prefix)
{
    public static S3Location Parse(string uri)
    {
        if (!uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new FormatException($"'{uri}' is not an s3:// URI.");
        }

        string rest = uri["s3://".Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new S3Location(rest, string.Empty) : new S3Location(rest[..slash], rest[(slash + 1)..]);
    }
}
