using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

public sealed class ConnectionFailureTests
{
    private const string ModelId = "amazon.nova-lite-v1:0";

    [Fact]
    public async Task Refused_connection_is_a_connection_exception_naming_the_endpoint()
    {
        Uri endpoint = new($"http://127.0.0.1:{UnusedLoopbackPort()}");
        var options = new BedrockOptions { BearerToken = "bedrock-api-key-abc", Endpoint = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        using var client = new BedrockRuntimeClient(options, httpClient: null, TestClients.Environment(new Dictionary<string, string>()));

        var error = await Assert.ThrowsAsync<BedrockConnectionException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal(new Uri(endpoint, "/"), error.Endpoint);
        Assert.Contains(endpoint.Authority, error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Transport_failure_from_the_handler_is_a_connection_exception()
    {
        var handler = new CapturingHandler((_, _) => throw new HttpRequestException("Name or service not known (bedrock-runtime.us-east-1.amazonaws.com:443)"));
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var error = await Assert.ThrowsAsync<BedrockConnectionException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal(new Uri("https://bedrock-runtime.us-east-1.amazonaws.com/"), error.Endpoint);
        Assert.StartsWith("Could not reach Bedrock Runtime at https://bedrock-runtime.us-east-1.amazonaws.com/", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_knowledge_base_or_control_plane_call_that_fails_to_connect_names_its_own_API_and_server()
    {
        var handler = new CapturingHandler((_, _) => throw new HttpRequestException("Name or service not known"));
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var retrieve = await Assert.ThrowsAsync<BedrockConnectionException>(() =>
            client.RetrieveAsync("KB12345678", new PromptGen.Bedrock.RetrieveRequest { RetrievalQuery = { Text = "refunds" } }));
        var job = await Assert.ThrowsAsync<BedrockConnectionException>(() =>
            new PromptGen.Batch.BedrockBatchClient(client).GetModelInvocationJobAsync("job-1"));

        Assert.Equal(new Uri("https://bedrock-agent-runtime.us-east-1.amazonaws.com/"), retrieve.Endpoint);
        Assert.StartsWith("Could not reach Bedrock Knowledge Bases (bedrock-agent-runtime) at https://bedrock-agent-runtime.us-east-1.amazonaws.com/", retrieve.Message);
        Assert.Equal(new Uri("https://bedrock.us-east-1.amazonaws.com/"), job.Endpoint);
        Assert.StartsWith("Could not reach the Bedrock control plane at https://bedrock.us-east-1.amazonaws.com/", job.Message);
    }

    [Fact]
    public async Task Connection_reset_while_reading_the_body_is_a_connection_exception()
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new FailingStream()),
        }));
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var error = await Assert.ThrowsAsync<BedrockConnectionException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.True(error.InnerException is HttpRequestException or IOException, error.InnerException?.GetType().Name);
        Assert.Contains("Connection reset by peer", error.ToString());
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Connection reset by peer");
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("Connection reset by peer"));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
