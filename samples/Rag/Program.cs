using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.AI;
using PromptGen;
using PromptGen.AI;
using PromptGen.Bedrock;
using PromptGen.Retrieval;
using PromptGen.Testing;
using Rag;

// Questions over this repository's docs/, answered with citations, offline: the local Bedrock emulator serves docs/ as
// a knowledge base (chunked and ranked with BM25) and plays the model from a script. To ask a real knowledge base,
// change only configuration: set RAG_KNOWLEDGE_BASE_ID (and RAG_MODEL_ARN, the model or inference-profile ARN
// RetrieveAndGenerate answers with) and the usual AWS region and credentials; the prompts stay the same.
string? realKnowledgeBase = Environment.GetEnvironmentVariable("RAG_KNOWLEDGE_BASE_ID");
string knowledgeBaseId = realKnowledgeBase ?? "KBDOCS0001";
string modelArn = Environment.GetEnvironmentVariable("RAG_MODEL_ARN") ?? IDocsPrompts.Model;
var questions = new Dictionary<string, string>
{
    // The emulator's scripted answers; a real model writes its own.
    ["How are throttling errors retried?"] = "Throttling and transient failures are retried with full jitter backoff, within a retry quota.",
    ["What does diagnostic PG0103 mean?"] = "PG0103 means a template member does not exist on the parameter's type, reported at the member's characters.",
};

await using BedrockEmulator? emulator = realKnowledgeBase is null
    ? await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { KnowledgeBases = { [knowledgeBaseId] = DocsFolder.Find() } })
    : null;
foreach ((string question, string answer) in questions)
{
    emulator?.Script.When(promptContains: question).ReplyText(answer);
}

// What differs between the emulator and a real knowledge base is configuration only: the endpoint and credentials,
// and the mapping from the id the prompts name (IDocsPrompts.KnowledgeBase) to the real knowledge base's id.
var options = emulator is null
    ? new BedrockOptions { KnowledgeBaseIds = { [IDocsPrompts.KnowledgeBase] = knowledgeBaseId } }
    : new BedrockOptions
    {
        Region = "us-east-1",
        Endpoint = emulator.Endpoint,
        Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
    };
using var bedrock = new BedrockRuntimeClient(options);

// 1. RetrieveAndGenerate: the service retrieves, answers and cites.
Console.WriteLine("== RetrieveAndGenerate over the knowledge base");
foreach (string question in questions.Keys)
{
    RetrieveAndGenerateResponse response = await bedrock.RetrieveAndGenerateAsync(new RetrieveAndGenerateRequest
    {
        Input = { Text = question },
        RetrieveAndGenerateConfiguration =
        {
            KnowledgeBaseConfiguration = new KnowledgeBaseRetrieveAndGenerateConfiguration { KnowledgeBaseId = knowledgeBaseId, ModelArn = modelArn },
        },
    });
    Console.WriteLine($"Q: {question}\nA: {response.Output!.Text}");
    foreach (KnowledgeBaseCitation citation in response.Citations ?? [])
    {
        Console.WriteLine($"   \"{citation.GeneratedResponsePart?.TextResponsePart?.Text}\" is supported by:");
        foreach (RetrievedReference reference in citation.RetrievedReferences ?? [])
        {
            Console.WriteLine($"     {reference.Location?.Address}: {Excerpt(reference.Content?.Text)}");
        }
    }
}

// 2. Typed prompts that declare their retrieval: each call sends one Retrieve, then one Converse with the passages.
Console.WriteLine("\n== Typed prompt, passages from the knowledge base");
IDocsPrompts prompts = IDocsPrompts.Create(bedrock);
foreach (string question in questions.Keys)
{
    Print(question, await prompts.AnswerAsync(question));
}

Console.WriteLine("\n== Typed prompt, passages as citable documents");
foreach (string question in questions.Keys)
{
    PromptResult<string> answer = await prompts.AnswerWithCitationsAsync(question);
    Console.WriteLine($"Q: {question}\nA: {answer.Value}");
    foreach (PromptCitation citation in answer.Citations)
    {
        Console.WriteLine($"   cites {citation.Source}: {Excerpt(citation.SourceText)}");
    }
}

// 3. The same instructions with passages from a local vector store (Microsoft.Extensions.VectorData), embedded with
// Titan Text Embeddings. The emulator's vectors are deterministic but not semantic, so offline the ranking is
// arbitrary; with Bedrock the same code ranks by meaning.
Console.WriteLine("\n== Typed prompt, passages from a local vector store");
using var embeddings = new BedrockEmbeddingGenerator(bedrock, "amazon.titan-embed-text-v2:0");
var collection = new InMemoryVectorCollection();
List<(string File, string Text)> paragraphs = DocsFolder.Paragraphs(DocsFolder.Find()).Take(60).ToList();
GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(paragraphs.Select(paragraph => paragraph.Text));
for (int i = 0; i < paragraphs.Count; i++)
{
    await collection.UpsertAsync(new DocumentChunk { Id = $"p{i}", Text = paragraphs[i].Text, Source = paragraphs[i].File, Embedding = vectors[i].Vector });
}

Console.WriteLine($"indexed {paragraphs.Count} paragraphs of docs/");
var store = new VectorStorePassageRetriever<string, DocumentChunk>(collection, embeddings, chunk => chunk.Text, chunk => chunk.Source);
foreach (string question in questions.Keys)
{
    Print(question, await prompts.AnswerFromAsync(question, store));
}

return 0;

static void Print(string question, PromptResult<string> answer)
{
    Console.WriteLine($"Q: {question}\nA: {answer.Value}");
    foreach (RetrievedPassage passage in answer.Passages)
    {
        Console.WriteLine($"   [{passage.Rank}] {passage.Location} (score {passage.Score:0.###}): {Excerpt(passage.Text)}");
    }
}

static string Excerpt(string? text)
{
    string flat = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    return flat.Length <= 90 ? flat : flat[..90] + "…";
}
