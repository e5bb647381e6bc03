using System;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// A base model id in its parts, for "did you mean": the vendor (<c>anthropic</c>), the model's name
/// (<c>claude-haiku-4-5-20251001</c>) and its version (<c>v1:0</c>). A typo is judged against the part it is in, so
/// <c>nova-lte</c> is one edit from Nova Lite and not a dozen from <c>amazon.nova-lite-v1:0</c>, and a missing vendor
/// or version costs nothing. Read by hand: ids come from users and must never hang a build.
/// </summary>
internal readonly struct ModelIdParts
{
    private ModelIdParts(string? vendor, string name, string? version)
    {
        Vendor = vendor;
        Name = name;
        Version = version;
    }

    /// <summary>The text before the first dot; null when there is none.</summary>
    public string? Vendor { get; }

    public string Name { get; }

    /// <summary>The trailing <c>v1</c>, <c>v1:0</c> or <c>0</c> (after a colon); null when there is none.</summary>
    public string? Version { get; }

    /// <summary>The parts of <paramref name="baseId"/> (no profile prefix), lower-cased.</summary>
    public static ModelIdParts Of(string baseId)
    {
        string id = baseId.Trim().ToLowerInvariant();
        int dot = id.IndexOf('.');
        string? vendor = dot > 0 ? id.Substring(0, dot) : null;
        string rest = dot > 0 ? id.Substring(dot + 1) : id;

        // "-v1", "-v1:0" or ":0" at the end.
        int versionAt = -1;
        int dash = rest.LastIndexOf("-v", StringComparison.Ordinal);
        if (dash > 0 && IsVersion(rest, dash + 2))
        {
            versionAt = dash + 1;
        }
        else if (rest.LastIndexOf(':') is var colon && colon > 0 && IsDigits(rest, colon + 1, rest.Length))
        {
            versionAt = colon + 1;
        }

        return versionAt < 0
            ? new ModelIdParts(vendor, rest, null)
            : new ModelIdParts(vendor, rest.Substring(0, versionAt - 1), rest.Substring(versionAt));
    }

    /// <summary>
    /// A display name written as an id's name part: <c>Claude Haiku 4.5</c> as <c>claude-haiku-4-5</c>, so users who
    /// type the name they read on a model card find the model.
    /// </summary>
    public static string NameOf(string displayName)
    {
        var written = new char[displayName.Length];
        for (int i = 0; i < displayName.Length; i++)
        {
            char c = char.ToLowerInvariant(displayName[i]);
            written[i] = c is ' ' or '.' or '_' ? '-' : c;
        }

        return new string(written);
    }

    // digits, then optionally ':' and digits, to the end
    private static bool IsVersion(string text, int start)
    {
        int colon = text.IndexOf(':', start);
        return colon < 0
            ? IsDigits(text, start, text.Length)
            : IsDigits(text, start, colon) && IsDigits(text, colon + 1, text.Length);
    }

    private static bool IsDigits(string text, int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
