using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The emulator's S3 subset and batch control plane driven by the official clients: the AWS SDK for JavaScript
/// (@aws-sdk/client-s3, @aws-sdk/client-bedrock) runs a whole job, and the AWS CLI uploads with <c>aws s3 cp</c> and
/// creates a job with <c>aws bedrock create-model-invocation-job</c>.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class BatchConformanceTests(NodeProject node) : IAsyncLifetime
{
    private const string ModelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync();
        _emulator.Script.When(promptContains: "[batch]").Usage(4, 2).ReplyText("done");
        _emulator.Batch.MinRecordsPerJob = 1;
    }

    public async ValueTask DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_JavaScript_SDK_runs_a_whole_job_through_S3_and_the_control_plane()
    {
        JsonElement result = await node.RunScriptJsonAsync("batch-job.mjs", $"{_emulator.Endpoint} js-bucket {ModelId}", string.Empty);

        Assert.Equal(_emulator.Batch.ReadObject("js-bucket", "in/records.jsonl")!.Length, result.GetProperty("headLength").GetInt32());
        Assert.Equal(5 * 1024 * 1024 + 4, result.GetProperty("multipartLength").GetInt32());
        Assert.Equal(("NoSuchKey", 404), (result.GetProperty("missing").GetProperty("name").GetString(), result.GetProperty("missing").GetProperty("status").GetInt32()));
        Assert.True(result.GetProperty("sameArnAgain").GetBoolean());
        Assert.Equal("Completed", result.GetProperty("job").GetProperty("status").GetString());
        Assert.True(result.GetProperty("job").GetProperty("submitTimeIsDate").GetBoolean());
        Assert.True(result.GetProperty("job").GetProperty("endTimeIsDate").GetBoolean());
        Assert.Equal("Converse", result.GetProperty("job").GetProperty("modelInvocationType").GetString());
        Assert.Equal("s3://js-bucket/in/", result.GetProperty("job").GetProperty("inputUri").GetString());
        string arn = result.GetProperty("jobArn").GetString()!;
        Assert.Equal(arn, Assert.Single(result.GetProperty("listed").EnumerateArray()).GetString());
        Assert.Equal(("ValidationException", 400), (result.GetProperty("stopEnded").GetProperty("name").GetString(), result.GetProperty("stopEnded").GetProperty("status").GetInt32()));

        string jobId = arn[(arn.LastIndexOf('/') + 1)..];
        Assert.Equal(new[] { $"out/{jobId}/manifest.json.out", $"out/{jobId}/records.jsonl.out" }, result.GetProperty("outputKeys").EnumerateArray().Select(k => k.GetString()).OrderBy(k => k, StringComparer.Ordinal));
        JsonElement[] lines = result.GetProperty("outputLines").EnumerateArray().ToArray();
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Equal("done", line.GetProperty("modelOutput").GetProperty("output").GetProperty("message").GetProperty("content")[0].GetProperty("text").GetString()));
        Assert.Equal(3, result.GetProperty("manifest").GetProperty("successRecordCount").GetInt32());
    }

    [AwsCliFact]
    public async Task The_AWS_CLI_uploads_with_s3_cp_and_creates_a_job()
    {
        string directory = Directory.CreateTempSubdirectory("promptgen-batch-cli-").FullName;
        try
        {
            _emulator.Batch.CreateBucket("cli-bucket");
            string file = Path.Combine(directory, "records.jsonl");
            await File.WriteAllTextAsync(file, "{\"recordId\":\"CLI00000001\",\"modelInput\":{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"[batch] cli\"}]}]}}\n");

            (int copied, _, string copyError) = await AwsAsync($"s3 cp {file} s3://cli-bucket/in/records.jsonl");
            Assert.True(copied == 0, copyError);
            Assert.NotNull(_emulator.Batch.ReadObject("cli-bucket", "in/records.jsonl"));

            (int created, string stdout, string createError) = await AwsAsync(
                $"bedrock create-model-invocation-job --job-name cli-job --role-arn arn:aws:iam::123456789012:role/BedrockBatch --model-id {ModelId} "
                + "--model-invocation-type Converse --input-data-config s3InputDataConfig={s3Uri=s3://cli-bucket/in/} "
                + "--output-data-config s3OutputDataConfig={s3Uri=s3://cli-bucket/out/}");
            Assert.True(created == 0, createError);
            string arn = JsonDocument.Parse(stdout).RootElement.GetProperty("jobArn").GetString()!;

            string status = string.Empty;
            for (int i = 0; i < 100 && status != "Completed"; i++)
            {
                (_, string got, _) = await AwsAsync($"bedrock get-model-invocation-job --job-identifier {arn}");
                status = JsonDocument.Parse(got).RootElement.GetProperty("status").GetString()!;
                await Task.Delay(50);
            }

            Assert.Equal("Completed", status);
            (int downloaded, _, string downloadError) = await AwsAsync($"s3 cp s3://cli-bucket/out/{arn[(arn.LastIndexOf('/') + 1)..]}/records.jsonl.out {directory}/records.jsonl.out");
            Assert.True(downloaded == 0, downloadError);
            Assert.Contains("\"recordId\":\"CLI00000001\"", await File.ReadAllTextAsync(Path.Combine(directory, "records.jsonl.out")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> AwsAsync(string arguments)
    {
        var start = new ProcessStartInfo("aws", $"{arguments} --endpoint-url {_emulator.Endpoint} --region us-east-1 --output json")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_S3_ADDRESSING_STYLE"] = "path";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout, await stderr);
    }
}
