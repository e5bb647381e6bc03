using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.DependencyInjection;

/// <summary>
/// Where AddPromptGen()'s client signs: inside the primary handler, after every handler, logger and filter of the
/// application, so none of them sees a credential (docs/reliability.md, "Credentials never leave the signer").
/// </summary>
public sealed class SigningPlacementTests
{
    private const string SessionToken = "IQoJb3JpZ2luX2VjEPlacementTestSessionToken+/0123456789abcdefghijklmnop==";

    [Fact]
    public async Task The_applications_primary_handler_gets_the_signed_request_and_its_other_handlers_never_see_credentials()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        var outer = new HeaderRecorder();
        var transport = new HeaderRecorder();
        ServiceCollection services = host.Services(configure: o => o.Credentials = new SessionAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey, SessionToken));
        services.AddHttpClient(BedrockOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler(transport) { InnerHandler = new SocketsHttpHandler() })
            .AddHttpMessageHandler(() => new RecordingHandler(outer));
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHostedPrompts>().ColourAsync("moss");

        Assert.True(Assert.Single(host.Emulator.Requests).SignatureValid);
        IReadOnlyDictionary<string, string> sent = Assert.Single(transport.Before);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={EmulatorCredentials.AccessKeyId}/", sent["Authorization"], StringComparison.Ordinal);
        Assert.Equal(SessionToken, sent["X-Amz-Security-Token"]);
        // Outside the signer: the attempt headers, never a credential, before sending or after the answer.
        foreach (IReadOnlyDictionary<string, string> seen in outer.Before.Concat(outer.After))
        {
            Assert.Contains("amz-sdk-invocation-id", seen.Keys);
            Assert.DoesNotContain("Authorization", seen.Keys);
            Assert.DoesNotContain("X-Amz-Security-Token", seen.Keys);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_filter_that_replaces_the_primary_handler_is_wrapped_too_whenever_it_was_registered(bool beforeAddPromptGen)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        var transport = new HeaderRecorder();
        var services = new ServiceCollection();
        var filter = new ServiceDescriptor(typeof(IHttpMessageHandlerBuilderFilter), new ReplacePrimaryFilter(transport));
        if (beforeAddPromptGen)
        {
            services.AddHttpClient();
            services.Add(filter);
        }

        services.AddPromptGen(o =>
        {
            o.Region = "us-east-1";
            o.Endpoint = host.Emulator.Endpoint;
            o.Credentials = new BasicAWSCredentials(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
        });
        if (!beforeAddPromptGen)
        {
            services.Add(filter);
        }

        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHostedPrompts>().ColourAsync("slate");

        Assert.True(Assert.Single(host.Emulator.Requests).SignatureValid);
        Assert.Contains("Authorization", Assert.Single(transport.Before).Keys);
    }

    [Fact]
    public async Task A_factory_that_leaves_the_signer_out_fails_closed_without_sending_credentials()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        ServiceCollection services = host.Services();
        // An IHttpClientFactory that runs no filters, so nothing signs.
        services.AddSingleton<IHttpClientFactory>(new PlainFactory());
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => provider.GetRequiredService<IHostedPrompts>().ColourAsync("ash"));

        Assert.Contains("went out unsigned", error.Message, StringComparison.Ordinal);
        RecordedRequest request = Assert.Single(host.Emulator.Requests);
        Assert.False(request.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh_inside_the_factory_client()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Script.When(promptContains: "like jade").Times(2).ReplyThrottling();
        host.Emulator.Script.When(promptContains: "like jade").ReplyText("Green");
        ServiceCollection services = host.Services("""
            "Retry": { "MaxAttempts": 3, "BaseDelay": "00:00:00.001" }
            """);
        services.AddSingleton<TimeProvider>(new SteppingClock(DateTimeOffset.UtcNow.AddMinutes(-1)));
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal("Green", await provider.GetRequiredService<IHostedPrompts>().ColourAsync("jade"));

        IReadOnlyList<RecordedRequest> requests = host.Emulator.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.Equal(3, requests.Select(r => r.Headers["x-amz-date"]).Distinct().Count());
        Assert.Equal(new[] { "attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3" }, requests.Select(r => r.Headers["amz-sdk-request"]));
        Assert.Single(requests.Select(r => r.Headers["amz-sdk-invocation-id"]).Distinct());
    }

    [Fact]
    public async Task A_handler_that_sends_the_same_request_again_gets_a_fresh_signature()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        ServiceCollection services = host.Services();
        services.AddSingleton<TimeProvider>(new SteppingClock(DateTimeOffset.UtcNow.AddMinutes(-1)));
        // As a resilience handler of the application's would: the same HttpRequestMessage, sent twice.
        services.AddHttpClient(BedrockOptions.HttpClientName).AddHttpMessageHandler(() => new SendTwiceHandler());
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHostedPrompts>().ColourAsync("rain");

        IReadOnlyList<RecordedRequest> requests = host.Emulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.NotEqual(requests[0].Headers["x-amz-date"], requests[1].Headers["x-amz-date"]);
    }

    [Fact]
    public async Task Credentials_that_cannot_be_fetched_inside_the_handler_fail_as_before_and_nothing_is_sent()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        ServiceCollection services = host.Services(configure: o => o.Credentials = new ThrowingCredentials(
            new AmazonClientException($"Process returned {{\"SecretAccessKey\":\"{EmulatorCredentials.SecretAccessKey}\"}}")));
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        // The handler's error reaches the caller as it is: not a connection error, not retried.
        var error = await Assert.ThrowsAsync<BedrockConfigurationException>(() => provider.GetRequiredService<IHostedPrompts>().ColourAsync("fog"));

        Assert.Contains("Fetching AWS credentials from BedrockOptions.Credentials failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorCredentials.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Requests);
    }

    /// <summary>Every request's headers as one handler saw them, before sending and after the answer.</summary>
    private sealed class HeaderRecorder
    {
        public ConcurrentQueue<IReadOnlyDictionary<string, string>> Before { get; } = new();

        public ConcurrentQueue<IReadOnlyDictionary<string, string>> After { get; } = new();

        public static IReadOnlyDictionary<string, string> Snapshot(HttpRequestMessage request) =>
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
    }

    private sealed class RecordingHandler(HeaderRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder.Before.Enqueue(HeaderRecorder.Snapshot(request));
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            recorder.After.Enqueue(HeaderRecorder.Snapshot(request));
            return response;
        }
    }

    private sealed class ReplacePrimaryFilter(HeaderRecorder transport) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            builder.PrimaryHandler = new RecordingHandler(transport) { InnerHandler = new SocketsHttpHandler() };
        };
    }

    private sealed class PlainFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new SocketsHttpHandler());
    }

    private sealed class SendTwiceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using (HttpResponseMessage first = await base.SendAsync(request, cancellationToken))
            {
                await first.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ThrowingCredentials(Exception error) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw error;
    }

    /// <summary>A clock a second further on at every reading, so each signature has its own date.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private long _readings;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _readings));
    }
}
