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

    /// <summary>
    /// Whether <paramref name="modelId"/> has the shape <see cref="Pattern"/> describes. Checked by hand in one pass, not
    /// with the regex: a regex with a timeout could throw <see cref="RegexMatchTimeoutException"/> on a loaded machine (it
    /// did once, in a compiler process), and one without a timeout is a risk on a 2048-character input. Unlike the
    /// regex's <c>$</c>, a trailing line break is not accepted.
    /// </summary>
    public static bool IsWellFormed(string? modelId) =>
        modelId is { Length: > 0 and <= MaxLength } && (IsBareId(modelId) || IsArn(modelId));

    // [a-zA-Z0-9_.:-]+
    private static bool IsBareId(string id)
    {
        foreach (char c in id)
        {
            if (!IsIdChar(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    // arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:[0-9]{0,12}:[a-zA-Z0-9_./:-]+
    private static bool IsArn(string id)
    {
        const string Start = "arn:aws";
        if (!id.StartsWith(Start, StringComparison.Ordinal))
        {
            return false;
        }

        int at = Start.Length;
        if (at < id.Length && id[at] == '-')
        {
            int colon = id.IndexOf(':', at + 1);
            if (colon < 0 || colon == at + 1)
            {
                return false;
            }

            at = colon;
        }

        if (!Skip(id, ref at, ':'))
        {
            return false;
        }

        string service = HasAt(id, at, "bedrock:") ? "bedrock" : HasAt(id, at, "sagemaker:") ? "sagemaker" : string.Empty;
        if (service.Length == 0)
        {
            return false;
        }

        at += service.Length + 1;
        int region = Run(id, at, static c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
        if (region is < 1 or > 20 || !Skip(id, ref at, region, ':'))
        {
            return false;
        }

        int account = Run(id, at, static c => c >= '0' && c <= '9');
        if (account > 12 || !Skip(id, ref at, account, ':'))
        {
            return false;
        }

        int resource = Run(id, at, static c => IsIdChar(c) || c == '/' || c == ':');
        return resource > 0 && at + resource == id.Length;
    }

    private static bool HasAt(string text, int at, string expected) =>
        at + expected.Length <= text.Length && string.CompareOrdinal(text, at, expected, 0, expected.Length) == 0;

    private static bool IsIdChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';

    private static int Run(string text, int start, Func<char, bool> allowed)
    {
        int end = start;
        while (end < text.Length && allowed(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static bool Skip(string text, ref int at, char expected) => Skip(text, ref at, 0, expected);

    // Moves past a run of 'length' characters and the 'expected' one after it.
    private static bool Skip(string text, ref int at, int length, char expected)
    {
        int next = at + length;
        if (next >= text.Length || text[next] != expected)
        {
            return false;
        }

        at = next + 1;
        return true;
    }

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
