using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

public sealed class RoutingTests
{
    private const string ProfileArn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0";

    [Fact]
    public async Task Percent_encoded_arn_is_one_segment_decoded_for_matching_and_recording()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        emulator.Script.When(model: ProfileArn).ReplyText("via profile");

        string reply = await Converse.AskAsync(emulator, "hi", modelId: ProfileArn);

        Assert.Equal("via profile", reply);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal(ProfileArn, recorded.ModelId);
        Assert.Equal(
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
            recorded.RawPath);
        Assert.True(recorded.SignatureValid);
        Assert.Equal("Converse", recorded.Operation);
    }

    [Theory]
    [InlineData("GET", "/model/x/converse")]
    [InlineData("POST", "/model/x/converse/")]
    [InlineData("POST", "/model/x/chat")]
    [InlineData("POST", "/models/x/converse")]
    [InlineData("POST", "/")]
    public async Task Unknown_route_is_404_unknown_operation(string method, string path)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(emulator.Endpoint, path));

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownOperationException", Converse.ErrorType(response));
        Assert.Contains(path, await Converse.ErrorMessageAsync(response), StringComparison.Ordinal);
        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Equal((EmulatorOperations.Unknown, 404), (recorded.Operation, recorded.ResponseStatus));
    }

    [Theory]
    [InlineData("count-tokens", "CountTokens")]
    public async Task Operations_not_emulated_yet_say_so_as_a_validation_exception(string action, string operation)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using HttpRequestMessage request = Converse.Request(emulator.Endpoint, Converse.HaikuModel, Converse.Body("hi"), action);
        await TestSigV4Signer.SignAsync(request, DateTimeOffset.UtcNow);

        using HttpResponseMessage response = await Converse.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Converse.ErrorType(response));
        Assert.Equal(
            $"The PromptGen Bedrock emulator does not emulate {operation} yet; only Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream are available.",
            await Converse.ErrorMessageAsync(response));
        Assert.Equal(operation, Assert.Single(emulator.Requests).Operation);
    }

    [Fact]
    public async Task Endpoint_is_loopback_on_the_bound_port()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.Endpoint.Host);
        Assert.NotEqual(0, emulator.Endpoint.Port);
        Assert.Equal("http", emulator.Endpoint.Scheme);
    }

    [Fact]
    public async Task Requested_port_is_used()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { Port = port });

        Assert.Equal(port, emulator.Endpoint.Port);
        Assert.StartsWith("Emulated reply", await Converse.AskAsync(emulator, "hi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taken_port_is_reported()
    {
        await using BedrockEmulator first = await BedrockEmulator.StartAsync();

        await Assert.ThrowsAnyAsync<System.IO.IOException>(() => BedrockEmulator.StartAsync(new BedrockEmulatorOptions { Port = first.Endpoint.Port }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task Out_of_range_port_is_rejected(int port)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => BedrockEmulator.StartAsync(new BedrockEmulatorOptions { Port = port }));
    }
}
