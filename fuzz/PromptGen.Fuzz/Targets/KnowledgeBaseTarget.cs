using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Http;
using PromptGen.Reliability.Engine;
using PromptGen.Testing.KnowledgeBases;
using PromptGen.Testing.Wire;
using PromptGen.Testing.Wire.KnowledgeBases;

namespace PromptGen.Reliability.Targets;

/// <summary>
/// Every reader of the Knowledge Bases wire on every input: the client's Retrieve and RetrieveAndGenerate response
/// readers (<see cref="KnowledgeBaseResponseReader"/>), and the emulator's request readers
/// (<see cref="KnowledgeBaseRequests"/>, with the metadata filters they parse) followed, for an accepted body, by the
/// search it drives and the citations of an answer. Converse document citations too: the emulator's reading of a
/// Converse request's citable documents (<see cref="UserContentReader"/>, <see cref="DocumentCitations"/>), whose
/// written <c>citationsContent</c> answer the client must read back to the same text with one citation per cited
/// document; and the client's Converse reader on cited answers, with <see cref="ConverseResponse.GetOutputText"/> and
/// <see cref="PromptCitation.FromMessage(Message?)"/> (which must never throw). Inputs: responses the emulator writes and requests the client
/// writes (filters of every operator, nested), mutated as <see cref="InvokeBodiesTarget"/> mutates, plus model-text
/// inputs. Allowed out: <see cref="BedrockResponseException"/> (with a message) from the client's readers; the
/// emulator's readers never throw and refuse with a 400 ValidationException. What is accepted must hold: results and
/// citations without nulls and with finite scores; at most numberOfResults hits, best first, positive scores, passing
/// the filter; a reranking with a model and 1 to 100 kept results; citation spans that cut exactly the cited text out
/// of the answer.
/// </summary>
/// <remarks>An input is a string of bytes, one char each, so invalid UTF-8 reaches the readers.</remarks>
public sealed class KnowledgeBaseTarget(ModelTextGenerator generator) : IFuzzTarget, ICountsOutcomes
{
    private static readonly EmulatedKnowledgeBase KnowledgeBase = new("KBFUZZ0001", KnowledgeBaseSeeds.Chunks);

    public string Name => "knowledge-bases";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public string NextInput(Random random, int iteration)
    {
        byte[] bytes = random.Next(5) == 0
            ? Encoding.UTF8.GetBytes(generator.Next(random))
            : (byte[])KnowledgeBaseSeeds.All[random.Next(KnowledgeBaseSeeds.All.Count)].Clone();
        for (int mutations = random.Next(0, 4); mutations > 0; mutations--)
        {
            bytes = InvokeBodiesTarget.Mutate(random, bytes);
        }

        return new string(bytes.Select(b => (char)b).ToArray());
    }

    public void Run(string input)
    {
        byte[] body = input.Select(c => checked((byte)c)).ToArray();
        Client("retrieve-response", () =>
        {
            RetrieveResponse response = KnowledgeBaseResponseReader.ReadRetrieve(body, "fuzz");
            foreach (KnowledgeBaseRetrievalResult result in response.RetrievalResults)
            {
                if (result?.Content is null || result.Score is { } score && !double.IsFinite(score))
                {
                    throw new FuzzViolation("a Retrieve result without content, or with a score that is not finite");
                }

                _ = result.Location?.Address;
            }
        });
        Client("generate-response", () =>
        {
            RetrieveAndGenerateResponse response = KnowledgeBaseResponseReader.ReadRetrieveAndGenerate(body, "fuzz");
            if (response.SessionId is null || response.Output?.Text is null || response.Citations?.Any(citation => citation is null) == true)
            {
                throw new FuzzViolation("an accepted RetrieveAndGenerate answer without session, text, or with a null citation");
            }
        });

        Emulator("retrieve-request", () =>
        {
            (RetrieveBody? request, EmulatorError? error) = KnowledgeBaseRequests.ReadRetrieve(body);
            if (Refused(request, error))
            {
                return false;
            }

            Search(request!);
            return true;
        });
        Emulator("generate-request", () =>
        {
            (RetrieveAndGenerateBody? request, EmulatorError? error) = KnowledgeBaseRequests.ReadRetrieveAndGenerate(body);
            if (Refused(request, error))
            {
                return false;
            }

            List<KnowledgeBaseChunk> passages = Search(request!.Retrieval);
            _ = GroundedAnswer.Prompt(request.PromptTemplate, request.Question, passages);
            CheckCitations(Encoding.UTF8.GetString(body), passages);
            return true;
        });

        Client("cited-converse-response", () =>
        {
            ConverseResponse response = ConverseResponseReader.Read(body, "fuzz");
            _ = PromptCitation.FromMessage(response.Output?.Message);
            _ = response.GetOutputText();
        });
        Emulator("cited-converse-request", () => CitedAnswer(body));
        Emulator("streamed-citation", () => StreamedCitation(body));
    }

