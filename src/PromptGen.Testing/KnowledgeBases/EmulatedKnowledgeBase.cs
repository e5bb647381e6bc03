using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>
/// A knowledge base the emulator serves: the text files of a folder (<c>.md</c>, <c>.markdown</c>, <c>.txt</c>, searched
/// recursively), chunked and indexed with BM25. A file's metadata comes from a sidecar <c>{file}.metadata.json</c> holding
/// <c>{"metadataAttributes": {"key": value}}</c>, the convention of Bedrock's S3 data sources; every chunk also carries
/// Bedrock's <c>x-amz-bedrock-kb-source-uri</c>, <c>x-amz-bedrock-kb-chunk-id</c> and <c>x-amz-bedrock-kb-data-source-id</c>.
/// Locations are S3 URIs <c>s3://promptgen-kb-{id}/{path relative to the folder}</c>.
/// </summary>
internal sealed class EmulatedKnowledgeBase
{
    public const string SourceUriKey = "x-amz-bedrock-kb-source-uri";
    public const string ChunkIdKey = "x-amz-bedrock-kb-chunk-id";
    public const string DataSourceIdKey = "x-amz-bedrock-kb-data-source-id";
    private const string MetadataSuffix = ".metadata.json";
    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    private readonly Bm25Index _index;

    public EmulatedKnowledgeBase(string id, IReadOnlyList<KnowledgeBaseChunk> chunks)
    {
        Id = id;
        Chunks = chunks;
        _index = new Bm25Index(chunks.Select(chunk => chunk.Text));
    }

    public string Id { get; }

    public IReadOnlyList<KnowledgeBaseChunk> Chunks { get; }

    /// <summary>True for the API's knowledge base ids: 1 to 10 ASCII letters and digits.</summary>
    public static bool IsValidId(string id) => id.Length is > 0 and <= 10 && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>Loads a folder.</summary>
    /// <exception cref="ArgumentException">The id is not 1 to 10 letters and digits.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A sidecar metadata file is malformed (its path is named).</exception>
    public static EmulatedKnowledgeBase Load(string id, string folder)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"A knowledge base id is 1 to 10 ASCII letters and digits, as on AWS; '{id}' is not.", nameof(id));
        }

        string root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The folder of knowledge base {id} does not exist: {root}");
        }

        string bucket = "promptgen-kb-" + id.ToLowerInvariant();
        var chunks = new List<KnowledgeBaseChunk>();
        IEnumerable<string> files = Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            string uri = $"s3://{bucket}/{relative}";
            IReadOnlyDictionary<string, JsonElement> attributes = ReadSidecar(file + MetadataSuffix);
            List<string> passages = DocumentChunker.Chunk(File.ReadAllText(file, Encoding.UTF8));
            for (int i = 0; i < passages.Count; i++)
            {
                var metadata = new Dictionary<string, JsonElement>(attributes, StringComparer.Ordinal)
                {
                    [SourceUriKey] = JsonString(uri),
                    [ChunkIdKey] = JsonString($"{relative}#{i + 1}"),
                    [DataSourceIdKey] = JsonString(id + "DS"),
                };
                chunks.Add(new KnowledgeBaseChunk(passages[i], uri, metadata));
            }
        }

        return new EmulatedKnowledgeBase(id, chunks);
    }

    /// <summary>The best chunks for <paramref name="query"/> that pass <paramref name="filter"/>, best first.</summary>
    public List<(KnowledgeBaseChunk Chunk, double Score)> Search(string query, int count, MetadataFilter? filter) =>
        _index.Search(query, count, filter is null ? null : document => filter.Matches(Chunks[document].Metadata))
            .Select(hit => (Chunks[hit.Document], hit.Score))
            .ToList();

    private static IReadOnlyDictionary<string, JsonElement> ReadSidecar(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, JsonElement>();
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("metadataAttributes", out JsonElement attributes)
                || attributes.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} must hold {{\"metadataAttributes\": {{...}}}}.");
            }

            return attributes.EnumerateObject().ToDictionary(member => member.Name, member => member.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonElement JsonString(string value)
    {
        using JsonDocument document = JsonDocument.Parse("\"" + JsonEncodedText.Encode(value).ToString() + "\"");
        return document.RootElement.Clone();
    }
}
