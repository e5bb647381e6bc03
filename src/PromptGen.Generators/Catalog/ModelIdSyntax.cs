using System;
using System.Text.RegularExpressions;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// The forms a Converse <c>modelId</c> takes (wire spec §2, "Path label"): a base id, an inference profile id with a
/// geographic prefix, or an ARN.
/// </summary>
internal static class ModelIdSyntax
{
    public const int MaxLength = 2048;

    // Simplified from the service model's ConversationalModelId pattern: an ARN of Bedrock or SageMaker (its resource
    // part may hold '/'), or a bare id/profile id such as "us.anthropic.claude-haiku-4-5-20251001-v1:0".
    public const string Pattern = @"^(arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:[0-9]{0,12}:[a-zA-Z0-9_./:-]+|[a-zA-Z0-9_.:-]+)$";

    /// <summary>Geographic prefixes of cross-region inference profiles, longest first so <c>us-gov</c> wins over <c>us</c>.</summary>
    public static readonly string[] ProfilePrefixes = { "us-gov", "global", "apac", "us", "eu", "jp", "au", "ca" };

    private const string FoundationModelResource = "foundation-model/";
    private const string InferenceProfileResource = "inference-profile/";

    private static readonly Regex Shape = new(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool IsWellFormed(string? modelId) =>
        modelId is { Length: > 0 and <= MaxLength } && Shape.IsMatch(modelId);

    /// <summary>
    /// The model an id names, before any catalog lookup: its base id and profile prefix, or null for ARNs whose model
    /// the id does not reveal. Call only with well-formed ids.
    /// </summary>
    public static (string BaseId, string? ProfilePrefix)? Resolve(string modelId)
    {
        if (!modelId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return SplitProfilePrefix(modelId);
        }

        // arn:partition:service:region:account:resource — the resource keeps its own ':' (the version suffix).
        string? resource = ArnResource(modelId);
        if (resource is null || ArnService(modelId) != "bedrock")
        {
            return null;
        }

        if (resource.StartsWith(FoundationModelResource, StringComparison.Ordinal))
        {
            string baseId = resource.Substring(FoundationModelResource.Length);
            return baseId.Length == 0 ? null : (baseId, null);
        }

        if (resource.StartsWith(InferenceProfileResource, StringComparison.Ordinal))
        {
            string profileId = resource.Substring(InferenceProfileResource.Length);
            return profileId.Length == 0 ? null : SplitProfilePrefix(profileId);
        }

        return null;
    }

    /// <summary>Splits <c>us.anthropic.claude-…</c> into (<c>anthropic.claude-…</c>, <c>us</c>); a base id has no prefix.</summary>
    public static (string BaseId, string? ProfilePrefix) SplitProfilePrefix(string id)
    {
        int dot = id.IndexOf('.');
        if (dot > 0 && dot < id.Length - 1)
        {
            string head = id.Substring(0, dot);
            foreach (string prefix in ProfilePrefixes)
            {
                if (string.Equals(head, prefix, StringComparison.Ordinal))
                {
                    return (id.Substring(dot + 1), prefix);
                }
            }
        }

        return (id, null);
    }

    private static string? ArnService(string arn)
    {
        string[] parts = arn.Split(new[] { ':' }, 4);
        return parts.Length == 4 ? parts[2] : null;
    }

    private static string? ArnResource(string arn)
    {
        string[] parts = arn.Split(new[] { ':' }, 6);
        return parts.Length == 6 ? parts[5] : null;
    }
}
