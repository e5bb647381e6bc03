using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PromptGen;
using PromptGen.Testing;

// A user's app built from the PromptGen packages: DI, appsettings.json, logging, traces and metrics, against the
// emulator. It prints what it saw; PromptGen.Package.Tests checks the lines.
await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
emulator.Script.When(promptContains: "Summarize").Usage(40, 9).ReplyText("The customer was charged twice and wants a refund.");

using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name == PromptGenTelemetry.ActivitySourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = activity => Console.WriteLine($"span: {activity.DisplayName} input_tokens={activity.GetTagItem("gen_ai.usage.input_tokens")} method={activity.GetTagItem("promptgen.prompt.method")}"),
};
ActivitySource.AddActivityListener(listener);
using var meters = new MeterListener
{
    InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == PromptGenTelemetry.MeterName)
        {
            l.EnableMeasurementEvents(instrument);
        }
    },
};
meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => Console.WriteLine($"metric: {instrument.Name} {instrument.Unit}"));
meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
{
    foreach (var tag in tags)
    {
        if (tag.Key == "gen_ai.token.type")
        {
            Console.WriteLine($"metric: {instrument.Name} {value} {tag.Value}");
        }
    }
});
meters.Start();

var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build());
services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new ConsoleLines()));
services.AddPromptGen(options =>
{
    options.Endpoint = emulator.Endpoint;
    options.Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey);
});
services.AddPromptClient<IOrderPrompts>();
await using ServiceProvider provider = services.BuildServiceProvider();

BedrockOptions options = provider.GetRequiredService<IOptions<BedrockOptions>>().Value;
Console.WriteLine($"options: region={options.Region} timeout={options.Timeout}");
string summary = await provider.GetRequiredService<IOrderPrompts>().SummarizeAsync("I was charged twice for order 1042.");
Console.WriteLine($"result: {summary}");
return 0;

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IOrderPrompts
{
    [Prompt("Summarize this message in one sentence: {{ message }}")]
    [Inference(MaxTokens = 100)]
    Task<string> SummarizeAsync(string message, CancellationToken cancellationToken = default);
}

internal sealed class ConsoleLines : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Console.WriteLine($"log: {logLevel} {category}: {formatter(state, exception)}");
    }
}
