using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

/// <summary>
/// Source-generated (reflection-free, AOT-safe) JSON for the Converse wire types: camelCase member names,
/// absent members left out, as the Bedrock rest-json protocol wants.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(ConverseRequest))]
[JsonSerializable(typeof(ConverseResponse))]
[JsonSerializable(typeof(ToolUseBlock))]
[JsonSerializable(typeof(ToolResultBlock))]
[JsonSerializable(typeof(ToolConfiguration))]
[JsonSerializable(typeof(OutputConfiguration))]
[JsonSerializable(typeof(MessageStartEvent))]
[JsonSerializable(typeof(ContentBlockStartEvent))]
[JsonSerializable(typeof(ContentBlockDeltaEvent))]
[JsonSerializable(typeof(ContentBlockStopEvent))]
[JsonSerializable(typeof(MessageStopEvent))]
[JsonSerializable(typeof(ConverseStreamMetadataEvent))]
internal sealed partial class BedrockJsonContext : JsonSerializerContext
{
}