    /// <summary>
    /// The input as a streamed <c>citation</c> delta after a text delta: the stream's accumulator keeps a citation it
    /// can read (and drops one it cannot) without throwing, and the rebuilt answer keeps its text.
    /// </summary>
    private static bool StreamedCitation(byte[] body)
    {
        JsonElement citation;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            citation = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return false; // the stream decoder refuses a frame that is not JSON
        }

        var accumulator = new PromptGen.Streaming.ConverseStreamAccumulator();
        accumulator.Add(new ContentBlockDeltaEvent { Delta = new ContentBlockDelta { Text = "Throttling is retried." } });
        accumulator.Add(new ContentBlockDeltaEvent { Delta = new ContentBlockDelta { Citation = citation } });
        ConverseResponse response = accumulator.ToResponse();
        IReadOnlyList<PromptCitation> citations = PromptCitation.FromMessage(response.Output?.Message);
        if (response.GetOutputText() != "Throttling is retried." || citations.Count > 1)
        {
            throw new FuzzViolation("a streamed citation changed the answer's text or became more than one citation");
        }

        return citations.Count == 1;
    }

    /// <summary>
    /// The emulator's answer to a Converse request with citable documents, read back by the client: the same text, and
    /// one citation per cited document with its name and text. False when the body is not JSON or cites nothing.
    /// </summary>
    private static bool CitedAnswer(byte[] body)
    {
        // The emulator's own path: the body is read (and refused when it is not a JSON object of valid UTF-8) before
        // anything looks at its documents.
        ConverseBody converse = ConverseBody.Parse(body);
        if (converse.Problem is not null)
        {
            return false;
        }

        IReadOnlyList<PromptGen.Testing.RecordedContentBlock> content = converse.Features.UserContent;
        const string answer = "Throttling errors are retried with full jitter.";
        if (DocumentCitations.For(content, answer) is not { } citations)
        {
            return false;
        }

        ConverseResponse read = ConverseResponseReader.Read(ResponseBodies.ConverseCitedOutput(answer, citations, "end_turn", 1, 1, 1), "fuzz");
        IReadOnlyList<PromptCitation> cited = PromptCitation.FromMessage(read.Output?.Message);
        if (read.GetOutputText() != answer || cited.Any(citation => citation.CitedText != answer || citation.Source is null || citation.SourceText is null))
        {
            throw new FuzzViolation("a cited answer that does not read back to its text and cited documents");
        }

        int citable = content.Count(block => block.Kind == PromptGen.Testing.ContentKinds.Document && block.CitationsEnabled);
        if (cited.Count == 0 || cited.Count > citable)
        {
            throw new FuzzViolation($"{cited.Count} citations of {citable} citable documents");
        }

        return true;
    }

    public bool IsExpected(Exception exception) => false;

    private static bool Refused(object? accepted, EmulatorError? error)
    {
        if ((accepted is null) == (error is null))
        {
            throw new FuzzViolation("a request reader returned both a body and an error, or neither");
        }

        if (error is not null && (error.Code != "ValidationException" || error.Status != 400 || string.IsNullOrEmpty(error.Message)))
        {
            throw new FuzzViolation($"a request refused with {error.Code} {error.Status} '{error.Message}'");
        }

        return error is not null;
    }

    private static List<KnowledgeBaseChunk> Search(RetrieveBody request)
    {
        if (request.NumberOfResults is < 1 or > KnowledgeBaseRequests.MaxNumberOfResults || string.IsNullOrWhiteSpace(request.Query))
        {
            throw new FuzzViolation($"an accepted request with numberOfResults {request.NumberOfResults} or an empty query");
        }

        if (request.Reranking is { } reranking
            && (string.IsNullOrEmpty(reranking.ModelId) || reranking.NumberOfRerankedResults is < 1 or > KnowledgeBaseRequests.MaxNumberOfResults))
        {
            throw new FuzzViolation($"an accepted reranking with model '{reranking.ModelId}' keeping {reranking.NumberOfRerankedResults} results");
        }

        List<(KnowledgeBaseChunk Chunk, double Score)> hits = KnowledgeBase.Search(request.Query, request.NumberOfResults, request.Filter);
        for (int i = 0; i < hits.Count; i++)
        {
            if (!(hits[i].Score > 0) || !double.IsFinite(hits[i].Score) || (i > 0 && hits[i].Score > hits[i - 1].Score)
                || (request.Filter is { } filter && !filter.Matches(hits[i].Chunk.Metadata)))
            {
                throw new FuzzViolation("hits out of order, not positive, or not passing the filter");
            }
        }

        if (hits.Count > request.NumberOfResults)
        {
            throw new FuzzViolation($"{hits.Count} hits for numberOfResults {request.NumberOfResults}");
        }

        return hits.Select(hit => hit.Chunk).ToList();
    }

    private static void CheckCitations(string answer, List<KnowledgeBaseChunk> passages)
    {
        foreach (AnswerCitation citation in GroundedAnswer.Cite(answer, passages))
        {
            if (citation.Start < 0 || citation.End >= answer.Length || citation.End < citation.Start
                || answer.Substring(citation.Start, citation.End - citation.Start + 1) != citation.Text
                || citation.References.Count == 0 || citation.References.Any(reference => !passages.Contains(reference)))
            {
                throw new FuzzViolation($"a citation span {citation.Start}..{citation.End} that does not cut out its text, or cites no retrieved passage");
            }
        }
    }

    private void Client(string reader, Action read)
    {
        string outcome = "read";
        try
        {
            read();
        }
        catch (BedrockResponseException e)
        {
            outcome = "refused";
            if (string.IsNullOrEmpty(e.Message))
            {
                throw new FuzzViolation($"{reader}: a refusal without a message");
            }
        }
        finally
        {
            Outcomes[$"{reader} {outcome}"] = Outcomes.GetValueOrDefault($"{reader} {outcome}") + 1;
        }
    }

    private void Emulator(string reader, Func<bool> read)
    {
        string outcome = read() ? "accepted" : "refused";
        Outcomes[$"{reader} {outcome}"] = Outcomes.GetValueOrDefault($"{reader} {outcome}") + 1;
    }
}

