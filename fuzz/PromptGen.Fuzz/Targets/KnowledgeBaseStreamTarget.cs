using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Reliability.Engine;
using PromptGen.Testing.KnowledgeBases;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.KnowledgeBases;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The RetrieveAndGenerateStream reader (the shared frame reader and <c>RetrieveAndGenerateStreamDecoder</c>: output,
/// citation, guardrail and exception frames), through <see cref="BedrockRuntimeClient.RetrieveAndGenerateStreamAsync"/>
/// itself, over the same fuzzed-response handler as <see cref="EventStreamTarget"/>. Inputs: whole answers written by
/// the emulator's own stream writer (<see cref="KnowledgeBaseResponses.StreamEvents"/>), guardrail, deprecated-citation,
/// unknown and exception frames, mutated the same ways as the other stream targets, plus output and citation payloads
/// rebuilt from fuzzed JSON with valid checksums. Allowed out: events, <see cref="BedrockEventStreamException"/>, the
/// <see cref="BedrockServiceException"/> an exception or error frame maps to.
/// </summary>
public sealed class KnowledgeBaseStreamTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly string[] EventTypes = ["output", "citation", "guardrail", "somethingNew"];
    private static readonly string[] ExceptionTypes =
    [
        "throttlingException", "validationException", "resourceNotFoundException", "dependencyFailedException",
        "badGatewayException", "internalServerException", "somethingElseException",
    ];

    private readonly EventStreamTarget.FuzzedStreamHandler _handler = new();
    private BedrockRuntimeClient? _client;

    public string Name => "kb-stream";

    /// <summary>How the inputs ended, by outcome.</summary>
    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration) =>
        EventStreamTarget.StreamInput(random, KnowledgeBaseStreamSeeds.All, ownKinds: 3, kind => OwnFrame(random, kind));

    public void Run(string input)
    {
        byte[] bytes = EventStreamTarget.UnpackInput(input);
        _handler.Next(bytes, input[0]);
        _client ??= new BedrockRuntimeClient(
            new BedrockOptions { Region = "us-east-1", BearerToken = "fuzz-token", Retry = { MaxAttempts = 1 } },
            new HttpClient(_handler));
        string outcome = "events";
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

    public bool IsExpected(Exception exception) => exception is BedrockEventStreamException or BedrockServiceException;

    private static readonly RetrieveAndGenerateRequest Request = new()
    {
        Input = { Text = "How are throttling errors retried?" },
        RetrieveAndGenerateConfiguration =
        {
            KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration { KnowledgeBaseId = "KBFUZZ0001", ModelArn = "us.amazon.nova-lite-v1:0" },
        },
    };

    private static async Task Consume(BedrockRuntimeClient client, int length)
    {
        int events = 0;
        long text = 0;
        await foreach (RetrieveAndGenerateStreamEvent streamEvent in client.RetrieveAndGenerateStreamAsync(Request).ConfigureAwait(false))
        {
            if (streamEvent is null || streamEvent.RequestId != "fuzz-request")
            {
                throw new FuzzViolation("a null event, or one without the response's request id");
            }

            switch (streamEvent)
            {
                case RetrieveAndGenerateOutputEvent { Text: null }:
                    throw new FuzzViolation("an output event without text");
                case RetrieveAndGenerateOutputEvent output:
                    text += output.Text.Length;
                    break;
                case RetrieveAndGenerateCitationEvent citation:
                    // The one reading users take of a citation must hold for anything the decoder let through.
                    KnowledgeBaseCitation read = citation.ToCitation();
                    if (read is null || read.RetrievedReferences?.Contains(null!) == true)
                    {
                        throw new FuzzViolation("a citation that reads as null or with a null reference");
                    }

                    break;
            }

            if (++events > length / 16 || text > length)
            {
                throw new FuzzViolation($"{events} events holding {text} characters out of {length} bytes: more than the stream can hold");
            }
        }
    }

    /// <summary>One of this target's own frames (<paramref name="kind"/> 0 to 2), with valid checksums.</summary>
    private byte[] OwnFrame(Random random, int kind)
    {
        switch (kind)
        {
            case 0:
                // A known event whose payload is fuzzed JSON (the typed readers), checksums valid.
                return EventStreamEncoder.Event(EventTypes[random.Next(EventTypes.Length)], Encoding.UTF8.GetBytes(generator.Next(random)));
            case 1:
                // A citation whose members hold fuzzed JSON where an object or list is expected.
                string fuzzed = generator.Next(random);
                return EventStreamEncoder.Event("citation", Encoding.UTF8.GetBytes(random.Next(3) switch
                {
                    0 => "{\"retrievedReferences\":" + fuzzed + "}",
                    1 => "{\"generatedResponsePart\":" + fuzzed + "}",
                    _ => "{\"citation\":" + fuzzed + "}",
                }));
            default:
                return EventStreamEncoder.Exception(ExceptionTypes[random.Next(ExceptionTypes.Length)], Encoding.UTF8.GetBytes(generator.Next(random)));
        }
    }
}

/// <summary>Valid RetrieveAndGenerateStream answers, written by the emulator's own stream writer, one whole answer each.</summary>
internal static class KnowledgeBaseStreamSeeds
{
    public static IReadOnlyList<byte[][]> All { get; } = Build();

    private static IReadOnlyList<byte[][]> Build()
    {
        const string answer = "Throttling errors are retried with full jitter. Idle streams time out ✓ 🎉.";
        var seeds = new List<byte[][]>
        {
            KnowledgeBaseResponses.StreamEvents(answer, GroundedAnswer.Cite(answer, KnowledgeBaseSeeds.Chunks), 8).ToArray(),
            KnowledgeBaseResponses.StreamEvents(answer, [], 64).ToArray(),
            KnowledgeBaseResponses.StreamEvents("", [], 8).ToArray(),
            new[]
            {
                EventStreamEncoder.Event("output", """{"text":"Blocked."}"""u8.ToArray()),
                EventStreamEncoder.Event("guardrail", """{"action":"INTERVENED"}"""u8.ToArray()),
                EventStreamEncoder.Event("somethingNew", """{"x":[1,2]}"""u8.ToArray()),
            },
            new[]
            {
                EventStreamEncoder.Event("output", """{"text":"Retried."}"""u8.ToArray()),
                EventStreamEncoder.Event("citation", """{"citation":{"generatedResponsePart":{"textResponsePart":{"text":"Retried.","span":{"start":0,"end":7}}},"retrievedReferences":[{"content":{"text":"x"},"location":{"type":"S3","s3Location":{"uri":"s3://b/k"}},"metadata":{"a":1}}]}}"""u8.ToArray()),
            },
            new[] { EventStreamEncoder.Event("output", """{"text":"a"}"""u8.ToArray()), EventStreamEncoder.Error("InternalFailure", "Something broke") },
            Array.Empty<byte[]>(),
        };

        foreach (string exceptionType in new[] { "throttlingException", "dependencyFailedException", "badGatewayException" })
        {
            seeds.Add([EventStreamEncoder.Event("output", """{"text":"a"}"""u8.ToArray()), EventStreamEncoder.Exception(exceptionType, """{"message":"Stream failed"}"""u8.ToArray())]);
        }

        return seeds;
    }
}
