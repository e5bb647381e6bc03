using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The AWS CLI's <c>aws bedrock-runtime invoke-model</c> (botocore's own service model, signer and retry handling) against
/// the emulator: embeddings, an image, a native chat body, and a refused body. Skipped when <c>aws</c> is not on PATH,
/// unless <c>PROMPTGEN_REQUIRE_AWS_CLI=1</c> (CI sets it in .ci/run), when a missing CLI fails the tests.
/// </summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private BedrockEmulator _emulator = null!;
    private string _directory = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await BedrockEmulator.StartAsync();
        _emulator.Script.When(promptContains: "[cli]").Usage(5, 2).ReplyText("Hello from the CLI test.");
        _directory = Directory.CreateTempSubdirectory("promptgen-aws-cli-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [AwsCliFact]
    public async Task Invoke_model_returns_titan_embeddings_to_the_cli()
    {
        (int exitCode, string stdout, string stderr, byte[] answer) = await InvokeAsync("amazon.titan-embed-text-v2:0", """{"inputText":"hello","dimensions":256}""");

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        using JsonDocument printed = JsonDocument.Parse(stdout);
        Assert.Equal("application/json", printed.RootElement.GetProperty("contentType").GetString());
        using JsonDocument body = JsonDocument.Parse(answer);
        Assert.Equal(256, body.RootElement.GetProperty("embedding").GetArrayLength());
        RecordedRequest request = Assert.Single(_emulator.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(("InvokeModel", 200), (request.Operation, request.ResponseStatus));
    }

    [AwsCliFact]
    public async Task Invoke_model_returns_a_stability_jpeg_of_the_aspect_ratio()
    {
        (int exitCode, _, string stderr, byte[] answer) = await InvokeAsync("stability.sd3-5-large-v1:0", """{"prompt":"a harbour","aspect_ratio":"9:16","output_format":"jpeg","seed":3}""");

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        using JsonDocument body = JsonDocument.Parse(answer);
        byte[] image = body.RootElement.GetProperty("images")[0].GetBytesFromBase64();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, image[..2]);
        int offset = 2;
        while (image[offset + 1] != 0xC0)
        {
            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 2));
        }

        Assert.Equal((768, 1344), (BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 7)), BinaryPrimitives.ReadUInt16BigEndian(image.AsSpan(offset + 5))));
    }

    [AwsCliFact]
    public async Task Invoke_model_takes_a_claude_messages_body()
    {
        (int exitCode, _, string stderr, byte[] answer) = await InvokeAsync(
            "us.anthropic.claude-haiku-4-5-20251001-v1:0",
            """{"anthropic_version":"bedrock-2023-05-31","max_tokens":50,"messages":[{"role":"user","content":"hi [cli]"}]}""");

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        using JsonDocument body = JsonDocument.Parse(answer);
        Assert.Equal("Hello from the CLI test.", body.RootElement.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [AwsCliFact]
    public async Task A_refused_body_is_the_cli_s_validation_exception()
    {
        (int exitCode, _, string stderr, _) = await InvokeAsync("cohere.embed-english-v3", """{"texts":["a"]}""");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ValidationException", stderr, StringComparison.Ordinal);
        Assert.Contains("required key [input_type] not found", stderr, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr, byte[] Answer)> InvokeAsync(string modelId, string body)
    {
        string bodyFile = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        string outFile = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".out");
        await File.WriteAllTextAsync(bodyFile, body);
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in new[]
        {
            "bedrock-runtime", "invoke-model", "--endpoint-url", _emulator.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1",
            "--model-id", modelId, "--content-type", "application/json", "--accept", "application/json",
            "--body", "fileb://" + bodyFile, "--cli-read-timeout", "30", "--output", "json", outFile,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Only the emulator's test credentials; never a developer's configuration, profile or endpoint.
        foreach (string name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_directory, "no-such-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory, "no-such-credentials");
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The AWS CLI ('aws') is required here ({AwsCliFactAttribute.RequireVariable}=1) but could not be started: {e.Message}. Install it (pip install awscli, or AWS CLI v2).", e);
        }

        using Process process = started ?? throw new InvalidOperationException("Could not start aws.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aws bedrock-runtime invoke-model did not finish within 2 minutes: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr, File.Exists(outFile) ? await File.ReadAllBytesAsync(outFile) : Array.Empty<byte>());
    }
}

/// <summary>
/// A fact that needs the AWS CLI: skipped with a reason when <c>aws</c> is not on PATH, unless
/// <c>PROMPTGEN_REQUIRE_AWS_CLI=1</c>, when it runs and fails on the missing CLI.
/// </summary>
internal sealed class AwsCliFactAttribute : FactAttribute
{
    public const string RequireVariable = "PROMPTGEN_REQUIRE_AWS_CLI";

    public AwsCliFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!IsInstalled() && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"The AWS CLI ('aws') is not on PATH; install it to run these tests (CI requires it: {RequireVariable}=1).";
        }
    }

    private static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "aws")) || File.Exists(Path.Combine(directory, "aws.exe")) || File.Exists(Path.Combine(directory, "aws.cmd")));
}
