using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace PromptGen.Batch;

/// <summary>
/// The control plane's JSON bodies, written and read by hand (small, and AOT-safe without a serializer context).
/// Timestamps: the service sends ISO 8601 strings; epoch seconds are accepted too, as restJson1's default.
/// </summary>
internal static class ControlPlaneJson
{
    public static byte[] WriteCreate(CreateModelInvocationJobRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jobName", request.JobName);
            writer.WriteString("roleArn", request.RoleArn);
            if (request.ClientRequestToken is { } token)
            {
                writer.WriteString("clientRequestToken", token);
            }

            writer.WriteString("modelId", request.ModelId);
            writer.WriteStartObject("inputDataConfig");
            writer.WriteStartObject("s3InputDataConfig");
            writer.WriteString("s3InputFormat", "JSONL");
            writer.WriteString("s3Uri", request.InputS3Uri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("outputDataConfig");
            writer.WriteStartObject("s3OutputDataConfig");
            writer.WriteString("s3Uri", request.OutputS3Uri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (request.TimeoutDurationInHours is { } hours)
            {
                writer.WriteNumber("timeoutDurationInHours", hours);
            }

            if (request.ModelInvocationType is { } type)
            {
                writer.WriteString("modelInvocationType", type);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string ReadJobArn(byte[] body, string? requestId)
    {
        using JsonDocument document = Parse(body, requestId);
        return StringOf(document.RootElement, "jobArn") ?? throw Missing("jobArn", requestId);
    }

    public static ModelInvocationJob ReadJob(byte[] body, string? requestId)
    {
        using JsonDocument document = Parse(body, requestId);
        return Job(document.RootElement, requestId);
    }

    public static ModelInvocationJobPage ReadPage(byte[] body, string? requestId)
    {
        using JsonDocument document = Parse(body, requestId);
        var jobs = new List<ModelInvocationJob>();
        if (document.RootElement.TryGetProperty("invocationJobSummaries", out JsonElement summaries) && summaries.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement summary in summaries.EnumerateArray())
            {
                jobs.Add(Job(summary, requestId));
            }
        }

        return new ModelInvocationJobPage(jobs, StringOf(document.RootElement, "nextToken"));
    }

    private static ModelInvocationJob Job(JsonElement job, string? requestId) => new()
    {
        JobArn = StringOf(job, "jobArn") ?? throw Missing("jobArn", requestId),
        Status = StringOf(job, "status") ?? throw Missing("status", requestId),
        JobName = StringOf(job, "jobName"),
        ModelId = StringOf(job, "modelId"),
        ClientRequestToken = StringOf(job, "clientRequestToken"),
        RoleArn = StringOf(job, "roleArn"),
        Message = StringOf(job, "message"),
        SubmitTime = TimeOf(job, "submitTime"),
        LastModifiedTime = TimeOf(job, "lastModifiedTime"),
        EndTime = TimeOf(job, "endTime"),
        InputS3Uri = S3UriOf(job, "inputDataConfig", "s3InputDataConfig"),
        OutputS3Uri = S3UriOf(job, "outputDataConfig", "s3OutputDataConfig"),
        ModelInvocationType = StringOf(job, "modelInvocationType"),
    };

    private static JsonDocument Parse(byte[] body, string? requestId)
    {
        try
        {
            JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new BedrockResponseException("The Bedrock control plane answered with JSON that is not an object.") { RequestId = requestId };
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new BedrockResponseException($"The Bedrock control plane answered with invalid JSON: {e.Message}", null, e) { RequestId = requestId };
        }
    }

    private static BedrockResponseException Missing(string member, string? requestId) =>
        new($"The Bedrock control plane's answer has no '{member}'.") { RequestId = requestId };

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? S3UriOf(JsonElement job, string config, string s3Config) =>
        job.TryGetProperty(config, out JsonElement outer) && outer.ValueKind == JsonValueKind.Object
        && outer.TryGetProperty(s3Config, out JsonElement inner) && inner.ValueKind == JsonValueKind.Object
            ? StringOf(inner, "s3Uri")
            : null;

    private static DateTimeOffset? TimeOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            return parsed;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double seconds) && seconds is >= 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
    }
}
