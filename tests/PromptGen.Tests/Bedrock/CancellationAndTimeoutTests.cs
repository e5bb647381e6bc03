using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>The caller's cancellation, the client's time limit and HttpClient's own timeout stay distinguishable.</summary>
public sealed class CancellationAndTimeoutTests
{
    private const string ModelId = "amazon.nova-lite-v1:0";

    [Fact]
    public async Task Caller_cancellation_is_an_operation_canceled_exception_with_the_callers_token()
    {
        var handlerEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CapturingHandler(async (_, token) =>
        {
            handlerEntered.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);
        using var cancellation = new CancellationTokenSource();

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest(), cancellation.Token);
        await handlerEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Already_canceled_token_sends_nothing()
    {
        var handler = new CapturingHandler();
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.ConverseAsync(ModelId, TestClients.HiRequest(), new CancellationToken(canceled: true)));

        Assert.True(error.CancellationToken.IsCancellationRequested);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Client_timeout_is_a_bedrock_timeout_exception()
    {
        var handler = new CapturingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        BedrockOptions options = TestClients.SigV4Options();
        options.Timeout = TimeSpan.FromMilliseconds(100);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal(TimeSpan.FromMilliseconds(100), error.Timeout);
        Assert.Equal(client.Endpoint, error.Endpoint);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("did not complete within 0.1 s", error.Message);
    }

    [Fact]
    public async Task HttpClient_timeout_of_a_supplied_client_is_a_bedrock_timeout_exception()
    {
        var handler = new CapturingHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var httpClient = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(100) };
        using var client = new BedrockRuntimeClient(TestClients.SigV4Options(), httpClient, TestClients.Environment());

        var error = await Assert.ThrowsAsync<BedrockTimeoutException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Equal(TimeSpan.FromMilliseconds(100), error.Timeout);
    }

    [Fact]
    public async Task Timeout_while_reading_the_body_is_still_a_timeout()
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(new NeverEndingStream()),
        }));
        BedrockOptions options = TestClients.SigV4Options();
        options.Timeout = TimeSpan.FromMilliseconds(100);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        await Assert.ThrowsAsync<BedrockTimeoutException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));
    }

    [Fact]
    public void Infinite_timeout_is_allowed_and_the_default_is_five_minutes()
    {
        var options = new BedrockOptions();
        Assert.Equal(TimeSpan.FromMinutes(5), options.Timeout);

        options.Timeout = Timeout.InfiniteTimeSpan;

        Assert.Equal(Timeout.InfiniteTimeSpan, options.Timeout);
    }

    /// <summary>A response body that never delivers a byte until canceled.</summary>
    private sealed class NeverEndingStream : System.IO.Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("synchronous read");
        public override void Flush() { }
        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
