using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using PromptGen.Batch;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Http;
using PromptGen.Benchmarks.Calls;

namespace PromptGen.Benchmarks.Batch;

/// <summary>
/// Per record, side by side: building a batch input line (the method's request, shaped, written as JSONL), reading a
/// batch output line back to the typed result (line reader, Converse reader, the method's result reader), and one
/// on-demand call of the same method through BedrockRuntimeClient over a canned transport (no network). Each
/// benchmark handles <see cref="Records"/> records per invocation, so the mean is per record.
/// </summary>
[MemoryDiagnoser]
public class BatchRecordBenchmarks
{
    private const int Records = 10_000;
    private const string Answer = """{"label":"billing","priority":2}""";
    private const string ModelOutput =
        """{"output":{"message":{"role":"assistant","content":[{"text":"{\"label\":\"billing\",\"priority\":2}"}]}},"stopReason":"end_turn","usage":{"inputTokens":40,"outputTokens":9,"totalTokens":49},"metrics":{"latencyMs":0}}""";
    private readonly JsonlRecordWriter _writer = new();
    private string[] _tickets = Array.Empty<string>();
    private byte[][] _outputLines = Array.Empty<byte[]>();
    private BedrockRuntimeClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tickets = new string[Records];
        _outputLines = new byte[Records][];
        for (int i = 0; i < Records; i++)
        {
            _tickets[i] = $"bill #{i}: customer writes about order {i * 7 % 1000} and a charge they do not recognise";
            string input = Encoding.UTF8.GetString(_writer.Write(i, IBatchBenchPrompts.Batch.TriageAsync.BuildRequest(_tickets[i])).Span).TrimEnd('\n');
            string modelInput = input[(input.IndexOf("\"modelInput\":", StringComparison.Ordinal) + 13)..^1];
            _outputLines[i] = Encoding.UTF8.GetBytes(
                "{\"recordId\":\"" + JsonlRecordWriter.RecordId(i) + "\",\"modelInput\":" + modelInput + ",\"modelOutput\":" + ModelOutput + "}");
        }

        _client = new BedrockRuntimeClient(
            new BedrockOptions { Region = "us-east-1", Endpoint = new Uri("https://bedrock-runtime.us-east-1.amazonaws.com"), Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret") },
            new HttpClient(new CannedConverseHandler(Answer)));
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(OperationsPerInvoke = Records, Description = "batch: build a JSONL input line")]
    public int BuildJsonl()
    {
        int bytes = 0;
        for (int i = 0; i < Records; i++)
        {
            bytes += _writer.Write(i, IBatchBenchPrompts.Batch.TriageAsync.BuildRequest(_tickets[i])).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "batch: read an output line to the typed result")]
    public int ParseOutput()
    {
        int ok = 0;
        for (int i = 0; i < Records; i++)
        {
            BatchOutputLine line = BatchOutputLine.Parse(_outputLines[i]);
            ConverseResponse response = ConverseResponseReader.Read(line.ModelOutput.ToArray(), null);
            ok += IBatchBenchPrompts.Batch.TriageAsync.Read(line.RecordId!, i, response).IsSuccess ? 1 : 0;
        }

        return ok;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000, Description = "on demand: one call (canned transport)")]
    public async Task<int> OnDemand()
    {
        int ok = 0;
        for (int i = 0; i < 1_000; i++)
        {
            (BenchTriage triage, _) = await IBatchBenchPrompts.Batch.TriageAsync.RunAsync(_client, _tickets[i], default);
            ok += triage.Priority;
        }

        return ok;
    }
}
