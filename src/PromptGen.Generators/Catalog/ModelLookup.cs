namespace PromptGen.Generators.Catalog;

/// <summary>How <see cref="ModelCatalog.Find"/> understood a model id.</summary>
internal enum ModelLookupKind
{
    /// <summary>A base id, inference profile or ARN naming a model in the catalog.</summary>
    Known,

    /// <summary>A well-formed id the catalog does not know (AWS adds models all the time).</summary>
    Unknown,

    /// <summary>A well-formed ARN whose model cannot be known from the id (application inference profiles, provisioned and custom models, prompts, routers, SageMaker).</summary>
    Opaque,

    /// <summary>Fails the <c>ConversationalModelId</c> pattern: the service refuses it.</summary>
    Malformed,
}

/// <summary>The result of <see cref="ModelCatalog.Find"/>.</summary>
/// <param name="Kind">What kind of id it is.</param>
/// <param name="Model">The catalog entry when <paramref name="Kind"/> is <see cref="ModelLookupKind.Known"/>.</param>
/// <param name="ProfilePrefix">The geographic prefix of an inference profile id (<c>us</c>, <c>global</c>, …); null for base ids.</param>
/// <param name="BaseId">The id without prefix and ARN wrapping; the whole input for opaque and malformed ids.</param>
internal sealed record ModelLookup(ModelLookupKind Kind, ModelInfo? Model, string? ProfilePrefix, string BaseId)
{
    public bool IsInferenceProfile => ProfilePrefix is not null;
}
