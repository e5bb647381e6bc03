using System.Collections.Immutable;

namespace PromptGen.Generators.Diagnostics;

/// <summary>
/// Keys of <c>Diagnostic.Properties</c> that carry a fix's replacement from the analyzer to the code fix, so the
/// fix never re-parses a message that may be reworded. Linked into PromptGen.CodeFixes.
/// </summary>
internal static class FixProperties
{
    /// <summary>PG0101: the parameter name the misspelt template variable most likely meant.</summary>
    public const string SuggestedVariable = "SuggestedVariable";

    /// <summary>PG0103: the member name (as templates spell it) the misspelt member most likely meant.</summary>
    public const string SuggestedMember = "SuggestedMember";

    /// <summary>
    /// PG0101/PG0103: the name as the template spells it. A fix replaces the underlined text only when the source spells
    /// exactly this there: a template built from a constant or an interpolation hole is underlined as a whole, and
    /// replacing that with a name would break the code.
    /// </summary>
    public const string TypedName = "TypedName";

    /// <summary>PG0201: the catalog's closest model ids, joined with <see cref="Separator"/>.</summary>
    public const string SuggestedModelIds = "SuggestedModelIds";

    /// <summary>PG0203/PG0204: the id of the successor model, already made callable (profile prefix kept).</summary>
    public const string SuccessorModelId = "SuccessorModelId";

    /// <summary>PG0205: the inference-profile prefixes (without the dot) the model is served under, joined with <see cref="Separator"/>.</summary>
    public const string ProfilePrefixes = "ProfilePrefixes";

    /// <summary>
    /// PG0100, PG0106, PG0006: a text edit that removes the problem, in the diagnostic's file. The fix applies it only
    /// when the source still holds <see cref="EditOriginal"/> at <see cref="EditStart"/>.
    /// </summary>
    public const string EditStart = "EditStart";

    /// <summary>The length of the text the edit replaces (0 inserts).</summary>
    public const string EditLength = "EditLength";

    /// <summary>The source text the edit replaces, exactly as written.</summary>
    public const string EditOriginal = "EditOriginal";

    /// <summary>The source text that replaces it, escaped for the literal it goes into.</summary>
    public const string EditReplacement = "EditReplacement";

    /// <summary>The fix's title in the IDE's menu.</summary>
    public const string EditTitle = "EditTitle";

    /// <summary>Model ids and prefixes never contain a space.</summary>
    public const char Separator = ' ';

    public static ImmutableDictionary<string, string?> Of(string key, string? value) =>
        value is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(key, value);

    /// <summary>The properties of an edit (see <see cref="EditStart"/>).</summary>
    public static ImmutableDictionary<string, string?> Edit(int start, int length, string original, string replacement, string title) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(EditStart, start.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(EditLength, length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(EditOriginal, original)
            .Add(EditReplacement, replacement)
            .Add(EditTitle, title);

    /// <summary>A replacement for a misspelt template name: the suggestion and what was typed; nothing without a suggestion.</summary>
    public static ImmutableDictionary<string, string?> Replacement(string suggestionKey, string? suggestion, string typed) =>
        suggestion is null ? ImmutableDictionary<string, string?>.Empty : Of(suggestionKey, suggestion).Add(TypedName, typed);
}
