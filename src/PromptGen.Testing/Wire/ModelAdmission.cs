using System.Collections.Generic;
using PromptGen.Generators.Catalog;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Which model ids the emulator answers at all: the catalog's (base ids, inference profiles, their foundation-model
/// ARNs), the ones the options add, or every well-formed id when the options say so. Anything else is refused the way
/// Bedrock refuses an id it does not have.
/// </summary>
internal sealed class ModelAdmission
{
    private readonly bool _allowUnknown;
    private readonly HashSet<string> _additional;

    public ModelAdmission(bool allowUnknown, IEnumerable<string> additionalIds, ModelTable? catalog = null)
    {
        _allowUnknown = allowUnknown;
        _additional = new HashSet<string>(additionalIds, System.StringComparer.Ordinal);
        Catalog = catalog ?? ModelCatalog.BuiltIn;
    }

    /// <summary>The catalog the emulator judges model ids by: the built-in one, with the options' catalog files laid over it.</summary>
    public ModelTable Catalog { get; }

    /// <summary>Null when the id may be answered; otherwise Bedrock's refusal.</summary>
    public EmulatorError? Check(string modelId)
    {
        if (_allowUnknown || _additional.Contains(modelId))
        {
            return null;
        }

        // Malformed ids are the request validator's to refuse, in its own words.
        return Catalog.Find(modelId).Kind is ModelLookupKind.Unknown or ModelLookupKind.Opaque
            ? EmulatorErrors.InvalidModelIdentifier()
            : null;
    }

    /// <summary>
    /// Null when a knowledge base may rerank with the id (a Bedrock reranker, or an id the options admit); otherwise a
    /// refusal: a model the catalog knows makes text, images or embeddings and cannot rerank.
    /// </summary>
    public EmulatorError? CheckReranker(string modelId)
    {
        if (_allowUnknown || _additional.Contains(modelId) || RerankerModels.IsKnown(modelId))
        {
            return null;
        }

        return Catalog.Find(modelId).Model is not null
            ? EmulatorErrors.Validation($"The model {modelId} is not a reranker model; knowledge bases rerank with {string.Join(" or ", RerankerModels.Ids)}.")
            : EmulatorErrors.InvalidModelIdentifier();
    }
}
