using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PromptGen.Batch;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Batch;

/// <summary>BedrockBatchClient and AWSSDK.S3 against the emulator's control plane and S3 subset.</summary>
public sealed class ControlPlaneAndS3Tests : IAsyncLifetime
{
    private const string ModelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private readonly BatchEmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task S3_put_get_head_list_delete_and_errors_through_AWSSDK_S3()
    {
        IAmazonS3 s3 = _fixture.S3;
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "a/one.txt", ContentBody = "hello" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "a/two.txt", ContentBody = "world!" });

        using GetObjectResponse get = await s3.GetObjectAsync(BatchEmulatorFixture.Bucket, "a/one.txt");
        Assert.Equal("hello", await new StreamReader(get.ResponseStream).ReadToEndAsync());
        GetObjectMetadataResponse head = await s3.GetObjectMetadataAsync(BatchEmulatorFixture.Bucket, "a/two.txt");
        Assert.Equal(6, head.ContentLength);

        ListObjectsV2Response page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = BatchEmulatorFixture.Bucket, Prefix = "a/", MaxKeys = 1 });
        Assert.Equal("a/one.txt", Assert.Single(page.S3Objects).Key);
        Assert.True(page.IsTruncated);
        ListObjectsV2Response next = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = BatchEmulatorFixture.Bucket, Prefix = "a/", ContinuationToken = page.NextContinuationToken });
        Assert.Equal("a/two.txt", Assert.Single(next.S3Objects).Key);

        await s3.DeleteObjectAsync(BatchEmulatorFixture.Bucket, "a/one.txt");
        AmazonS3Exception missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(BatchEmulatorFixture.Bucket, "a/one.txt"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
        AmazonS3Exception noBucket = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync("no-such-bucket", "x"));
        Assert.Equal("NoSuchBucket", noBucket.ErrorCode);
    }

    [Fact]
    public async Task S3_multipart_upload_joins_the_parts_in_order()
    {
        IAmazonS3 s3 = _fixture.S3;
        InitiateMultipartUploadResponse started = await s3.InitiateMultipartUploadAsync(BatchEmulatorFixture.Bucket, "big.bin");
        byte[] first = Enumerable.Repeat((byte)'a', 5 * 1024 * 1024).ToArray();
        byte[] second = Encoding.ASCII.GetBytes("tail");
        UploadPartResponse one = await s3.UploadPartAsync(new UploadPartRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "big.bin", UploadId = started.UploadId, PartNumber = 1, InputStream = new MemoryStream(first) });
        UploadPartResponse two = await s3.UploadPartAsync(new UploadPartRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "big.bin", UploadId = started.UploadId, PartNumber = 2, InputStream = new MemoryStream(second) });
        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = BatchEmulatorFixture.Bucket,
            Key = "big.bin",
            UploadId = started.UploadId,
            PartETags = new() { new PartETag(1, one.ETag), new PartETag(2, two.ETag) },
        });

        byte[] stored = _fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, "big.bin")!;
        Assert.Equal(first.Length + second.Length, stored.Length);
        Assert.Equal(second, stored[^4..]);
    }

    [Fact]
    public async Task S3_SlowDown_is_an_XML_error_the_SDK_reads_and_retries()
    {
        _fixture.Emulator.Batch.SlowDownS3(1);
        await _fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "k", ContentBody = "v" });
        Assert.Equal("v", Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, "k")!));

        using var noRetries = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(PromptGen.Testing.EmulatorCredentials.AccessKeyId, PromptGen.Testing.EmulatorCredentials.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = _fixture.Emulator.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
        _fixture.Emulator.Batch.SlowDownS3(1);
        AmazonS3Exception slowDown = await Assert.ThrowsAsync<AmazonS3Exception>(() => noRetries.GetObjectAsync(BatchEmulatorFixture.Bucket, "k"));
        Assert.Equal("SlowDown", slowDown.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, slowDown.StatusCode);
    }

    [Fact]
    public async Task A_job_runs_from_Submitted_to_Completed_and_writes_the_output_in_the_service_layout()
    {
        _fixture.Emulator.Script.Always().ReplyText("ok");
        _fixture.Emulator.Batch.MinRecordsPerJob = 2;
        var jsonl = new StringBuilder();
        for (int i = 0; i < 3; i++)
        {
            jsonl.Append("{\"recordId\":\"REC0000000").Append(i).Append("\",\"modelInput\":{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi ").Append(i).Append("\"}]}]}}\n");
        }

        await _fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "in/part-1.jsonl", ContentBody = jsonl.ToString() });
        var request = new CreateModelInvocationJobRequest
        {
            JobName = "job-1",
            RoleArn = BatchEmulatorFixture.RoleArn,
            ModelId = ModelId,
            InputS3Uri = $"s3://{BatchEmulatorFixture.Bucket}/in/",
            OutputS3Uri = $"s3://{BatchEmulatorFixture.Bucket}/out/",
            ClientRequestToken = "token-1",
        };
        string arn = await _fixture.ControlPlane.CreateModelInvocationJobAsync(request);
        Assert.Equal(arn, await _fixture.ControlPlane.CreateModelInvocationJobAsync(request));
        Assert.StartsWith("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/", arn, StringComparison.Ordinal);

        ModelInvocationJob job = await WaitForEndAsync(arn);
        Assert.Equal(ModelInvocationJobStatus.Completed, job.Status);
        Assert.Equal("Converse", job.ModelInvocationType);
        Assert.Equal("token-1", job.ClientRequestToken);

        string output = Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, $"out/{job.JobId}/part-1.jsonl.out")!);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("REC00000000", first.RootElement.GetProperty("recordId").GetString());
        Assert.Equal("hi 0", first.RootElement.GetProperty("modelInput").GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("ok", first.RootElement.GetProperty("modelOutput").GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString());
        using JsonDocument manifest = JsonDocument.Parse(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, $"out/{job.JobId}/manifest.json.out")!);
        Assert.Equal(3, manifest.RootElement.GetProperty("totalRecordCount").GetInt32());
        Assert.Equal(0, manifest.RootElement.GetProperty("errorRecordCount").GetInt32());

        ModelInvocationJobPage page = await _fixture.ControlPlane.ListModelInvocationJobsAsync(nameContains: "job");
        Assert.Equal(arn, Assert.Single(page.Jobs).JobArn);
    }

    [Fact]
    public async Task A_record_with_tools_or_an_output_schema_is_that_records_error_as_batch_inference_takes_neither()
    {
        _fixture.Emulator.Script.Always().ReplyText("ok");
        _fixture.Emulator.Batch.MinRecordsPerJob = 2;
        const string Message = "{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}";
        string jsonl =
            "{\"recordId\":\"PLAIN000001\",\"modelInput\":{\"messages\":[" + Message + "]}}\n"
            + "{\"recordId\":\"TOOLS000001\",\"modelInput\":{\"messages\":[" + Message + "],\"toolConfig\":{\"tools\":[{\"toolSpec\":{\"name\":\"t\",\"inputSchema\":{\"json\":{\"type\":\"object\"}}}}]}}}\n"
            + "{\"recordId\":\"SCHEMA00001\",\"modelInput\":{\"messages\":[" + Message + "],\"outputConfig\":{\"textFormat\":{\"type\":\"json_schema\",\"structure\":{\"jsonSchema\":{\"schema\":\"{\\\"type\\\":\\\"object\\\"}\",\"name\":\"r\"}}}}}}\n";
        await _fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "unsupported/part-1.jsonl", ContentBody = jsonl });

        ModelInvocationJob job = await WaitForEndAsync(await _fixture.ControlPlane.CreateModelInvocationJobAsync(Job("unsupported", "unsupported/")));

        Assert.Equal(ModelInvocationJobStatus.PartiallyCompleted, job.Status);
        string output = Encoding.UTF8.GetString(_fixture.Emulator.Batch.ReadObject(BatchEmulatorFixture.Bucket, $"out/{job.JobId}/part-1.jsonl.out")!);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(line => line.GetProperty("recordId").GetString()!);
        Assert.True(lines["PLAIN000001"].TryGetProperty("modelOutput", out _));
        foreach (string id in new[] { "TOOLS000001", "SCHEMA00001" })
        {
            JsonElement error = lines[id].GetProperty("error");
            Assert.Equal(400, error.GetProperty("errorCode").GetInt32());
            Assert.Contains("Batch inference does not support", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Quotas_are_checked_and_stopping_a_running_job_ends_it_Stopped()
    {
        _fixture.Emulator.Script.Always().ReplyText("ok");
        await _fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = BatchEmulatorFixture.Bucket, Key = "few/a.jsonl", ContentBody = "{\"recordId\":\"A0000000001\",\"modelInput\":{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}}\n" });
        string tooFew = await _fixture.ControlPlane.CreateModelInvocationJobAsync(Job("few", "few/"));
        ModelInvocationJob failed = await WaitForEndAsync(tooFew);
        Assert.Equal(ModelInvocationJobStatus.Failed, failed.Status);
        Assert.Contains("minimum is 100 records", failed.Message, StringComparison.Ordinal);

        _fixture.Emulator.Batch.MinRecordsPerJob = 1;
        _fixture.Emulator.Batch.RecordDelay = TimeSpan.FromSeconds(30);
        string slow = await _fixture.ControlPlane.CreateModelInvocationJobAsync(Job("slow", "few/"));
        await WaitForStatusAsync(slow, ModelInvocationJobStatus.InProgress);
        await _fixture.ControlPlane.StopModelInvocationJobAsync(slow);
        Assert.Equal(ModelInvocationJobStatus.Stopped, (await WaitForEndAsync(slow)).Status);

        BedrockServiceException again = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => _fixture.ControlPlane.StopModelInvocationJobAsync(slow));
        Assert.Equal("ValidationException", again.ErrorCode);
        BedrockServiceException missing = await Assert.ThrowsAnyAsync<BedrockServiceException>(() => _fixture.ControlPlane.GetModelInvocationJobAsync("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/nosuchjob"));
        Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
    }

    private static CreateModelInvocationJobRequest Job(string name, string inputPrefix) => new()
    {
        JobName = name,
        RoleArn = BatchEmulatorFixture.RoleArn,
        ModelId = ModelId,
        InputS3Uri = $"s3://{BatchEmulatorFixture.Bucket}/{inputPrefix}",
        OutputS3Uri = $"s3://{BatchEmulatorFixture.Bucket}/out/",
    };

    private async Task<ModelInvocationJob> WaitForEndAsync(string arn)
    {
        for (int i = 0; i < 500; i++)
        {
            ModelInvocationJob job = await _fixture.ControlPlane.GetModelInvocationJobAsync(arn);
            if (ModelInvocationJobStatus.IsTerminal(job.Status))
            {
                return job;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The job did not end.");
    }

    private async Task WaitForStatusAsync(string arn, string status)
    {
        for (int i = 0; i < 500; i++)
        {
            if ((await _fixture.ControlPlane.GetModelInvocationJobAsync(arn)).Status == status)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The job never was {status}.");
    }
}
