using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromptGen.Testing.Auth;
using PromptGen.Testing.Hosting.Batch;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// Batch inference: the S3 subset (requests signed for <c>s3</c>) and the Bedrock control plane's job operations
/// (<c>/model-invocation-job...</c>, signed for <c>bedrock</c> and verified like the runtime's). Jobs answer their
/// records through the same validation, script and response bodies as Converse.
/// Source: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelInvocationJob.html
/// </summary>
internal sealed partial class EmulatorRequestHandler
{
    private const string AccountId = "123456789012";
    private static readonly Regex JobNamePattern = new("^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex TokenPattern = new("^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}$", RegexOptions.CultureInvariant);

    private readonly ConcurrentDictionary<string, EmulatedJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _jobsByToken = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private S3RequestHandler? _s3;
    private BatchJobProcessor? _jobProcessor;

    /// <summary>The batch settings, S3 store and faults.</summary>
    public EmulatorBatch Batch { get; } = new();

    /// <summary>Called once at start: the region for job ARNs and the access keys S3 accepts.</summary>
    public void ConfigureBatch(string region, IReadOnlySet<string> accessKeys)
    {
        Batch.Region = region;
        _s3 = new S3RequestHandler(Batch.Store, Batch, accessKeys);
        _jobProcessor = new BatchJobProcessor(Batch, AnswerRecord, _stopping);
    }

    /// <summary>Serves S3 and control-plane requests; false for anything else (the runtime's operations).</summary>
    private async Task<bool> TryHandleBatchAsync(HttpContext context, string method, string rawPath, string rawQuery, string requestId, CancellationToken aborted)
    {
        if (_s3 is not null && S3RequestHandler.IsS3(context.Request, rawQuery))
        {
            await _s3.HandleAsync(context, rawPath, rawQuery, requestId, aborted);
            return true;
        }

        string[] segments = rawPath.Split('/');
        if (segments.Length < 2 || segments[0].Length != 0 || segments[1] is not ("model-invocation-job" or "model-invocation-jobs"))
        {
            return false;
        }

        var outcome = new Outcome();
        if (await ReadAuthenticatedBodyAsync(context, method, rawPath, rawQuery, outcome, aborted) is not { } body)
        {
            return true;
        }

        string? identifier = segments.Length >= 3 ? Uri.UnescapeDataString(segments[2]) : null;
        EmulatorError? error = (method, segments[1], segments.Length) switch
        {
            ("POST", "model-invocation-job", 2) => await CreateJobAsync(context.Response, body, outcome),
            ("GET", "model-invocation-job", 3) => await GetJobAsync(context.Response, identifier!, outcome),
            ("POST", "model-invocation-job", 4) when segments[3] == "stop" => await StopJobAsync(context.Response, identifier!, outcome),
            ("GET", "model-invocation-jobs", 2) => await ListJobsAsync(context.Response, rawQuery, outcome),
            _ => EmulatorErrors.UnknownOperation(method, rawPath),
        };

        if (error is not null)
        {
            await WriteErrorAsync(context.Response, error, outcome);
        }

        return true;
    }

    /// <summary>
    /// Reads a control-plane request's body and checks its SigV4 signature (the batch jobs and the model lists); a
    /// refused request gets its error here and null back.
    /// </summary>
    private async Task<byte[]?> ReadAuthenticatedBodyAsync(HttpContext context, string method, string rawPath, string rawQuery, Outcome outcome, CancellationToken aborted)
    {
        byte[] body = await ReadBodyAsync(context.Request, aborted);
        AuthenticationResult auth = _authenticator.Authenticate(new IncomingRequest(method, rawPath, rawQuery, HeaderValues(context.Request.Headers), body));
        if (auth.Error is { } refused)
        {
            await WriteErrorAsync(context.Response, refused, outcome);
            return null;
        }

        return body;
    }

