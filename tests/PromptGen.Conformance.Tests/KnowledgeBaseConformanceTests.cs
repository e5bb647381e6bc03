using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PromptGen.Bedrock;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Conformance.Tests;

/// <summary>
/// The Knowledge Bases runtime against real clients: the official <c>@aws-sdk/client-bedrock-agent-runtime</c> (over
/// HTTP/1.1 and its default HTTP/2 handler) and <c>aws bedrock-agent-runtime retrieve</c> reach the emulator's
/// knowledge base, signed, and parse its answers and errors; our request bodies equal the SDK's for the same input.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class KnowledgeBaseConformanceTests(NodeProject node) : IAsyncLifetime
{
    private const string KnowledgeBaseId = "KBCONF0001";
    private const string Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    private const string ModelArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + Model;
    private readonly string _folder = Directory.CreateTempSubdirectory("promptgen-kb-conformance-").FullName;
    private BedrockEmulator _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md"), "Throttling errors are retried with exponential backoff and full jitter.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "retries.md.metadata.json"), """{"metadataAttributes":{"team":"runtime","year":2025}}""");
        await File.WriteAllTextAsync(Path.Combine(_folder, "streams.md"), "An idle stream times out; throttling inside a stream is an error event.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "streams.md.metadata.json"), """{"metadataAttributes":{"team":"streaming","year":2024}}""");
        _emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { KnowledgeBases = { [KnowledgeBaseId] = _folder } });
        _emulator.Script.When(model: Model, promptContains: "Question: How is throttling retried?").ReplyText("Throttling is retried with full jitter.");
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("http1")]
    [InlineData("http2")]
    public async Task The_sdk_retrieves_ranked_passages_and_generates_cited_answers(string protocol)
    {
        Dictionary<string, JsonElement> results = await RunSdkAsync(protocol, [
            Call("retrieve", "retrieve", RetrieveInput()),
            Call("generate", "retrieveAndGenerate", GenerateInput()),
            Call("missing", "retrieve", new JsonObject { ["knowledgeBaseId"] = "KBMISSING1", ["retrievalQuery"] = new JsonObject { ["text"] = "x" } }),
        ]);

        JsonElement retrieved = Ok(results["retrieve"]).GetProperty("retrievalResults");
        Assert.Equal(1, retrieved.GetArrayLength());
        Assert.Equal("s3://promptgen-kb-kbconf0001/retries.md", retrieved[0].GetProperty("location").GetProperty("s3Location").GetProperty("uri").GetString());
        Assert.True(retrieved[0].GetProperty("score").GetDouble() > 0);
        Assert.Equal("runtime", retrieved[0].GetProperty("metadata").GetProperty("team").GetString());

        JsonElement generated = Ok(results["generate"]);
        Assert.Equal("Throttling is retried with full jitter.", generated.GetProperty("output").GetProperty("text").GetString());
        JsonElement citation = generated.GetProperty("citations")[0];
        Assert.Equal(0, citation.GetProperty("generatedResponsePart").GetProperty("textResponsePart").GetProperty("span").GetProperty("start").GetInt32());
        Assert.Contains(
            citation.GetProperty("retrievedReferences").EnumerateArray(),
            reference => reference.GetProperty("location").GetProperty("s3Location").GetProperty("uri").GetString() == "s3://promptgen-kb-kbconf0001/retries.md");

        JsonElement error = results["missing"];
        Assert.False(error.GetProperty("ok").GetBoolean());
        Assert.Equal(("ResourceNotFoundException", 404), (error.GetProperty("error").GetProperty("name").GetString(), error.GetProperty("error").GetProperty("status").GetInt32()));
        Assert.All(_emulator.Requests, request => Assert.True(request.SignatureValid));
    }

    [Fact]
    public async Task Our_request_bodies_equal_the_sdks_for_the_same_input()
    {
        Dictionary<string, JsonElement> results = await RunSdkAsync("http1", [Call("retrieve", "retrieve", RetrieveInput()), Call("generate", "retrieveAndGenerate", GenerateInput())]);
        Ok(results["retrieve"]);
        Ok(results["generate"]);
        using (BedrockRuntimeClient client = OurClient())
        {
            await client.RetrieveAsync(KnowledgeBaseId, new RetrieveRequest
            {
                RetrievalQuery = { Text = "throttling retried" },
                RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
                {
                    VectorSearchConfiguration =
                    {
                        NumberOfResults = 3,
                        OverrideSearchType = SearchTypes.Hybrid,
                        Filter = RetrievalFilter.AndAll(RetrievalFilter.In("team", "runtime", "ads"), RetrievalFilter.GreaterThanOrEqual("year", 2025)),
                    },
                },
            });
            await client.RetrieveAndGenerateAsync(new RetrieveAndGenerateRequest
            {
                Input = { Text = "How is throttling retried?" },
                RetrieveAndGenerateConfiguration =
                {
                    KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration
                    {
                        KnowledgeBaseId = KnowledgeBaseId,
                        ModelArn = ModelArn,
                        RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration { VectorSearchConfiguration = { Filter = RetrievalFilter.StartsWith("team", "run") } },
                        GenerationConfiguration = new GenerationConfiguration { InferenceConfig = new KnowledgeBaseInferenceConfig { TextInferenceConfig = new TextInferenceConfig { MaxTokens = 300, Temperature = 0.5f } } },
                    },
                },
            });
        }

        for (int i = 0; i < 2; i++)
        {
            RecordedRequest sdk = _emulator.Requests[i], ours = _emulator.Requests[i + 2];
            Assert.Equal((sdk.Operation, sdk.RawPath), (ours.Operation, ours.RawPath));
            Assert.Equal(sdk.Headers["Content-Type"], ours.Headers["Content-Type"]);
            using JsonDocument sdkBody = JsonDocument.Parse(sdk.Body), ourBody = JsonDocument.Parse(ours.Body);
            Assert.Null(JsonSemantics.FirstDifference(sdkBody.RootElement, ourBody.RootElement));
        }
    }

    [AwsCliFact]
    public async Task The_aws_cli_retrieves_from_the_emulators_knowledge_base()
    {
        (int exitCode, string stdout, string stderr) = await RunCliAsync(
            "bedrock-agent-runtime", "retrieve", "--knowledge-base-id", KnowledgeBaseId,
            "--retrieval-query", """{"text":"idle stream"}""",
            "--retrieval-configuration", """{"vectorSearchConfiguration":{"numberOfResults":1,"filter":{"equals":{"key":"team","value":"streaming"}}}}""");

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        using JsonDocument printed = JsonDocument.Parse(stdout);
        JsonElement result = Assert.Single(printed.RootElement.GetProperty("retrievalResults").EnumerateArray());
        Assert.Equal("s3://promptgen-kb-kbconf0001/streams.md", result.GetProperty("location").GetProperty("s3Location").GetProperty("uri").GetString());
        RecordedRequest request = Assert.Single(_emulator.Requests);
        Assert.Equal(("Retrieve", true, 200), (request.Operation, request.SignatureValid, request.ResponseStatus));

        (int missingExit, _, string missingError) = await RunCliAsync(
            "bedrock-agent-runtime", "retrieve", "--knowledge-base-id", "KBMISSING1", "--retrieval-query", """{"text":"x"}""");
        Assert.NotEqual(0, missingExit);
        Assert.Contains("ResourceNotFoundException", missingError, StringComparison.Ordinal);
    }

    private static JsonObject RetrieveInput() => new()
    {
        ["knowledgeBaseId"] = KnowledgeBaseId,
        ["retrievalQuery"] = new JsonObject { ["text"] = "throttling retried" },
        ["retrievalConfiguration"] = new JsonObject
        {
            ["vectorSearchConfiguration"] = new JsonObject
            {
                ["numberOfResults"] = 3,
                ["overrideSearchType"] = "HYBRID",
                ["filter"] = JsonNode.Parse("""{"andAll":[{"in":{"key":"team","value":["runtime","ads"]}},{"greaterThanOrEquals":{"key":"year","value":2025}}]}"""),
            },
        },
    };

    private static JsonObject GenerateInput() => new()
    {
        ["input"] = new JsonObject { ["text"] = "How is throttling retried?" },
        ["retrieveAndGenerateConfiguration"] = new JsonObject
        {
            ["type"] = "KNOWLEDGE_BASE",
            ["knowledgeBaseConfiguration"] = new JsonObject
            {
                ["knowledgeBaseId"] = KnowledgeBaseId,
                ["modelArn"] = ModelArn,
                ["retrievalConfiguration"] = JsonNode.Parse("""{"vectorSearchConfiguration":{"filter":{"startsWith":{"key":"team","value":"run"}}}}"""),
                ["generationConfiguration"] = JsonNode.Parse("""{"inferenceConfig":{"textInferenceConfig":{"maxTokens":300,"temperature":0.5}}}"""),
            },
        },
    };

    private static JsonObject Call(string name, string operation, JsonObject input) => new() { ["name"] = name, ["operation"] = operation, ["input"] = input };

    private async Task<Dictionary<string, JsonElement>> RunSdkAsync(string protocol, JsonArray calls)
    {
        Uri endpoint = protocol == "http2" ? _emulator.Http2Endpoint : _emulator.Endpoint;
        JsonElement results = await node.RunScriptJsonAsync("kb-calls.mjs", $"{endpoint} {protocol}", calls.ToJsonString());
        return results.EnumerateArray().ToDictionary(result => result.GetProperty("name").GetString()!);
    }

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        return result.GetProperty("output");
    }

    private BedrockRuntimeClient OurClient() => new(new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = _emulator.Endpoint,
        Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
        Timeout = TimeSpan.FromSeconds(30),
        Retry = new BedrockRetryOptions { MaxAttempts = 1 },
    });

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments.Concat(["--endpoint-url", _emulator.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json"]))
        {
            start.ArgumentList.Add(argument);
        }

        // Only the emulator's test credentials; never a developer's configuration, profile or endpoint.
        foreach (string name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME", "AWS_CA_BUNDLE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = EmulatorCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_folder, "no-such-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_folder, "no-such-credentials");
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aws.");
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
            throw new TimeoutException($"aws {string.Join(' ', arguments.Take(2))} did not finish within 2 minutes: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
