using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>
/// Source-generated (reflection-free, AOT-safe) JSON for the Knowledge Bases runtime API, with the conventions of
/// <see cref="BedrockJsonContext"/>: camelCase members, absent members left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(RetrieveRequest))]
[JsonSerializable(typeof(RetrieveResponse))]
[JsonSerializable(typeof(RetrieveAndGenerateRequest))]
[JsonSerializable(typeof(RetrieveAndGenerateResponse))]
[JsonSerializable(typeof(RetrieveAndGenerateOutputEvent))]
[JsonSerializable(typeof(RetrieveAndGenerateCitationEvent))]
[JsonSerializable(typeof(RetrieveAndGenerateGuardrailEvent))]
internal sealed partial class KnowledgeBaseJsonContext : JsonSerializerContext
{
}
