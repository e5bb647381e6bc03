using System.Collections.Generic;
using System.Text.Json;

namespace PromptGen.Testing.KnowledgeBases;

/// <summary>One passage of an emulated knowledge base: its text, its document's S3-style URI and its metadata.</summary>
internal sealed record KnowledgeBaseChunk(string Text, string SourceUri, IReadOnlyDictionary<string, JsonElement> Metadata);
