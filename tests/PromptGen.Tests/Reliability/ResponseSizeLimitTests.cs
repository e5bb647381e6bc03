using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Errors;
using PromptGen.Tests.Bedrock.Streaming;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;
using static PromptGen.Tests.Reliability.RetryTestClients;

namespace PromptGen.Tests.Reliability;

/// <summary>
/// <see cref="BedrockOptions.MaxResponseSize"/>: a body over it, by its Content-Length or counted as it arrives, is a
/// typed error after one attempt, read no further than the limit; service messages are cut in exceptions.
/// (Memory, measured, against the emulator: tests/PromptGen.EndToEnd.Tests/Reliability/ResponseSizeMemoryTests.)
/// </summary>
public sealed class ResponseSizeLimitTests
{
    private const long Limit = 1024 * 1024;
    private const long Huge = 300L * 1024 * 1024;

    public static TheoryData<int, string?> Statuses => new()
    {
        { 200, null },
        { 503, "ServiceUnavailableException" },  // retryable, yet not retried when oversized
        { 429, "ThrottlingException" },
        { 400, "ValidationException" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_content_length_over_the_limit_fails_before_a_byte_is_read_and_is_not_retried(int status, string? code)
    {
        GeneratedBodyContent body = status == 200 ? GeneratedBodyContent.Answer(Huge) : GeneratedBodyContent.Error(Huge);
        (BedrockRuntimeClient client, CapturingHandler handler) = Create(body, (HttpStatusCode)status, code);
        using BedrockRuntimeClient disposed = client;

        var error = await Assert.ThrowsAsync<BedrockResponseTooLargeException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Single(handler.Requests);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(0, body.BytesRead);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(Limit, error.MaxResponseSize);
        Assert.Equal(Huge, error.ContentLength);
        Assert.Equal("size-test-request", error.RequestId);
        Assert.Contains("limit of 1 MiB (1,048,576 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Content-Length is 300 MiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise BedrockOptions.MaxResponseSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("PromptGen:MaxResponseSize", error.Message, StringComparison.Ordinal);
        Assert.Contains(status == 200 ? "Bedrock's answer (HTTP 200" : $"Bedrock's error response (HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task An_endless_body_without_a_length_is_read_up_to_the_limit_only(int status, string? code)
    {
        GeneratedBodyContent body = status == 200 ? GeneratedBodyContent.Answer(null) : GeneratedBodyContent.Error(null);
        (BedrockRuntimeClient client, CapturingHandler handler) = Create(body, (HttpStatusCode)status, code);
        using BedrockRuntimeClient disposed = client;

        var error = await Assert.ThrowsAsync<BedrockResponseTooLargeException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Single(handler.Requests);
        Assert.Equal(1, error.Attempts);
        Assert.Null(error.ContentLength);
        Assert.InRange(body.BytesRead, Limit + 1, Limit + (64 * 1024));
        Assert.Contains("more bytes arrived than that", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_of_exactly_the_limit_is_read_and_one_byte_more_is_not(bool announce)
    {
        (BedrockRuntimeClient atLimit, _) = Create(GeneratedBodyContent.Answer(Limit, announce), HttpStatusCode.OK, null);
        using (atLimit)
        {
            ConverseResponse response = await atLimit.ConverseAsync(ModelId, TestClients.HiRequest());
            Assert.Equal(Limit - 150, response.GetOutputText().Length);
        }

        (BedrockRuntimeClient overLimit, CapturingHandler handler) = Create(GeneratedBodyContent.Answer(Limit + 1, announce), HttpStatusCode.OK, null);
        using (overLimit)
        {
            var error = await Assert.ThrowsAsync<BedrockResponseTooLargeException>(() => overLimit.ConverseAsync(ModelId, TestClients.HiRequest()));
            Assert.Equal(announce ? Limit + 1 : null, error.ContentLength);
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task An_error_body_under_the_limit_stays_an_ordinary_retryable_error_with_only_its_start_kept()
    {
        // 900 KiB of error body, no length: read to the end (under the limit), only the first 64 KiB kept.
        var clock = new StepClock();
        var bodies = new List<GeneratedBodyContent>();
        var handler = new CapturingHandler((_, _) =>
        {
            var body = GeneratedBodyContent.Error(900 * 1024, announce: false);
            bodies.Add(body);
            return Task.FromResult(body.Response(HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException"));
        });
        BedrockOptions options = Options(clock, maxAttempts: 2);
        options.MaxResponseSize = Limit;
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        await clock.FireNextTimerAsync();
        var error = await Assert.ThrowsAsync<BedrockServiceUnavailableException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(2, error.Attempts);
        Assert.All(bodies, body => Assert.Equal(900 * 1024, body.BytesRead));
        Assert.InRange(error.ServiceMessage.Length, 1, ServiceMessageText.MaxLength + 100);
        Assert.InRange(error.Message.Length, 1, ServiceMessageText.MaxLength + 300);
    }

    [Fact]
    public async Task A_long_service_message_is_cut_in_the_exception()
    {
        string message = "Input is invalid: " + new string('y', 50_000) + " END";
        var handler = CapturingHandler.Responding(HttpStatusCode.BadRequest, $$"""{"message":"{{message}}"}""", ("x-amzn-ErrorType", "ValidationException"));
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var error = await Assert.ThrowsAsync<BedrockValidationException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.StartsWith("Input is invalid: yyy", error.ServiceMessage, StringComparison.Ordinal);
        Assert.EndsWith("… (cut to 2,048 of 50,022 characters)", error.ServiceMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("END", error.ServiceMessage, StringComparison.Ordinal);
        Assert.InRange(error.Message.Length, 2048, 2048 + 300);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair_or_leaves_half_a_secret()
    {
        string emoji = new string('a', ServiceMessageText.MaxLength - 1) + "😀" + "tail";
        string cut = ServiceMessageText.Truncate(emoji, emoji.Length);
        Assert.StartsWith(new string('a', ServiceMessageText.MaxLength - 1) + "…", cut, StringComparison.Ordinal);

        // A secret straddling the cut is masked before cutting, not left half visible.
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com");
        const string secret = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789abcdefghijklmnopqrstuvwxyz";
        request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", secret);
        string message = new string('m', ServiceMessageText.MaxLength - 10) + secret + new string('m', 5000);
        string prepared = ServiceMessageText.Prepare(message, RequestSecretRedactor.ForRequest(request));
        Assert.DoesNotContain(secret[..10], prepared, StringComparison.Ordinal);
        Assert.Contains("***", prepared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_whose_error_response_is_too_large_fails_after_one_attempt()
    {
        GeneratedBodyContent body = GeneratedBodyContent.Error(null);
        (BedrockRuntimeClient client, CapturingHandler handler) = Create(body, HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException");
        using BedrockRuntimeClient disposed = client;

        var error = await Assert.ThrowsAsync<BedrockResponseTooLargeException>(() => ReadAllAsync(client.ConverseStreamAsync(ModelId, TestClients.HiRequest())));

        Assert.Single(handler.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.InRange(body.BytesRead, Limit + 1, Limit + (64 * 1024));
    }

    [Fact]
    public async Task A_stream_frame_larger_than_the_limit_is_refused_from_its_prelude()
    {
        byte[] bigDelta = Frames.Event("contentBlockDelta", $$$"""{"contentBlockIndex":0,"delta":{"text":"{{{new string('z', 70_000)}}}"}}""");
        var handler = new CapturingHandler((_, _) =>
        {
            var content = new ByteArrayContent(Frames.Concat(Frames.Event("messageStart", """{"role":"assistant"}"""), bigDelta));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.amazon.eventstream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        BedrockOptions options = TestClients.SigV4Options();
        options.MaxResponseSize = 64 * 1024;
        using BedrockRuntimeClient client = TestClients.Create(options, handler);
        var received = new List<ConverseStreamEvent>();

        var error = await Assert.ThrowsAsync<BedrockEventStreamException>(() => ReadAllAsync(client.ConverseStreamAsync(ModelId, TestClients.HiRequest()), received));

        Assert.Equal(EventStreamErrorKind.MessageTooLarge, error.Kind);
        Assert.Contains("BedrockOptions.MaxResponseSize", error.Message, StringComparison.Ordinal);
        Assert.Single(received);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_exception_frame_with_a_huge_message_is_cut_in_the_exception()
    {
        byte[] exception = PromptGen.Testing.Wire.EventStreamEncoder.Exception(
            "validationException", Encoding.UTF8.GetBytes($$"""{"message":"{{new string('q', 1_000_000)}}"}"""));
        var handler = new CapturingHandler((_, _) =>
        {
            var content = new ByteArrayContent(Frames.Concat(Frames.Event("messageStart", """{"role":"assistant"}"""), exception));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.amazon.eventstream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        using BedrockRuntimeClient client = TestClients.Create(TestClients.SigV4Options(), handler);

        var error = await Assert.ThrowsAsync<BedrockValidationException>(() => ReadAllAsync(client.ConverseStreamAsync(ModelId, TestClients.HiRequest())));

        Assert.InRange(error.Message.Length, 2048, 2048 + 300);
        Assert.EndsWith("(cut to 2,048 of 1,000,000 characters)", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_defaults_to_32_MiB_and_a_client_refuses_values_out_of_range()
    {
        Assert.Equal(32 * 1024 * 1024, new BedrockOptions().MaxResponseSize);
        Assert.Equal(BedrockOptions.DefaultMaxResponseSize, new BedrockOptions().MaxResponseSize);

        foreach (long refused in new[] { 0, -1, long.MinValue, (long)Array.MaxLength + 1, long.MaxValue })
        {
            BedrockOptions options = TestClients.SigV4Options();
            options.MaxResponseSize = refused;
            var error = Assert.Throws<BedrockConfigurationException>(() => TestClients.Create(options, new CapturingHandler()));
            Assert.Contains("BedrockOptions.MaxResponseSize must be between 1 and 2147483591 bytes", error.Message, StringComparison.Ordinal);
        }

        foreach (long accepted in new[] { 1, Array.MaxLength })
        {
            BedrockOptions options = TestClients.SigV4Options();
            options.MaxResponseSize = accepted;
            using BedrockRuntimeClient client = TestClients.Create(options, new CapturingHandler());
        }
    }

    private static (BedrockRuntimeClient Client, CapturingHandler Handler) Create(GeneratedBodyContent body, HttpStatusCode status, string? code)
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(body.Response(status, code)));
        BedrockOptions options = TestClients.SigV4Options();
        options.MaxResponseSize = Limit;
        return (TestClients.Create(options, handler), handler);
    }

    private static async Task ReadAllAsync(IAsyncEnumerable<ConverseStreamEvent> stream, List<ConverseStreamEvent>? received = null)
    {
        await foreach (ConverseStreamEvent e in stream.WithCancellation(CancellationToken.None))
        {
            received?.Add(e);
        }
    }
}
