using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>What a Converse call puts on the wire: method, path, headers, JSON body (wire spec §2, §3).</summary>
public sealed class ConverseWireTests
{
    [Theory]
    [InlineData("us.anthropic.claude-haiku-4-5-20251001-v1:0", "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse")]
    [InlineData(
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse")]
    [InlineData("amazon.titan-text-express-v1", "/model/amazon.titan-text-express-v1/converse")]
    public async Task Model_id_is_one_percent_encoded_path_segment(string modelId, string expectedPath)
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        await client.ConverseAsync(modelId, TestClients.HiRequest());

        CapturedRequest sent = handler.Single;
        Assert.Equal(HttpMethod.Post, sent.Message.Method);
        Assert.Equal(expectedPath, sent.PathAndQuery);
        Assert.Equal("https://bedrock-runtime.us-east-1.amazonaws.com" + expectedPath, sent.Message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Custom_endpoint_with_a_base_path_keeps_it()
    {
        var handler = new CapturingHandler();
        var options = new BedrockOptions { BearerToken = "bedrock-api-key-abc", Endpoint = new Uri("http://127.0.0.1:9000/proxy/bedrock") };
        using BedrockRuntimeClient client = TestClients.Create(options, handler, new Dictionary<string, string>());

        await client.ConverseAsync("amazon.nova-lite-v1:0", TestClients.HiRequest());

        Assert.Equal("http://127.0.0.1:9000/proxy/bedrock/model/amazon.nova-lite-v1%3A0/converse", handler.Single.Message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Standard_headers_are_sent()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        await client.ConverseAsync("amazon.nova-lite-v1:0", TestClients.HiRequest());

        CapturedRequest sent = handler.Single;
        Assert.Equal("application/json", sent.Header("Content-Type"));
        Assert.Matches(@"^promptgen/\d+\.\d+\.\d+", sent.Header("User-Agent"));
        Assert.True(Guid.TryParse(sent.Header("amz-sdk-invocation-id"), out _));
        Assert.Equal("attempt=1; max=3", sent.Header("amz-sdk-request"));
    }

    [Fact]
    public async Task Every_call_gets_its_own_invocation_id()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        await client.ConverseAsync("amazon.nova-lite-v1:0", TestClients.HiRequest());
        await client.ConverseAsync("amazon.nova-lite-v1:0", TestClients.HiRequest());

        Assert.NotEqual(handler.Requests[0].Header("amz-sdk-invocation-id"), handler.Requests[1].Header("amz-sdk-invocation-id"));
    }

    [Fact]
    public async Task Body_is_camel_case_json_without_nulls()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);
        var request = new ConverseRequest
        {
            System = new List<SystemContentBlock> { SystemContentBlock.FromText("You are terse.") },
            Messages = { Message.User("Weather in Paris?"), Message.Assistant("Sunny."), Message.User("Thanks") },
            InferenceConfig = new InferenceConfiguration { MaxTokens = 256, Temperature = 0.5f, StopSequences = new List<string> { "END" } },
            AdditionalModelRequestFields = JsonDocument.Parse("""{"top_k":50}""").RootElement,
        };

        await client.ConverseAsync("amazon.nova-lite-v1:0", request);

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"text":"Weather in Paris?"}]},{"role":"assistant","content":[{"text":"Sunny."}]},{"role":"user","content":[{"text":"Thanks"}]}],"system":[{"text":"You are terse."}],"inferenceConfig":{"maxTokens":256,"temperature":0.5,"stopSequences":["END"]},"additionalModelRequestFields":{"top_k":50}}""",
            handler.Single.Body);
    }

    [Fact]
    public async Task Unset_optional_members_are_left_out()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        await client.ConverseAsync("amazon.nova-lite-v1:0", new ConverseRequest { Messages = { Message.User("Hi") } });

        Assert.Equal("""{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}""", handler.Single.Body);
        Assert.DoesNotContain("null", handler.Single.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_model_id_is_an_argument_error(string? modelId)
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ConverseAsync(modelId!, TestClients.HiRequest()));

        Assert.Equal("modelId", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Overlong_model_id_is_an_argument_error()
    {
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), new CapturingHandler());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ConverseAsync(new string('a', 2049), TestClients.HiRequest()));

        Assert.Equal("modelId", error.ParamName);
    }

    [Fact]
    public async Task Null_request_is_an_argument_error()
    {
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), new CapturingHandler());

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.ConverseAsync("amazon.nova-lite-v1:0", null!));

        Assert.Equal("request", error.ParamName);
    }

    [Fact]
    public async Task Request_that_cannot_be_serialized_is_an_argument_error()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);
        var request = new ConverseRequest { Messages = { Message.User("Hi") }, AdditionalModelRequestFields = default(JsonElement) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ConverseAsync("amazon.nova-lite-v1:0", request));

        Assert.Equal("request", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Disposed_client_refuses_calls()
    {
        BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), new CapturingHandler());
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ConverseAsync("amazon.nova-lite-v1:0", TestClients.HiRequest()));
    }

    [Fact]
    public async Task Caller_supplied_http_client_is_not_disposed()
    {
        var handler = new CapturingHandler();
        using var httpClient = new HttpClient(handler);
        var client = new BedrockRuntimeClient(new BedrockOptions { BearerToken = "bedrock-api-key-abc", Endpoint = new Uri("http://localhost:1") }, httpClient);

        client.Dispose();

        using HttpResponseMessage response = await httpClient.GetAsync("http://localhost:1/still-usable");
        Assert.Equal("/still-usable", handler.Single.PathAndQuery);
    }
}
