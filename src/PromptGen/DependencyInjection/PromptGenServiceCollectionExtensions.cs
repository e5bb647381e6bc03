using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PromptGen;
using PromptGen.Bedrock.Configuration;
using PromptGen.DependencyInjection;

// The namespace of IServiceCollection, as for the framework's own Add... methods: they show up without a using.
// Extension methods for IServiceCollection live in its own namespace, the convention every .NET library follows, so
// AddPromptGen() needs no extra using.
#pragma warning disable IDE0130 // Namespace does not match folder structure
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers PromptGen in a service collection.</summary>
public static class PromptGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bedrock client (<see cref="IBedrockRuntime"/> and <see cref="BedrockRuntimeClient"/>,
    /// singletons) with <see cref="BedrockOptions"/> bound from the <c>"PromptGen"</c> section of the application's
    /// <see cref="IConfiguration"/> (when one is registered) and then changed by <paramref name="configure"/>. The
    /// client sends through the <see cref="BedrockOptions.HttpClientName"/> client of
    /// <see cref="IHttpClientFactory"/>, uses the registered <see cref="TimeProvider"/> (the system clock unless
    /// one is registered), and logs and traces through the registered logging and OpenTelemetry. Calling it again
    /// only adds <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddPromptGen(this IServiceCollection services, Action<BedrockOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<BedrockOptions>, BedrockConfigurationSetup>(
            static provider => new BedrockConfigurationSetup(provider)));
        return AddCore(services, configure);
    }

    /// <summary>
    /// Like <see cref="AddPromptGen(IServiceCollection, Action{BedrockOptions}?)"/>, but binds
    /// <see cref="BedrockOptions"/> from <paramref name="section"/> (e.g. <c>configuration.GetSection("Bedrock")</c>)
    /// instead of the application's <c>"PromptGen"</c> section.
    /// </summary>
    public static IServiceCollection AddPromptGen(this IServiceCollection services, IConfiguration section, Action<BedrockOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddSingleton<IConfigureOptions<BedrockOptions>>(new BedrockConfigurationSetup(section));
        return AddCore(services, configure);
    }

    /// <summary>
    /// Registers the generated client of the prompt interface <typeparamref name="TClient"/>, created with its
    /// generated <c>Create</c> over the registered <see cref="IBedrockRuntime"/> (no reflection: safe with trimming
    /// and NativeAOT). Registers PromptGen itself when <see cref="AddPromptGen(IServiceCollection, Action{BedrockOptions}?)"/>
    /// was not called. A registration of <typeparamref name="TClient"/> that already exists is kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="lifetime">Singleton by default: generated clients hold no state of their own.</param>
    public static IServiceCollection AddPromptClient<TClient>(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TClient : class, IPromptClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.IsPromptGenRegistered())
        {
            services.AddPromptGen();
        }

        services.TryAdd(new ServiceDescriptor(typeof(TClient), static provider => TClient.Create(provider.GetRequiredService<IBedrockRuntime>()), lifetime));
        return services;
    }

    /// <summary>
    /// Registers Bedrock as the application's Microsoft.Extensions.AI <see cref="Microsoft.Extensions.AI.IChatClient"/>
    /// (a singleton <see cref="PromptGen.AI.BedrockChatClient"/> over the registered <see cref="IBedrockRuntime"/>,
    /// with <see cref="BedrockOptions.DefaultModel"/> as its model when a request names none). Registers PromptGen
    /// itself when needed; an <c>IChatClient</c> that is already registered is kept.
    /// </summary>
    public static IServiceCollection AddBedrockChatClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.IsPromptGenRegistered())
        {
            services.AddPromptGen();
        }

        services.TryAddSingleton<Microsoft.Extensions.AI.IChatClient>(static provider => new PromptGen.AI.BedrockChatClient(
            provider.GetRequiredService<IBedrockRuntime>(),
            provider.GetRequiredService<IOptions<BedrockOptions>>().Value.DefaultModel));
        return services;
    }

    private static IServiceCollection AddCore(IServiceCollection services, Action<BedrockOptions>? configure)
    {
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.IsPromptGenRegistered())
        {
            return services;
        }

        services.AddSingleton<PromptGenMarker>();
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BedrockOptions>, BedrockOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // One long-lived client: the handler is never recycled by the factory (which would break in-flight calls of
        // a singleton) and instead recycles its own connections so DNS changes of the endpoint are still seen.
        services.AddHttpClient(BedrockOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
            // BedrockOptions.Timeout is enforced per call by the client, which tells a timeout from a cancellation.
            .ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        // Credentials are added by a signer wrapped around the primary handler once everything else is configured, so
        // no handler of that client, the factory's header logging included, ever sees them (docs/reliability.md).
        services.Insert(FirstHandlerBuilderFilter(services), ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter>(static _ => new SigningHandlerFilter()));

        services.TryAddSingleton(static provider =>
        {
            BedrockOptions options = provider.GetRequiredService<IOptions<BedrockOptions>>().Value;
            HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(BedrockOptions.HttpClientName);
            return new BedrockRuntimeClient(options, httpClient, AwsEnvironment.Process, provider.GetRequiredService<TimeProvider>(), httpClientSigns: true);
        });
        // What prompt clients get: the client behind logging, tracing and metrics.
        services.TryAddSingleton<IBedrockRuntime>(static provider => new InstrumentedBedrockRuntime(
            provider.GetRequiredService<BedrockRuntimeClient>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IMeterFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<BedrockOptions>>().Value.EnableSensitiveData));
        return services;
    }

    /// <summary>Where the first <see cref="IHttpMessageHandlerBuilderFilter"/> is registered (AddHttpClient adds one).</summary>
    private static int FirstHandlerBuilderFilter(IServiceCollection services)
    {
        for (int i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IHttpMessageHandlerBuilderFilter))
            {
                return i;
            }
        }

        return services.Count;
    }

    private static bool IsPromptGenRegistered(this IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(PromptGenMarker))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks a collection PromptGen was added to, so that adding it again does not duplicate registrations.</summary>
    private sealed class PromptGenMarker
    {
    }
}
