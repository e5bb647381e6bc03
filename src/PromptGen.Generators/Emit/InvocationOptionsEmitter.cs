using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes a method's Bedrock invocation options into its Converse request: guardrailConfig, performanceConfig,
/// serviceTier, additionalModelRequestFields (parsed once, into a static field), requestMetadata, and the cache
/// points after the system prompt and the user prompt.
/// </summary>
internal static class InvocationOptionsEmitter
{

    /// <summary>The static fields the request members read: the model fields and the constant metadata pairs.</summary>
    public static void WriteFields(CodeWriter writer, PromptPlan plan, string memberName)
    {
        if (plan.Options is not { } options)
        {
            return;
        }

        if (options.ModelRequestFieldsJson is { } json)
        {
            writer.WriteLine($"private static readonly global::System.Text.Json.JsonElement {memberName}ModelRequestFields =");
            writer.Indent++;
            writer.WriteLine($"{RuntimeTypes.InvocationOptionValues}.ParseFields({Literal(json)});");
            writer.Indent--;
            writer.WriteLine();
        }

        if (!options.RequestMetadata.IsEmpty)
        {
            writer.WriteLine($"private static readonly global::System.Collections.Generic.KeyValuePair<string, string>[] {memberName}RequestMetadata =");
            writer.OpenBlock();
            foreach (MetadataPairModel pair in options.RequestMetadata)
            {
                writer.WriteLine($"new({Literal(pair.Key)}, {Literal(pair.Value)}),");
            }

            writer.Indent--;
            writer.WriteLine("};");
            writer.WriteLine();
        }
    }

    /// <summary>The request's <c>System</c> value for a rendered system prompt.</summary>
    public static string SystemExpression(PromptPlan plan, string rendered) =>
        plan.Options?.CachePoint is { AfterSystem: true } cache
            ? $"{RuntimeTypes.InvocationOptionValues}.SystemWithCachePoint({rendered}{TtlArgument(cache)})"
            : $"{RuntimeTypes.SystemContentBlock}.ListFromText({rendered})";

    /// <summary>The request's user turn for a rendered prompt.</summary>
    public static string UserMessageExpression(PromptPlan plan, string rendered) =>
        plan.Options?.CachePoint is { AfterPrompt: true } cache
            ? $"{RuntimeTypes.InvocationOptionValues}.UserWithCachePoint({rendered}{TtlArgument(cache)})"
            : $"{RuntimeTypes.Message}.User({rendered})";

    /// <summary>The request initializer's members for the options, each only when set.</summary>
    public static void WriteRequestMembers(CodeWriter writer, PromptPlan plan, string memberName)
    {
        if (plan.Options is not { } options)
        {
            return;
        }

        if (options.Guardrail is { } guardrail)
        {
            string members = $"GuardrailIdentifier = {Literal(guardrail.Identifier)}, GuardrailVersion = {Literal(guardrail.Version)}"
                + (guardrail.Trace is null ? string.Empty : $", Trace = {Constant(RuntimeTypes.GuardrailTrace, guardrail.Trace)}")
                + (guardrail.StreamProcessingMode is null ? string.Empty : $", StreamProcessingMode = {Constant(RuntimeTypes.GuardrailStreamProcessing, guardrail.StreamProcessingMode)}");
            writer.WriteLine($"GuardrailConfig = new {RuntimeTypes.GuardrailConfiguration} {{ {members} }},");
        }

        if (options.LatencyOptimized)
        {
            writer.WriteLine($"PerformanceConfig = new {RuntimeTypes.PerformanceConfiguration} {{ Latency = {RuntimeTypes.LatencyMode}.Optimized }},");
        }

        if (options.ServiceTier is { } tier)
        {
            writer.WriteLine($"ServiceTier = {Constant(RuntimeTypes.ServiceTier, tier)},");
        }

        if (options.ModelRequestFieldsJson is not null)
        {
            writer.WriteLine($"AdditionalModelRequestFields = {memberName}ModelRequestFields,");
        }

        if (!options.RequestMetadata.IsEmpty || options.RequestMetadataParameter is not null)
        {
            string constant = options.RequestMetadata.IsEmpty ? "null" : memberName + "RequestMetadata";
            writer.WriteLine($"RequestMetadata = {RuntimeTypes.InvocationOptionValues}.Metadata({constant}, {options.RequestMetadataParameter ?? "null"}),");
        }
    }

    /// <summary>A new <c>CachePointBlock</c> with the cache's time-to-live.</summary>
    public static string CachePointExpression(CachePointModel cache) =>
        cache.Ttl is null ? $"new {RuntimeTypes.CachePointBlock}()" : $"new {RuntimeTypes.CachePointBlock} {{ Ttl = {Constant(RuntimeTypes.CacheTtl, cache.Ttl)} }}";

    internal static string TtlArgument(CachePointModel cache) => cache.Ttl is null ? string.Empty : ", " + Constant(RuntimeTypes.CacheTtl, cache.Ttl);

    /// <summary>The runtime enum member for a wire value, e.g. <c>ServiceTier.Flex</c> for <c>flex</c>.</summary>
    private static string Constant(string type, string wireValue)
    {
        string member = wireValue switch
        {
            "5m" => "FiveMinutes",
            "1h" => "OneHour",
            "enabled_full" => "EnabledFull",
            _ => char.ToUpperInvariant(wireValue[0]) + wireValue.Substring(1),
        };
        return $"{type}.{member}";
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
