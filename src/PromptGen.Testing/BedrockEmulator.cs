using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PromptGen.Testing.Auth;
using PromptGen.Testing.Hosting;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing;

/// <summary>
/// A local Amazon Bedrock Runtime: a real HTTP server on 127.0.0.1 that verifies SigV4 (or Bedrock API keys), validates
/// Converse requests as the service does, and answers from a <see cref="Script"/>. Point any client's endpoint at
/// <see cref="Endpoint"/>.
/// </summary>
public sealed class BedrockEmulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping;
    private readonly ConnectionCounter _connections;
    private int _disposed;

    private BedrockEmulator(WebApplication app, RequestLog log, CancellationTokenSource stopping, EmulatorScript script, Uri endpoint, Uri http2Endpoint, ConnectionCounter connections)
    {
        _connections = connections;
        Http2Endpoint = http2Endpoint;
        _app = app;
        _log = log;
        _stopping = stopping;
        Script = script;
        Endpoint = endpoint;
    }

    /// <summary>The base address, <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>TCP connections accepted since the emulator started.</summary>
    public long ConnectionsAccepted => _connections.Accepted;

    /// <summary>The most TCP connections that were open at the same time.</summary>
    public int PeakOpenConnections => _connections.Peak;

    /// <summary>
    /// The base address of the cleartext HTTP/2 listener (h2c with prior knowledge, no HTTP/1.1), e.g. for the
    /// AWS SDK for JavaScript's default <c>NodeHttp2Handler</c> or an <c>HttpClient</c> asking for HTTP/2 exactly.
    /// Same emulator, script and request log as <see cref="Endpoint"/>.
    /// </summary>
    public Uri Http2Endpoint { get; }

    /// <summary>Batch inference: the S3 buckets, the jobs' quotas and speed, and batch faults.</summary>
    public EmulatorBatch Batch { get; private init; } = null!;

    /// <summary>The scripted answers; rules can be added while the emulator runs.</summary>
    public EmulatorScript Script { get; }

    /// <summary>
    /// A snapshot of the answered requests, refused and aborted ones included, in arrival order. A request appears once
    /// its answer is settled: before the last byte of its response (or the dropped connection) reaches the client, so a
    /// caller that has its answer, or its error, finds it here without waiting; a request the client gave up on appears
    /// once the emulator notices (poll for it). Reading never blocks.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>Starts an emulator listening on 127.0.0.1.</summary>
    /// <param name="options">Ports, credentials, region and behaviour; null for the defaults (free ports, the example credentials).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="System.IO.IOException">The requested port is taken.</exception>
    public static async Task<BedrockEmulator> StartAsync(BedrockEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BedrockEmulatorOptions();
        Validate(options);

        // Copies, so that the server threads never read a collection the caller may still be changing.
        var secrets = new Dictionary<string, string>(options.Credentials, StringComparer.Ordinal);
        var bearerTokens = new HashSet<string>(options.BearerTokens, StringComparer.Ordinal);
        var verifier = new SigV4Verifier(secrets, options.Region, options.MaxClockSkew, options.TimeProvider);

        var stopping = new CancellationTokenSource();
        var connections = new ConnectionCounter();
        var log = new RequestLog();
        var script = new EmulatorScript();
        // Loaded before anything listens, so a missing folder fails the start rather than the first request.
        var knowledgeBases = new Dictionary<string, KnowledgeBases.EmulatedKnowledgeBase>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> knowledgeBase in options.KnowledgeBases)
        {
            knowledgeBases[knowledgeBase.Key] = KnowledgeBases.EmulatedKnowledgeBase.Load(knowledgeBase.Key, knowledgeBase.Value);
        }

        var handler = new EmulatorRequestHandler(
            new RequestAuthenticator(verifier, bearerTokens), script, log, options.RequestCompleted,
            options.EnforceModelCapabilities,
            new ModelAdmission(options.AllowUnknownModels, options.AdditionalModelIds, EmulatorCatalog.Load(options.ModelCatalogFiles)),
            options.UnmatchedCalls,
            stopping.Token,
            knowledgeBases);
        handler.ConfigureBatch(options.Region, new HashSet<string>(secrets.Keys, StringComparer.Ordinal));

        ListenOptions? http1Listener = null;
        ListenOptions? http2Listener = null;
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(BedrockEmulator).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(connections.Middleware);
                http1Listener = listen;
            });
            // Cleartext HTTP/2 with prior knowledge (h2c), which the JS SDK's default handler speaks to an http://
            // endpoint. Kestrel cannot offer both on one cleartext port (Http1AndHttp2 without TLS means HTTP/1.1),
            // so h2c gets a port of its own.
            kestrel.Listen(IPAddress.Loopback, options.Http2Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.Use(connections.Middleware);
                http2Listener = listen;
            });
        });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        WebApplication app = builder.Build();
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        return new BedrockEmulator(app, log, stopping, script, ListeningEndpoint(http1Listener), ListeningEndpoint(http2Listener), connections) { Batch = handler.Batch };
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _log.Clear();

    /// <summary>Stops the server. Requests waiting on a scripted delay are cut short.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static void Validate(BedrockEmulatorOptions options)
    {
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port must be 0 (any free port) to {IPEndPoint.MaxPort}; got {options.Port}.", nameof(options));
        }

        if (options.Http2Port is < 0 or > IPEndPoint.MaxPort || (options.Http2Port != 0 && options.Http2Port == options.Port))
        {
            throw new ArgumentException($"Http2Port must be 0 (any free port) or another port than Port, up to {IPEndPoint.MaxPort}; got {options.Http2Port}.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Region))
        {
            throw new ArgumentException("Region cannot be empty.", nameof(options));
        }

        if (options.MaxClockSkew < TimeSpan.Zero && options.MaxClockSkew != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("MaxClockSkew cannot be negative (use Timeout.InfiniteTimeSpan to turn the check off).", nameof(options));
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider cannot be null.", nameof(options));
        }
    }

    private static Uri ListeningEndpoint(ListenOptions? listener) =>
        listener?.IPEndPoint is { Port: > 0 } bound
            ? new Uri($"http://127.0.0.1:{bound.Port}")
            : throw new InvalidOperationException("Kestrel started without reporting the port it bound.");
}