    private async Task<EmulatorError?> CreateJobAsync(HttpResponse response, byte[] body, Outcome outcome)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Validation($"The request body is not valid JSON: {e.Message}");
        }

        string? name = String(root, "jobName");
        string? role = String(root, "roleArn");
        string? modelId = String(root, "modelId");
        string? token = String(root, "clientRequestToken");
        string? type = String(root, "modelInvocationType");
        string? input = Nested(root, "inputDataConfig", "s3InputDataConfig");
        string? output = Nested(root, "outputDataConfig", "s3OutputDataConfig");
        if (name is null || !JobNamePattern.IsMatch(name))
        {
            return Validation("1 validation error detected: Value at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}$");
        }

        if (role is null || !role.StartsWith("arn:", StringComparison.Ordinal))
        {
            return Validation("1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must be an IAM role ARN.");
        }

        if (string.IsNullOrEmpty(modelId))
        {
            return Validation("1 validation error detected: Value at 'modelId' failed to satisfy constraint: Member must not be null.");
        }

        if (token is not null && !TokenPattern.IsMatch(token))
        {
            return Validation("1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}$");
        }

        if (input is null || !input.StartsWith("s3://", StringComparison.Ordinal) || output is null || !output.StartsWith("s3://", StringComparison.Ordinal))
        {
            return Validation("inputDataConfig.s3InputDataConfig.s3Uri and outputDataConfig.s3OutputDataConfig.s3Uri must be s3:// URIs.");
        }

        if (type is not (null or "Converse" or "InvokeModel"))
        {
            return Validation($"1 validation error detected: Value '{type}' at 'modelInvocationType' failed to satisfy constraint: Member must satisfy enum value set: [InvokeModel, Converse]");
        }

        if (type != "Converse")
        {
            return Validation("The emulator runs batch jobs of modelInvocationType Converse only.");
        }

        if (!Batch.Store.BucketExists(S3Location.Parse(input).Bucket) || !Batch.Store.BucketExists(S3Location.Parse(output).Bucket))
        {
            return Validation("The input or output bucket does not exist.");
        }

        EmulatedJob job;
        string? existing = null;
        lock (_createGate)
        {
            // The same token again is the same job: the service ignores the repeated request without an error.
            if (token is null || !_jobsByToken.TryGetValue(token, out existing))
            {

                string id = Guid.NewGuid().ToString("N")[..12];
                job = new EmulatedJob
                {
                    Arn = $"arn:aws:bedrock:{Batch.Region}:{AccountId}:model-invocation-job/{id}",
                    Name = name,
                    ModelId = modelId,
                    RoleArn = role,
                    ClientRequestToken = token,
                    InputUri = input,
                    OutputUri = output,
                    InvocationType = type,
                    TimeoutHours = root.TryGetProperty("timeoutDurationInHours", out JsonElement hours) && hours.TryGetInt32(out int h) ? h : null,
                    SubmitTime = DateTimeOffset.UtcNow,
                    LastModified = DateTimeOffset.UtcNow,
                };
                _jobs[job.Arn] = job;
                if (token is not null)
                {
                    _jobsByToken[token] = job.Arn;
                }
            }
            else
            {
                job = null!;
            }
        }

        if (existing is not null)
        {
            return await WriteJobArnAsync(response, existing, outcome);
        }

        _ = Task.Run(() => _jobProcessor!.RunAsync(job));
        return await WriteJobArnAsync(response, job.Arn, outcome);
    }

    private async Task<EmulatorError?> WriteJobArnAsync(HttpResponse response, string arn, Outcome outcome)
    {
        await WriteJsonAsync(response, StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["jobArn"] = arn }), outcome);
        return null;
    }

    private async Task<EmulatorError?> GetJobAsync(HttpResponse response, string identifier, Outcome outcome)
    {
        if (FindJob(identifier) is not { } job)
        {
            return NotFound(identifier);
        }

        await WriteJsonAsync(response, StatusCodes.Status200OK, JobJson(job, summary: false), outcome);
        return null;
    }

    private async Task<EmulatorError?> StopJobAsync(HttpResponse response, string identifier, Outcome outcome)
    {
        if (FindJob(identifier) is not { } job)
        {
            return NotFound(identifier);
        }

        lock (job.Gate)
        {
            if (job.Status is "Completed" or "PartiallyCompleted" or "Failed" or "Stopped" or "Expired")
            {
                return Validation($"The job is {job.Status} and cannot be stopped.");
            }
        }

        job.SetStatus("Stopping");
        await job.Stop.CancelAsync();
        await WriteJsonAsync(response, StatusCodes.Status200OK, "{}"u8.ToArray(), outcome);
        return null;
    }

    private async Task<EmulatorError?> ListJobsAsync(HttpResponse response, string rawQuery, Outcome outcome)
    {
        var query = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty, StringComparer.Ordinal);
        int max = query.TryGetValue("maxResults", out string? maxText) && int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? Math.Clamp(m, 1, 1000) : 1000;
        int start = query.TryGetValue("nextToken", out string? next) && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 0;
        List<EmulatedJob> jobs = _jobs.Values
            .Where(job => !query.TryGetValue("statusEquals", out string? status) || job.Status == status)
            .Where(job => !query.TryGetValue("nameContains", out string? part) || job.Name.Contains(part, StringComparison.Ordinal))
            .OrderByDescending(job => job.SubmitTime)
            .ThenBy(job => job.Arn, StringComparer.Ordinal)
            .ToList();

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("invocationJobSummaries");
            foreach (EmulatedJob job in jobs.Skip(start).Take(max))
            {
                using JsonDocument summary = JsonDocument.Parse(JobJson(job, summary: true));
                summary.RootElement.WriteTo(writer);
            }

            writer.WriteEndArray();
            if (start + max < jobs.Count)
            {
                writer.WriteString("nextToken", (start + max).ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }

        await WriteJsonAsync(response, StatusCodes.Status200OK, buffer.ToArray(), outcome);
        return null;
    }

    private EmulatedJob? FindJob(string identifier) =>
        _jobs.TryGetValue(identifier, out EmulatedJob? job)
            ? job
            : _jobs.Values.FirstOrDefault(candidate => candidate.Id == identifier);

    private static byte[] JobJson(EmulatedJob job, bool summary)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            lock (job.Gate)
            {
                writer.WriteStartObject();
                writer.WriteString("jobArn", job.Arn);
                writer.WriteString("jobName", job.Name);
                writer.WriteString("modelId", job.ModelId);
                if (job.ClientRequestToken is not null)
                {
                    writer.WriteString("clientRequestToken", job.ClientRequestToken);
                }

                writer.WriteString("roleArn", job.RoleArn);
                writer.WriteString("status", job.Status);
                if (job.Message is not null)
                {
                    writer.WriteString("message", job.Message);
                }

                writer.WriteString("submitTime", Timestamp(job.SubmitTime));
                writer.WriteString("lastModifiedTime", Timestamp(job.LastModified));
                if (job.EndTime is { } end)
                {
                    writer.WriteString("endTime", Timestamp(end));
                }

                writer.WriteStartObject("inputDataConfig");
                writer.WriteStartObject("s3InputDataConfig");
                writer.WriteString("s3InputFormat", "JSONL");
                writer.WriteString("s3Uri", job.InputUri);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteStartObject("outputDataConfig");
                writer.WriteStartObject("s3OutputDataConfig");
                writer.WriteString("s3Uri", job.OutputUri);
                writer.WriteEndObject();
                writer.WriteEndObject();
                if (job.TimeoutHours is { } hours)
                {
                    writer.WriteNumber("timeoutDurationInHours", hours);
                }

                if (!summary && job.InvocationType is not null)
                {
                    writer.WriteString("modelInvocationType", job.InvocationType);
                }

                writer.WriteEndObject();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Batch inference answers each record once, without tools or constrained output: "Batch inference does not
    /// support tool calling (function calling) or structured output". A record asking for either is that record's
    /// error here, so a client that sends them is caught before it meets AWS.
    /// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference.html
    /// </summary>
    private static EmulatorError? UnsupportedInBatch(ConverseBody converse) =>
        converse.Features.HasToolConfig || converse.Features.HasOutputConfig
            ? new EmulatorError("ValidationException", 400, "Batch inference does not support tool use (toolConfig) or structured output (outputConfig).")
            : null;

    /// <summary>ISO 8601 with milliseconds, as the control plane writes its timestamps.</summary>
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Answers one record of a job the way Converse answers a request: the same validation, the script's reply (or
    /// the default one), the same response body. A refusal or a scripted error becomes the record's error.
    /// </summary>
    private RecordAnswer AnswerRecord(string modelId, byte[] modelInput)
    {
        ConverseBody converse = ConverseBody.Parse(modelInput);
        EmulatorError? refusal = ConverseRequestValidator.Validate(modelId, "application/json", converse)
            ?? UnsupportedInBatch(converse)
            ?? _admission.Check(modelId)
            ?? (_enforceModelCapabilities ? ModelRules.Check(_admission.Catalog, modelId, converse.Features) : null);
        if (refusal is not null)
        {
            return new RecordAnswer(null, refusal.Status, refusal.Message, 0, 0);
        }

        var call = new ConverseCall(modelId, converse.SystemText, converse.UserText, converse.Features) { Operation = OperationRouter.Converse };
        EmulatorReply reply;
        try
        {
            reply = _script.Claim(call)?.Reply ?? DefaultReply.For(call);
        }
        catch (EmulatorScriptException e)
        {
            return new RecordAnswer(null, 400, e.Message, 0, 0);
        }

        if (reply.IsError)
        {
            return new RecordAnswer(null, reply.ErrorStatus, reply.ErrorMessage, 0, 0);
        }

        if (reply.Fault != EmulatorFault.None)
        {
            return new RecordAnswer(null, 500, "The model invocation failed.", 0, 0);
        }

        int inputTokens = reply.InputTokens ?? TokenEstimate.FromCharacters(converse.InputTextLength);
        if (!reply.IsToolUse)
        {
            string text = reply.Text!;
            int outputTokens = reply.OutputTokens ?? TokenEstimate.FromCharacters(text.Length);
            return new RecordAnswer(ResponseBodies.ConverseOutput(text, reply.StopReason, inputTokens, outputTokens, 0), 0, null, inputTokens, outputTokens);
        }

        var calls = new List<(string Id, string Name, string InputJson)>();
        foreach (EmulatorToolCall toolCall in reply.ToolCalls)
        {
            string? toolName = toolCall.Name ?? call.ForcedToolName ?? call.ToolNames.FirstOrDefault();
            if (toolName is null)
            {
                return new RecordAnswer(null, 400, "The scripted reply uses a tool, but the record offers none.", 0, 0);
            }

            calls.Add(($"tooluse_{Interlocked.Increment(ref _toolUses)}", toolName, toolCall.InputJson));
        }

        int toolTokens = reply.OutputTokens ?? TokenEstimate.FromCharacters(calls.Sum(toolCall => toolCall.InputJson.Length));
        return new RecordAnswer(ResponseBodies.ConverseToolUses(reply.ToolPreamble, calls, reply.StopReason, inputTokens, toolTokens, 0), 0, null, inputTokens, toolTokens);
    }

    private static EmulatorError Validation(string message) => new("ValidationException", 400, message);

    private static EmulatorError NotFound(string identifier) => new("ResourceNotFoundException", 404, $"The model invocation job {identifier} was not found.");

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Nested(JsonElement root, string outer, string inner) =>
        root.TryGetProperty(outer, out JsonElement config) && config.ValueKind == JsonValueKind.Object
        && config.TryGetProperty(inner, out JsonElement s3) ? String(s3, "s3Uri") : null;
}