/// <summary>The seeds of <see cref="KnowledgeBaseTarget"/>: emulator answers and client requests.</summary>
internal static class KnowledgeBaseSeeds
{
    public static IReadOnlyList<KnowledgeBaseChunk> Chunks { get; } = new[]
    {
        Chunk("Throttling errors are retried with full jitter.", "s3://kb/retries.md", """{"team":"runtime","year":2025,"tags":["rag","retry"],"public":true}"""),
        Chunk("Streams time out when idle. Throttling in a stream is an error event.", "s3://kb/streams.md", """{"team":"streaming","year":2024}"""),
        Chunk("Bread needs flour, water and time.", "s3://kb/bread.txt", "{}"),
    };

    public static IReadOnlyList<byte[]> All { get; } = Build();

    /// <summary>A Converse request as a method with <c>[Retrieve(Citations = true)]</c> sends it: passages as citable documents.</summary>
    private static byte[] CitableConverseRequest()
    {
        IReadOnlyList<PromptGen.Retrieval.RetrievedPassage> passages = Chunks.Select((chunk, i) => new PromptGen.Retrieval.RetrievedPassage(chunk.Text, i + 1, 1.0, chunk.SourceUri)).ToList();
        var request = new ConverseRequest { Messages = { PromptGen.CompilerServices.PassageRetrieval.WithCitableDocuments(Message.User("How is throttling retried?"), passages) } };
        return JsonSerializer.SerializeToUtf8Bytes(request, BedrockJsonContext.Default.ConverseRequest);
    }

    private static KnowledgeBaseChunk Chunk(string text, string uri, string metadataJson)
    {
        using JsonDocument document = JsonDocument.Parse(metadataJson);
        return new KnowledgeBaseChunk(text, uri, document.RootElement.EnumerateObject().ToDictionary(member => member.Name, member => member.Value.Clone()));
    }

