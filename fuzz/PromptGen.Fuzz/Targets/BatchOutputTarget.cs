using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PromptGen.Batch;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Http;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// The batch output readers: a <c>.jsonl.out</c> line (<see cref="BatchOutputLine"/>, then the Converse reader on its
/// <c>modelOutput</c>), <c>manifest.json.out</c> (<see cref="BatchManifest"/>) and the line splitter
/// (<see cref="JsonlLineReader"/>) over the same bytes. Inputs: lines as a job writes them (outputs, tool uses,
/// errors, manifests), mutated as the invoke-bodies target mutates, and fuzzed model JSON. Allowed out: nothing from the
/// line and manifest readers (an unusable line says why), <see cref="BedrockResponseException"/> from the Converse
/// reader; a usable line has a record id and exactly one of an output object or an error message.
/// </summary>
public sealed class BatchOutputTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly string[] Seeds =
    {
        """{"recordId":"00000000042","modelInput":{"messages":[{"role":"user","content":[{"text":"Triage: bill 42"}]}]},"modelOutput":{"output":{"message":{"role":"assistant","content":[{"text":"{\"label\":\"billing\",\"priority\":2}"}]}},"stopReason":"end_turn","usage":{"inputTokens":12,"outputTokens":9,"totalTokens":21},"metrics":{"latencyMs":0}}}""",
        """{"recordId":"00000000007","modelInput":{"messages":[]},"modelOutput":{"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"TicketTriage","input":{"label":"bug","priority":4}}}]}},"stopReason":"tool_use","usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3},"metrics":{"latencyMs":3}}}""",
        """{"recordId":"00000000003","modelInput":{"messages":[{"role":"user","content":[{"text":"x"}]}]},"error":{"errorCode":400,"errorMessage":"The record was refused."}}""",
        """{"recordId":"1223213ABCD","modelInput":{"inputText":"Hello world"},"error":{"errorCode":"429","errorMessage":"throttled"}}""",
        """{"totalRecordCount":150,"processedRecordCount":150,"successRecordCount":135,"errorRecordCount":15,"inputTokenCount":1800,"outputTokenCount":1350}""",
        """{"recordId":"00000000001","modelOutput":{"output":{"message":{"role":"assistant","content":[]}},"stopReason":"max_tokens","usage":{"inputTokens":0,"outputTokens":0,"totalTokens":0}}}""",
    };

    private static readonly string[] Replacements =
    {
        "1e999", "-1", "1.5", "9999999999999999999999", "null", "true", "\"x\"", "[]", "{}", "\"\\uD800\"", "\"\\u0000\"", "{\"a\":[[[[[[1]]]]]]}",
    };

    public string Name => "batch-output";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        byte[] bytes = random.Next(6) == 0
            ? Encoding.UTF8.GetBytes(generator.Next(random))
            : Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]);
        if (random.Next(8) == 0)
        {
            // Several lines at once, for the splitter; CRLF sometimes.
            bytes = bytes.Concat(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\n" : "\r\n")).Concat(Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)])).ToArray();
        }

        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            bytes = Mutate(random, bytes);
        }

        return new string(bytes.Select(b => (char)b).ToArray());
    }

    public void Run(string input)
    {
        byte[] bytes = input.Select(c => checked((byte)c)).ToArray();
        BatchOutputLine line = BatchOutputLine.Parse(bytes);
        if (line.IsUsable)
        {
            if (line.RecordId is null || line.ModelOutput.IsEmpty == (line.ErrorMessage is null))
            {
                throw new FuzzViolation("a usable line without a record id, or with both or neither of an output and an error");
            }

            if (line.ReadModelInput() is { } request)
            {
                // What a repair on demand would send first: the request must be usable as it is read.
                _ = request.Messages.Count;
                Count("model input read");
            }

            if (!line.ModelOutput.IsEmpty)
            {
                try
                {
                    ConverseResponse response = ConverseResponseReader.Read(line.ModelOutput.ToArray(), null);
                    _ = response.StopReason;
                    Count("output read");
                }
                catch (BedrockResponseException e) when (!string.IsNullOrEmpty(e.Message))
                {
                    Count("output refused");
                }
            }
            else
            {
                Count("error line");
            }
        }
        else
        {
            if (string.IsNullOrEmpty(line.Problem))
            {
                throw new FuzzViolation("an unusable line that does not say why");
            }

            Count(line.RecordId is null ? "unusable" : "unusable with id");
        }

        BatchManifest? manifest = BatchManifest.Parse(bytes);
        if (manifest is { } counts && new[] { counts.TotalRecordCount, counts.ProcessedRecordCount, counts.SuccessRecordCount, counts.ErrorRecordCount }.Any(c => c < 0))
        {
            throw new FuzzViolation("a manifest with a negative count");
        }

        int expected = bytes.Length == 0 ? 0 : bytes.Count(b => b == (byte)'\n') + (bytes[^1] == (byte)'\n' ? 0 : 1);
        int lines = 0;
        using var stream = new MemoryStream(bytes);
        var enumerator = JsonlLineReader.ReadLinesAsync(stream, CancellationToken.None).GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            lines++;
        }

        if (lines != expected)
        {
            throw new FuzzViolation($"the line reader found {lines} lines in bytes that hold {expected}");
        }
    }

    public bool IsExpected(Exception exception) => false;

    private void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;

    private static byte[] Mutate(Random random, byte[] bytes) => InvokeBodiesTarget.Mutate(random, bytes, Replacements);
}
