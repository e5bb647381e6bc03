using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Reliability.Engine;
using PromptGen.Testing.Wire;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The InvokeModelWithResponseStream decoder (the <c>chunk</c> events' <c>{"bytes": base64}</c> payloads and the frames
/// around them), through <see cref="BedrockRuntimeClient.InvokeModelWithResponseStreamAsync"/> itself, over the same
/// fuzzed-response handler as <see cref="EventStreamTarget"/>. Inputs: whole native streams (Claude, Llama, Mistral,
/// an image answer, in-stream exceptions, an unmodelled error, unknown events, padding members) written with the
/// emulator's encoder, mutated the same ways, plus chunk payloads rebuilt from fuzzed JSON and fuzzed base64 with
/// valid checksums. Allowed out: chunks, <see cref="BedrockEventStreamException"/>, the
/// <see cref="BedrockServiceException"/> an exception or error frame maps to.
/// </summary>
public sealed class InvokeStreamTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private readonly EventStreamTarget.FuzzedStreamHandler _handler = new();
    private BedrockRuntimeClient? _client;

    public string Name => "invoke-stream";

    /// <summary>How the inputs ended, by outcome.</summary>
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration) =>
        EventStreamTarget.StreamInput(random, InvokeStreamSeeds.All, ownKinds: 4, kind => OwnFrame(random, kind));

    public void Run(string input)
    {
        byte[] bytes = EventStreamTarget.UnpackInput(input);

        _handler.Next(bytes, input[0]);
        _client ??= new BedrockRuntimeClient(
            new BedrockOptions { Region = "us-east-1", BearerToken = "fuzz-token", Retry = { MaxAttempts = 1 } },
            new HttpClient(_handler));
        string outcome = "chunks";
        try
        {
            Consume(_client, bytes.Length).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            outcome = e is BedrockEventStreamException stream ? $"{nameof(BedrockEventStreamException)}.{stream.Kind}" : e.GetType().Name;
            throw;
        }
        finally
        {
            Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        }
    }

    public bool IsExpected(Exception exception) =>
        exception is BedrockEventStreamException or BedrockServiceException or BedrockResponseException;

    private static async Task Consume(BedrockRuntimeClient client, int length)
    {
        int chunks = 0;
        long decoded = 0;
        await foreach (InvokeModelStreamChunk chunk in client.InvokeModelWithResponseStreamAsync("meta.llama3-1-70b-instruct-v1:0", "{}"u8.ToArray()).ConfigureAwait(false))
        {
            if (chunk is null || chunk.RequestId != "fuzz-request")
            {
                throw new FuzzViolation("a null chunk, or one without the response's request id");
            }

            decoded += chunk.Bytes.Length;
            if (++chunks > length / 16 || decoded > length)
            {
                throw new FuzzViolation($"{chunks} chunks holding {decoded} bytes out of {length} bytes: more than the stream can hold");
            }
        }
    }

    /// <summary>One of this target's own frames (<paramref name="kind"/> 0 to 3), with valid checksums.</summary>
    private byte[] OwnFrame(Random random, int kind)
    {
        switch (kind)
        {
            case 0:
                // A chunk whose payload is fuzzed JSON (the bytes member's reader), checksums valid.
                return EventStreamEncoder.Event("chunk", Encoding.UTF8.GetBytes(generator.Next(random)));
            case 1:
                // A chunk whose base64 is fuzzed: cut, padded, escaped, or not base64 at all.
                return EventStreamEncoder.Event("chunk", Encoding.UTF8.GetBytes(FuzzedChunkPayload(random)));
            case 2:
                return EventStreamEncoder.Exception(EventStreamSeeds.ExceptionTypes[random.Next(EventStreamSeeds.ExceptionTypes.Length)], Encoding.UTF8.GetBytes(generator.Next(random)));
            default:
                return EventStreamEncoder.Event(random.Next(2) == 0 ? "chunk" : "somethingNew", Encoding.UTF8.GetBytes("""{"bytes":"e30=","p":""" + System.Text.Json.JsonSerializer.Serialize(generator.Next(random)) + "}"));
        }
    }

    private string FuzzedChunkPayload(Random random)
    {
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(generator.Next(random)));
        return random.Next(6) switch
        {
            0 => $$"""{"bytes":"{{base64[..random.Next(base64.Length + 1)]}}"}""",
            1 => $$"""{"bytes":"{{base64}}=="}""",
            2 => $$"""{"bytes":"{{string.Concat(base64.Select(c => $"\\u{(int)c:x4}"))}}"}""",
            3 => $$"""{"bytes":"{{base64.Replace('A', '-').Replace('B', '_')}}"}""",
            4 => $$"""{"bytes":{{(random.Next(2) == 0 ? "null" : "[1,2]")}},"bytes":"{{base64}}"}""",
            _ => $$"""{"bytes":" {{base64}} "}""",
        };
    }
}

/// <summary>Valid InvokeModelWithResponseStream answers written with the emulator's encoder, one whole answer each.</summary>
public static class InvokeStreamSeeds
{
    public static IReadOnlyList<byte[][]> All { get; } = Build();

    public static byte[] Chunk(string json) =>
        EventStreamEncoder.Event("chunk", Encoding.UTF8.GetBytes($$"""{"bytes":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(json))}}"}"""));

    private static IReadOnlyList<byte[][]> Build()
    {
        const string metrics = "\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":9,\"outputTokenCount\":4,\"invocationLatency\":120,\"firstByteLatency\":30}";
        var seeds = new List<byte[][]>
        {
            new[]
            {
                Chunk("""{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"usage":{"input_tokens":9,"output_tokens":1}}}"""),
                Chunk("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
                Chunk("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello, wörld ✓ 🎉"}}"""),
                Chunk("""{"type":"content_block_stop","index":0}"""),
                Chunk("""{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":4}}"""),
                Chunk("""{"type":"message_stop",""" + metrics + "}"),
            },
            new[]
            {
                Chunk("""{"generation":"Hel","prompt_token_count":9,"generation_token_count":1,"stop_reason":null}"""),
                Chunk("""{"generation":"lo","prompt_token_count":null,"generation_token_count":2,"stop_reason":null}"""),
                Chunk("""{"generation":"","prompt_token_count":null,"generation_token_count":4,"stop_reason":"stop",""" + metrics + "}"),
            },
            new[]
            {
                Chunk("""{"outputs":[{"text":"Bonjour","stop_reason":null}]}"""),
                Chunk("""{"outputs":[{"text":"","stop_reason":"stop"}],""" + metrics + "}"),
            },
            new[] { Chunk("""{"seeds":[7],"finish_reasons":[null],"images":["iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="]}""") },
            new[]
            {
                EventStreamEncoder.Event("chunk", Encoding.UTF8.GetBytes("""{"p":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0","bytes":"eyJhIjoxfQ=="}""")),
                EventStreamEncoder.Event("somethingNew", Encoding.UTF8.GetBytes("""{"x":1}""")),
                Chunk("{}"),
            },
            new[] { Chunk("""{"generation":"a"}"""), EventStreamEncoder.Error("InternalFailure", "Something broke") },
            Array.Empty<byte[]>(),
        };

        foreach (string exceptionType in EventStreamSeeds.ExceptionTypes)
        {
            seeds.Add(new[] { Chunk("""{"generation":"a"}"""), EventStreamEncoder.Exception(exceptionType, """{"message":"Stream failed","originalStatusCode":424}"""u8.ToArray()) });
        }

        return seeds;
    }
}
