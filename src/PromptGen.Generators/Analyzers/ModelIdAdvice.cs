using System.Collections.Generic;
using System.Linq;
using PromptGen.Generators.Catalog;

namespace PromptGen.Generators.Analyzers;

/// <summary>Turns catalog facts into the id a user should write instead.</summary>
internal static class ModelIdAdvice
{
    /// <summary>
    /// The id to call <paramref name="baseId"/> with: through an inference profile when Bedrock requires one, keeping
    /// the geography the user already chose (<paramref name="preferredPrefix"/>) when the model has that profile.
    /// </summary>
    public static string CallableId(string baseId, string? preferredPrefix, ModelTable? catalog = null)
    {
        ModelInfo? model = (catalog ?? ModelCatalog.BuiltIn).Find(baseId).Model;
        if (model is null)
        {
            return baseId;
        }

        bool keepsPreferred = preferredPrefix is not null && model.ProfilePrefixes.Contains(preferredPrefix);
        if (keepsPreferred)
        {
            return preferredPrefix + "." + baseId;
        }

        return model.RequiresInferenceProfile ? (model.ProfilePrefixes.FirstOrDefault() ?? "us") + "." + baseId : baseId;
    }

    /// <summary>"use 'X' instead", or a generic instruction when the catalog names no successor.</summary>
    public static string UseSuccessor(ModelInfo model, string? preferredPrefix, ModelTable? catalog = null) =>
        model.Successor is null
            ? "choose a current model (see docs/models.md)"
            : $"use '{CallableId(model.Successor, preferredPrefix, catalog)}' instead";

    /// <summary>"did you mean 'a' or 'b'?" from the catalog's closest ids.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) =>
        suggestions.Count switch
        {
            0 => "check the id against the Bedrock model list; if the model is newer than the catalog, suppress this warning",
            1 => $"did you mean '{suggestions[0]}'?",
            _ => "did you mean " + string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(id => $"'{id}'")) + $" or '{suggestions[suggestions.Count - 1]}'?",
        };
}
