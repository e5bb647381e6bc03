using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Checks the Converse members that shape how a call is served rather than what it says (wire spec §3):
/// <c>guardrailConfig</c>, <c>performanceConfig</c>, <c>serviceTier</c>, <c>requestMetadata</c>,
/// <c>additionalModelRequestFields</c>, and <c>cachePoint</c> blocks wherever they appear.
/// </summary>
internal static class InvocationOptionsValidator
{
    private static readonly string[] TraceModes = { "enabled", "disabled", "enabled_full" };
    private static readonly string[] StreamProcessingModes = { "sync", "async" };
    private static readonly string[] LatencyModes = { "standard", "optimized" };
    private static readonly string[] ServiceTiers = { "priority", "default", "flex", "reserved" };
    private static readonly string[] CacheTtls = { "5m", "1h" };

    /// <summary>Spec §3: "DRAFT" or 1–8 digits (no leading zero).</summary>
    private static readonly MemberChecks.NamePattern GuardrailVersion = new("(([1-9][0-9]{0,7})|(DRAFT))", 8);

    /// <summary>
    /// A guardrail id (lower-case letters and digits) or guardrail ARN, up to 2048 characters. From the botocore
    /// model as remembered, not re-read for this spec: [U].
    /// </summary>
    private static readonly MemberChecks.NamePattern GuardrailIdentifier =
        new("(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))", 2048);

    private const int MaxMetadataEntries = 16;
    private const int MaxMetadataLength = 256;
    private static readonly Regex MetadataCharacters = new(@"^[a-zA-Z0-9\s:_@$#=/+,\-.]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Check(JsonElement root, ConstraintViolations violations)
    {
        CheckGuardrailConfig(root, violations);
        if (Member(root, "performanceConfig") is { } performance && IsObject(performance, "performanceConfig", violations)
            && Member(performance, "latency") is { } latency)
        {
            CheckEnum(latency, "performanceConfig.latency", LatencyModes, violations);
        }

        if (Member(root, "serviceTier") is { } tier && IsObject(tier, "serviceTier", violations))
        {
            if (Member(tier, "type") is { } type)
            {
                CheckEnum(type, "serviceTier.type", ServiceTiers, violations);
            }
            else
            {
                violations.NotNull("serviceTier.type");
            }
        }

        CheckRequestMetadata(root, violations);
        if (Member(root, "additionalModelRequestFields") is { } fields && fields.ValueKind != JsonValueKind.Object)
        {
            // A document may hold any JSON, but the service hands it to the model as its request's top-level fields.
            violations.WrongType("additionalModelRequestFields", "a JSON object");
        }
    }

    /// <summary>Checks a <c>cachePoint</c> member of a content, system or tool block, when it has one.</summary>
    public static void CheckCachePoint(JsonElement block, string path, ConstraintViolations violations)
    {
        if (Member(block, "cachePoint") is not { } cachePoint)
        {
            return;
        }

        string cachePath = $"{path}.cachePoint";
        if (!IsObject(cachePoint, cachePath, violations))
        {
            return;
        }

        if (Member(cachePoint, "type") is { } type)
        {
            CheckEnum(type, $"{cachePath}.type", new[] { "default" }, violations);
        }
        else
        {
            violations.NotNull($"{cachePath}.type");
        }

        if (Member(cachePoint, "ttl") is { } ttl)
        {
            CheckEnum(ttl, $"{cachePath}.ttl", CacheTtls, violations);
        }
    }

    private static void CheckGuardrailConfig(JsonElement root, ConstraintViolations violations)
    {
        const string Path = "guardrailConfig";
        if (Member(root, Path) is not { } config || !IsObject(config, Path, violations))
        {
            return;
        }

        if (Member(config, "guardrailIdentifier") is { } identifier)
        {
            MemberChecks.CheckString(identifier, $"{Path}.guardrailIdentifier", violations, GuardrailIdentifier);
        }

        if (Member(config, "guardrailVersion") is { } version)
        {
            MemberChecks.CheckString(version, $"{Path}.guardrailVersion", violations, GuardrailVersion);
        }

        if (Member(config, "trace") is { } trace)
        {
            CheckEnum(trace, $"{Path}.trace", TraceModes, violations);
        }

        if (Member(config, "streamProcessingMode") is { } mode)
        {
            CheckEnum(mode, $"{Path}.streamProcessingMode", StreamProcessingModes, violations);
        }
    }

    private static void CheckRequestMetadata(JsonElement root, ConstraintViolations violations)
    {
        const string Path = "requestMetadata";
        if (Member(root, Path) is not { } metadata || !IsObject(metadata, Path, violations))
        {
            return;
        }

        int count = metadata.EnumerateObject().Count();
        if (count is < 1 or > MaxMetadataEntries)
        {
            violations.Add(Path, value: null, count < 1
                ? "Member must have length greater than or equal to 1"
                : $"Member must have length less than or equal to {MaxMetadataEntries}");
        }

        foreach (JsonProperty entry in metadata.EnumerateObject())
        {
            string keyPath = $"{Path}.{entry.Name}";
            JsonElement key = JsonSerializer.SerializeToElement(entry.Name);
            if (entry.Name.Length is < 1 or > MaxMetadataLength || !MetadataCharacters.IsMatch(entry.Name))
            {
                violations.Add($"{keyPath}.key", key, $"Member must have length between 1 and {MaxMetadataLength} and satisfy regular expression pattern: [a-zA-Z0-9\\s:_@$#=/+,-.]{{1,256}}");
            }

            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                violations.WrongType(keyPath, "a string");
            }
            else if (entry.Value.GetString()!.Length > MaxMetadataLength || !MetadataCharacters.IsMatch(entry.Value.GetString()!))
            {
                violations.Add(keyPath, entry.Value, $"Member must have length less than or equal to {MaxMetadataLength} and satisfy regular expression pattern: [a-zA-Z0-9\\s:_@$#=/+,-.]{{0,256}}");
            }
        }
    }

    private static void CheckEnum(JsonElement value, string path, string[] allowed, ConstraintViolations violations)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            violations.WrongType(path, "a string");
        }
        else if (!allowed.Contains(value.GetString(), StringComparer.Ordinal))
        {
            violations.Add(path, value, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
    }

    private static bool IsObject(JsonElement value, string path, ConstraintViolations violations)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        violations.WrongType(path, "an object");
        return false;
    }

    private static JsonElement? Member(JsonElement parent, string name) => ConverseRequestValidator.Member(parent, name);
}
