using System;

namespace PromptGen;

/// <summary>
/// The forms a model id takes (wire spec §2, the forms the generator's catalog reads too): a base id, a system-defined
/// inference profile (a geographic or <c>global.</c> prefix before the base id), or a Bedrock ARN of either. The one
/// reading of them at run time, for pricing and for the body families of the Microsoft.Extensions.AI adapters.
/// </summary>
internal static class ModelIds
{
    /// <summary>The prefixes of system-defined inference profiles, longest first so <c>us-gov</c> wins over <c>us</c>.</summary>
    private static readonly string[] ProfilePrefixes = { "us-gov", "global", "apac", "us", "eu", "jp", "au", "ca" };

    /// <summary>
    /// The base id <paramref name="modelId"/> names and its profile prefix (null for a base id or a foundation-model
    /// ARN); null for what names no model by its id: an empty id, another service's ARN, an application inference
    /// profile ARN.
    /// </summary>
    public static (string BaseId, string? ProfilePrefix)? Resolve(string? modelId)
    {
        if (string.IsNullOrEmpty(modelId))
        {
            return null;
        }

        if (!modelId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return SplitProfilePrefix(modelId);
        }

        // arn:partition:bedrock:region:account:resource — the resource keeps its own ':' (the version suffix).
        string[] parts = modelId.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "bedrock")
        {
            return null;
        }

        string resource = parts[5];
        const string FoundationModel = "foundation-model/";
        const string InferenceProfile = "inference-profile/";
        if (resource.StartsWith(FoundationModel, StringComparison.Ordinal) && resource.Length > FoundationModel.Length)
        {
            return (resource[FoundationModel.Length..], null);
        }

        return resource.StartsWith(InferenceProfile, StringComparison.Ordinal) && resource.Length > InferenceProfile.Length
            ? SplitProfilePrefix(resource[InferenceProfile.Length..])
            : null;
    }

    private static (string BaseId, string? ProfilePrefix) SplitProfilePrefix(string id)
    {
        int dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && dot < id.Length - 1)
        {
            string head = id[..dot];
            if (Array.IndexOf(ProfilePrefixes, head) >= 0)
            {
                return (id[(dot + 1)..], head);
            }
        }

        return (id, null);
    }
}
