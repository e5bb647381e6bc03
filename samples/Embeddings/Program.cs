using System;
using System.Linq;
using Embeddings;
using Microsoft.Extensions.AI;
using PromptGen;
using PromptGen.AI;
using PromptGen.Testing;

// Semantic search over a handful of texts by cosine similarity. Runs offline against the local Bedrock emulator, whose
// vectors are deterministic (the same text gives the same vector) but not semantic: there, only the query that repeats
// a document word for word finds it. Point the client at Bedrock (drop Endpoint and Credentials) for real rankings.
await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});

string[] documents =
{
    "The harbour ferry leaves every hour from pier 3.",
    "Refunds are paid to the original card within five days.",
    "Our cafe serves breakfast until eleven.",
    "Bicycles can be rented at the station.",
    "Lost luggage is kept at the information desk.",
};

// Microsoft.Extensions.AI's IEmbeddingGenerator over Titan Text Embeddings V2.
using IEmbeddingGenerator<string, Embedding<float>> generator = new BedrockEmbeddingGenerator(bedrock, "amazon.titan-embed-text-v2:0");
GeneratedEmbeddings<Embedding<float>> index = await generator.GenerateAsync(documents);
Console.WriteLine($"indexed {index.Count} documents, {index[0].Vector.Length} dimensions, {index.Usage?.InputTokenCount} input tokens");

foreach (string query in new[] { "Refunds are paid to the original card within five days.", "When does the ferry leave?" })
{
    Embedding<float> asked = await generator.GenerateAsync(query);
    var ranked = documents
        .Select((text, i) => (Text: text, Score: Cosine(asked.Vector.Span, index[i].Vector.Span)))
        .OrderByDescending(hit => hit.Score)
        .Take(2);
    Console.WriteLine($"query: {query}");
    foreach ((string text, float score) in ranked)
    {
        Console.WriteLine($"  {score:0.000}  {text}");
    }
}

// The same through generated embedding methods (Cohere Embed v3, documents and queries embedded for search).
ISearchEmbeddings search = ISearchEmbeddings.Create(bedrock);
var vectors = await search.EmbedDocumentsAsync(documents);
Embedding<float> lost = await search.EmbedQueryAsync("Lost luggage is kept at the information desk.");
int best = Enumerable.Range(0, documents.Length).MaxBy(i => Cosine(lost.Vector.Span, vectors[i].Vector.Span));
Console.WriteLine($"cohere: {vectors.Count} documents in {emulator.Requests.Count(r => r.ModelId == "cohere.embed-english-v3") - 1} call; best match: {documents[best]}");
return 0;

static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    double dot = 0, normA = 0, normB = 0;
    for (int i = 0; i < a.Length; i++)
    {
        dot += a[i] * b[i];
        normA += a[i] * a[i];
        normB += b[i] * b[i];
    }

    return (float)(dot / (Math.Sqrt(normA) * Math.Sqrt(normB)));
}
