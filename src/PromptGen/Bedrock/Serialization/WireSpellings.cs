using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock.Serialization;

// The wire spellings of PromptGen's enums (wire spec §3), each enum with its converter.

internal sealed class ConversationRoleConverter() : WireEnumConverter<ConversationRole>(Names)
{
    public static readonly WireNames<ConversationRole> Names = new(
        new(ConversationRole.User, "user"),
        new(ConversationRole.Assistant, "assistant"));
}

internal sealed class ToolResultStatusConverter() : WireEnumConverter<ToolResultStatus>(Names)
{
    public static readonly WireNames<ToolResultStatus> Names = new(
        new(ToolResultStatus.Success, "success"),
        new(ToolResultStatus.Error, "error"));
}

internal sealed class GuardrailTraceConverter() : WireEnumConverter<GuardrailTrace>(Names)
{
    public static readonly WireNames<GuardrailTrace> Names = new(
        new(GuardrailTrace.Disabled, "disabled"),
        new(GuardrailTrace.Enabled, "enabled"),
        new(GuardrailTrace.EnabledFull, "enabled_full"));
}

internal sealed class GuardrailStreamProcessingConverter() : WireEnumConverter<GuardrailStreamProcessing>(Names)
{
    public static readonly WireNames<GuardrailStreamProcessing> Names = new(
        new(GuardrailStreamProcessing.Sync, "sync"),
        new(GuardrailStreamProcessing.Async, "async"));
}

internal sealed class CacheTtlConverter() : EchoedWireEnumConverter<CacheTtl>(Names)
{
    public static readonly WireNames<CacheTtl> Names = new(
        new(CacheTtl.FiveMinutes, "5m"),
        new(CacheTtl.OneHour, "1h"));
}

internal sealed class LatencyModeConverter() : EchoedWireEnumConverter<LatencyMode>(Names)
{
    public static readonly WireNames<LatencyMode> Names = new(
        new(LatencyMode.Standard, "standard"),
        new(LatencyMode.Optimized, "optimized"));
}

/// <summary>
/// <c>serviceTier</c> is an object on the wire, <c>{"type": "priority"}</c>; PromptGen models it as the tier alone.
/// The response echoes it; a tier added to Bedrock after this version reads as null.
/// </summary>
internal sealed class ServiceTierConverter : JsonConverter<ServiceTier?>
{
    public static readonly WireNames<ServiceTier> Names = new(
        new(ServiceTier.Default, "default"),
        new(ServiceTier.Priority, "priority"),
        new(ServiceTier.Flex, "flex"),
        new(ServiceTier.Reserved, "reserved"));

    public override bool HandleNull => true;

    public override ServiceTier? Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        ServiceTier? tier = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = reader.ValueTextEquals("type");
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String && Names.TryParse(reader.GetString(), out ServiceTier known))
            {
                tier = known;
            }
            else
            {
                reader.Skip();
            }
        }

        return tier;
    }

    public override void Write(Utf8JsonWriter writer, ServiceTier? value, JsonSerializerOptions options)
    {
        if (value is not { } tier)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", Names.NameOf(tier));
        writer.WriteEndObject();
    }
}

/// <summary>Reads any stop reason Bedrock sends, known or new; an empty one is malformed.</summary>
internal sealed class StopReasonJsonConverter : JsonConverter<StopReason>
{
    public override StopReason Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? new StopReason(value)
            : throw new JsonException("stopReason must be a non-empty string.");

    public override void Write(Utf8JsonWriter writer, StopReason value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