    private static IReadOnlyList<byte[]> Build()
    {
        var filter = RetrievalFilter.OrAll(
            RetrievalFilter.AndAll(RetrievalFilter.Equal("team", "runtime"), RetrievalFilter.GreaterThanOrEqual("year", 2024), RetrievalFilter.Equal("public", true)),
            RetrievalFilter.AndAll(RetrievalFilter.In("team", "streaming", "ads"), RetrievalFilter.NotIn("team", "x"), RetrievalFilter.LessThan("year", 2030)),
            RetrievalFilter.AndAll(RetrievalFilter.StartsWith("team", "run"), RetrievalFilter.ListContains("tags", "rag"), RetrievalFilter.StringContains("team", "time")),
            RetrievalFilter.AndAll(RetrievalFilter.NotEqual("team", "ads"), RetrievalFilter.GreaterThan("year", 1), RetrievalFilter.LessThanOrEqual("year", 3000)));
        var retrieve = new RetrieveRequest
        {
            RetrievalQuery = { Text = "how is throttling retried in a stream" },
            RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration { VectorSearchConfiguration = { NumberOfResults = 2, OverrideSearchType = SearchTypes.Semantic, Filter = filter } },
        };
        var reranked = new RetrieveRequest
        {
            RetrievalQuery = { Text = "throttling" },
            RetrievalConfiguration = new KnowledgeBaseRetrievalConfiguration
            {
                VectorSearchConfiguration =
                {
                    NumberOfResults = 3,
                    RerankingConfiguration = VectorSearchRerankingConfiguration.WithBedrockModel("arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0", 1),
                },
            },
        };
        var generate = new RetrieveAndGenerateRequest
        {
            Input = { Text = "How is throttling retried? Is bread involved!" },
            SessionId = "s1",
            RetrieveAndGenerateConfiguration =
            {
                KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration
                {
                    KnowledgeBaseId = "KBFUZZ0001",
                    ModelArn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0",
                    RetrievalConfiguration = retrieve.RetrievalConfiguration,
                    GenerationConfiguration = new GenerationConfiguration
                    {
                        PromptTemplate = new KnowledgeBasePromptTemplate { TextPromptTemplate = "Use $search_results$ for $query$." },
                        InferenceConfig = new KnowledgeBaseInferenceConfig { TextInferenceConfig = new TextInferenceConfig { MaxTokens = 10, StopSequences = ["\n\n"] } },
                    },
                },
            },
        };
        string answer = "Throttling is retried with full jitter.\nStreams raise an error event! Bread? No.";
        return new[]
        {
            JsonSerializer.SerializeToUtf8Bytes(retrieve, KnowledgeBaseJsonContext.Default.RetrieveRequest),
            JsonSerializer.SerializeToUtf8Bytes(reranked, KnowledgeBaseJsonContext.Default.RetrieveRequest),
            JsonSerializer.SerializeToUtf8Bytes(generate, KnowledgeBaseJsonContext.Default.RetrieveAndGenerateRequest),
            KnowledgeBaseResponses.Retrieve(Chunks.Select((chunk, i) => (chunk, 3.0 - i)).ToList()),
            KnowledgeBaseResponses.RetrieveAndGenerate("s1", answer, GroundedAnswer.Cite(answer, Chunks)),
            """{"retrievalResults":[{"content":{"text":"t"},"location":{"type":"WEB","webLocation":{"url":"https://x"}},"score":0.5,"metadata":{"a":[1,{"b":null}]}}],"nextToken":"n","guardrailAction":"NONE"}"""u8.ToArray(),
            CitableConverseRequest(),
            """{"title":"passage 1","source":"s3://kb/retries.md","sourceContent":[{"text":"Throttling errors are retried."}],"location":{"documentChunk":{"documentIndex":0,"start":1,"end":2}}}"""u8.ToArray(),
            """{"output":{"message":{"role":"assistant","content":[{"text":"a"},{"citationsContent":{"content":[{"text":"Throttling is retried."}],"citations":[{"title":"passage 1","sourceContent":[{"text":"Throttling errors are retried with full jitter."}],"location":{"documentChar":{"documentIndex":0,"start":0,"end":47}}},{"title":"passage 2","location":{"documentPage":{"documentIndex":1,"start":1,"end":2}}},{"location":{"web":{"url":"https://x"}}}]}}]}},"stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}"""u8.ToArray(),
        };
    }
}
