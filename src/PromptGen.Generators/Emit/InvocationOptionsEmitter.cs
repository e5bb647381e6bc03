using System.Collections.Generic;
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
            var members = new List<string> { $"GuardrailIdentifier = {Literal(guardrail.Identifier)}", $"GuardrailVersion = {Literal(guardrail.Version)}" };
            if (guardrail.Trace is not null)
            {
                members.Add($"Trace = {Constant(RuntimeTypes.GuardrailTrace, guardrail.Trace)}");
            }

            if (guardrail.StreamProcessingMode is not null)
            {
                members.Add($"StreamProcessingMode = {Constant(RuntimeTypes.GuardrailStreamProcessing, guardrail.StreamProcessingMode)}");
            }

            WriteMember(writer, "GuardrailConfig", RuntimeTypes.GuardrailConfiguration, members);
        }

        if (options.LatencyOptimized)
        {
            WriteMember(writer, "PerformanceConfig", RuntimeTypes.PerformanceConfiguration, new[] { $"Latency = {RuntimeTypes.LatencyMode}.Optimized" });
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

    /// <summary>A request member set to a new object: on one line when it fits, else one member per line.</summary>
    private static void WriteMember(CodeWriter writer, string name, string type, IReadOnlyList<string> members)
    {
        string line = $"{name} = new {type} {{ {string.Join(", ", members)} }},";
        if (writer.Fits(line))
        {
            writer.WriteLine(line);
            return;
        }

        writer.WriteLine($"{name} = new {type}");
        writer.OpenBlock();
        foreach (string member in members)
        {
            writer.WriteLine(member + ",");
        }

        writer.Indent--;
        writer.WriteLine("},");
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
