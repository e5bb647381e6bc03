using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.Tests.DependencyInjection;

public sealed class AddPromptGenTests
{
    [Fact]
    public async Task A_registered_prompt_interface_calls_Bedrock_with_the_settings_from_appsettings()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Script.When(promptContains: "like grass").ReplyText("Green");
        ServiceCollection services = host.Services();
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        string colour = await provider.GetRequiredService<IHostedPrompts>().ColourAsync("grass");

        Assert.Equal("Green", colour);
        RecordedRequest request = Assert.Single(host.Emulator.Requests);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", request.ModelId);
        Assert.True(request.SignatureValid);
        Assert.Equal("Name a colour like grass.", request.UserText);
    }

    [Fact]
    public void Options_are_bound_from_the_PromptGen_section_and_code_wins_over_configuration()
    {
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration("""
            {
              "PromptGen": {
                "Region": "eu-central-1",
                "Profile": "prompts",
                "Endpoint": "https://vpce-123.bedrock-runtime.eu-central-1.vpce.amazonaws.com",
                "DefaultModel": "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "Timeout": "00:02:30",
                "StreamTimeout": "-00:00:00.001",
                "StreamIdleTimeout": "00:00:45",
                "MaxResponseSize": "67108864",
                "EnableSensitiveData": "true",
                "Retry": { "MaxAttempts": "5", "BaseDelay": "00:00:00.250", "MaxDelay": "00:00:10", "AttemptTimeout": "00:00:40", "UseRetryQuota": "false" }
              }
            }
            """));
        services.AddPromptGen(options => options.Profile = "from-code");
        using ServiceProvider provider = services.BuildServiceProvider();

        BedrockOptions options = provider.GetRequiredService<IOptions<BedrockOptions>>().Value;

        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal("from-code", options.Profile);
        Assert.Equal(new Uri("https://vpce-123.bedrock-runtime.eu-central-1.vpce.amazonaws.com"), options.Endpoint);
        Assert.Equal("eu.anthropic.claude-sonnet-4-5-20250929-v1:0", options.DefaultModel);
        Assert.Equal(TimeSpan.FromSeconds(150), options.Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.StreamTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.StreamIdleTimeout);
        Assert.Equal(64 * 1024 * 1024, options.MaxResponseSize);
        Assert.True(options.EnableSensitiveData);
        Assert.Equal(5, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(40), options.Retry.AttemptTimeout);
        Assert.False(options.Retry.UseRetryQuota);
        Assert.False(options.UseFips);
    }

    [Fact]
    public void Options_come_from_a_chosen_section_when_one_is_given()
    {
        IConfiguration configuration = EmulatorHost.Configuration("""{ "Ai": { "Bedrock": { "Region": "ap-southeast-2" } } }""");
        var services = new ServiceCollection();
        services.AddPromptGen(configuration.GetSection("Ai:Bedrock"));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal("ap-southeast-2", provider.GetRequiredService<IOptions<BedrockOptions>>().Value.Region);
        Assert.Equal("ap-southeast-2", provider.GetRequiredService<BedrockRuntimeClient>().Region);
    }

    [Fact]
    public void A_malformed_configuration_value_names_its_key_without_echoing_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration("""{ "PromptGen": { "Region": "us-east-1", "Timeout": "five minutes" } }"""));
        services.AddPromptGen();
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BedrockOptions>>().Value);

        Assert.Contains("PromptGen:Timeout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("five minutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_size_that_is_not_a_whole_number_of_bytes_names_its_key()
    {
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration("""{ "PromptGen": { "Region": "us-east-1", "MaxResponseSize": "64MB" } }"""));
        services.AddPromptGen();
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BedrockOptions>>().Value);

        Assert.Contains("PromptGen:MaxResponseSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("a whole number of bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_the_client_would_refuse_fail_validation_with_the_setting_named()
    {
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration("""
            {
              "PromptGen": {
                "Region": "us-east-1", "Endpoint": "http://127.0.0.1:1", "UseFips": "true", "Timeout": "-00:00:05",
                "StreamTimeout": "00:00:00", "StreamIdleTimeout": "-00:00:01", "MaxResponseSize": "0"
              }
            }
            """));
        services.AddPromptGen();
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBedrockRuntime>());

        Assert.Contains(error.Failures, failure => failure.Contains("PromptGen:Timeout", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PromptGen:StreamTimeout must be positive", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PromptGen:StreamIdleTimeout must be positive", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PromptGen:MaxResponseSize must be between 1 and", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PromptGen:Endpoint cannot be combined with UseFips", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retry_setting_out_of_range_names_its_key()
    {
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorHost.Configuration("""{ "PromptGen": { "Region": "us-east-1", "Retry": { "MaxAttempts": "0" } } }"""));
        services.AddPromptGen();
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BedrockOptions>>().Value);

        Assert.Contains("PromptGen:Retry:MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 2, true)]
    public async Task Configured_retry_settings_reach_the_client(int maxAttempts, int expectedRequests, bool succeeds)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Script.When(promptContains: "like rust").Times(1).ReplyError("ThrottlingException", 429, "Rate exceeded");
        host.Emulator.Script.When(promptContains: "like rust").ReplyText("Orange");
        ServiceCollection services = host.Services($$""" "Retry": { "MaxAttempts": "{{maxAttempts}}", "BaseDelay": "00:00:00" } """);
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        Task<string> call = provider.GetRequiredService<IHostedPrompts>().ColourAsync("rust");

        if (succeeds)
        {
            Assert.Equal("Orange", await call);
        }
        else
        {
            await Assert.ThrowsAsync<BedrockThrottlingException>(() => call);
        }

        Assert.Equal(expectedRequests, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task The_client_sends_through_the_named_HttpClient_of_the_factory()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        var counter = new CountingHandler();
        ServiceCollection services = host.Services();
        services.AddHttpClient(BedrockOptions.HttpClientName).AddHttpMessageHandler(() => counter);
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHostedPrompts>().ColourAsync("the sky");
        await provider.GetRequiredService<IHostedPrompts>().ColourAsync("the sea");

        Assert.Equal(2, counter.Count);
        Assert.Equal(2, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task The_registered_TimeProvider_is_the_signing_clock()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        // Inside the emulator's allowed clock skew, but not the machine's time to the second.
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, DateTime.UtcNow.Day, DateTime.UtcNow.Hour, DateTime.UtcNow.Minute, 0, TimeSpan.Zero).AddMinutes(-2).AddSeconds(7));
        ServiceCollection services = host.Services();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPromptClient<IHostedPrompts>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHostedPrompts>().ColourAsync("snow");

        RecordedRequest request = Assert.Single(host.Emulator.Requests);
        Assert.Equal(clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), request.Headers["x-amz-date"]);
        Assert.True(request.SignatureValid);
    }

    [Fact]
    public void Registrations_are_singletons_and_adding_twice_duplicates_nothing()
    {
        var services = new ServiceCollection();
        services.AddPromptGen(options => options.Region = "us-west-2");
        services.AddPromptGen(options => options.Timeout = TimeSpan.FromSeconds(30));
        services.AddPromptClient<IHostedPrompts>();
        services.AddPromptClient<IHostedPrompts>();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IBedrockRuntime));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedPrompts));
        Assert.Same(provider.GetRequiredService<IBedrockRuntime>(), provider.GetRequiredService<IBedrockRuntime>());
        Assert.Same(provider.GetRequiredService<IHostedPrompts>(), provider.GetRequiredService<IHostedPrompts>());
        BedrockOptions options = provider.GetRequiredService<IOptions<BedrockOptions>>().Value;
        Assert.Equal("us-west-2", options.Region);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public async Task AddPromptClient_alone_registers_PromptGen_and_keeps_a_replaced_runtime()
    {
        var fake = new RecordingRuntime();
        var services = new ServiceCollection();
        services.AddSingleton<IBedrockRuntime>(fake);
        services.AddPromptClient<IHostedPrompts>(ServiceLifetime.Transient);
        using ServiceProvider provider = services.BuildServiceProvider();

        IHostedPrompts first = provider.GetRequiredService<IHostedPrompts>();
        string answer = await first.ColourAsync("a lemon");

        Assert.Equal("answer 1", answer);
        Assert.Equal("us.anthropic.claude-haiku-4-5-20251001-v1:0", Assert.Single(fake.ModelIds));
        Assert.NotSame(first, provider.GetRequiredService<IHostedPrompts>());
        Assert.Contains(services, d => d.ServiceType == typeof(BedrockRuntimeClient));
    }

    [Fact]
    public async Task The_generated_interface_creates_itself_through_IPromptClient()
    {
        var fake = new RecordingRuntime();

        IHostedPrompts client = CreateThroughConstraint<IHostedPrompts>(fake);

        Assert.Equal("answer 1", await client.ColourAsync("coal"));
    }

    private static T CreateThroughConstraint<T>(IBedrockRuntime runtime)
        where T : class, IPromptClient<T> => T.Create(runtime);

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
