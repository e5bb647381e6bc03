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
internal sealed partial class BedrockJsonContext : JsonSerializerContext
{
}
