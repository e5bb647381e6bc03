using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;

namespace PromptGen.Benchmarks.Calls;

/// <summary>
/// 10,000 texts embedded with Titan Text Embeddings V2 over a canned transport: the generated embedding method
/// (<see cref="IEmbeddingPrompts"/> over <see cref="BedrockRuntimeClient"/>) against the hand-written InvokeModel floor
/// (<see cref="HandWrittenEmbeddingBatch"/>), with the same signer and the same HttpClient; eight calls at a time in both.
/// </summary>
[BenchmarkCategory("Embeddings")]
public class EmbeddingBatchBenchmarks
{
    private static readonly AWSCredentials Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private IReadOnlyList<string> _texts = null!;
    private IEmbeddingPrompts _generated = null!;
    private IEmbeddingPrompts _generatedWithoutResilience = null!;
    private HandWrittenEmbeddingBatch _floor = null!;
    private HandWrittenEmbeddingBatch _floorOverClient = null!;

    [Params(10_000)]
    public int Texts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = Enumerable.Range(0, Texts).Select(i => $"Support ticket {i}: the router drops Wi-Fi every evening after the update.").ToArray();
        var http = new HttpClient(new CannedEmbeddingHandler());
        _generated = IEmbeddingPrompts.Create(new BedrockRuntimeClient(new BedrockOptions { Region = "us-east-1", Credentials = Credentials }, http));
        var bare = new BedrockRuntimeClient(
            new BedrockOptions { Region = "us-east-1", Credentials = Credentials, Timeout = System.Threading.Timeout.InfiniteTimeSpan, Retry = { MaxAttempts = 1 } },
            http);
        _generatedWithoutResilience = IEmbeddingPrompts.Create(bare);
        _floor = new HandWrittenEmbeddingBatch(http, Credentials);
        _floorOverClient = new HandWrittenEmbeddingBatch(http, Credentials, bare);
    }

    [Benchmark]
    public Task<IReadOnlyList<ReadOnlyMemory<float>>> Generated() => _generated.EmbedAsync(_texts);

    [Benchmark]
    public Task<IReadOnlyList<ReadOnlyMemory<float>>> GeneratedWithoutTimeoutOrRetries() => _generatedWithoutResilience.EmbedAsync(_texts);

    /// <summary>Where the time goes: the floor's batch and bodies, sent with BedrockRuntimeClient.InvokeModelAsync (no time limit, no retries).</summary>
    [Benchmark]
    public Task<ReadOnlyMemory<float>[]> FloorThroughTheClient() => _floorOverClient.EmbedAsync(_texts);

    [Benchmark(Baseline = true)]
    public Task<ReadOnlyMemory<float>[]> HandWrittenFloor() => _floor.EmbedAsync(_texts);
}
