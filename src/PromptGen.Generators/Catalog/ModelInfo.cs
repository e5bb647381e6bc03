using System;
using System.Collections.Generic;
using System.Linq;

namespace PromptGen.Generators.Catalog;

/// <summary>
/// What the catalog knows of one Bedrock model. <see cref="Capabilities"/> is the best current knowledge;
/// <see cref="Unconfirmed"/> marks the flags (set or not) that no source in <see cref="Source"/> confirms.
/// </summary>
/// <param name="BaseId">The base model id, e.g. <c>anthropic.claude-haiku-4-5-20251001-v1:0</c>.</param>
/// <param name="Provider">The model provider, e.g. <c>Anthropic</c>.</param>
/// <param name="Family">The model family, e.g. <c>Claude 4.5</c>.</param>
/// <param name="DisplayName">The name the model card uses.</param>
/// <param name="ContextTokens">The context window; 0 when no source gives it.</param>
/// <param name="MaxOutputTokens">The largest <c>maxTokens</c> the model accepts; 0 when no source gives it.</param>
/// <param name="Lifecycle">The state as of <see cref="ModelCatalog.AsOf"/>.</param>
/// <param name="LegacySince">When the model became Legacy (yyyy-MM-dd), if known.</param>
/// <param name="EndOfLife">The end-of-life date (yyyy-MM-dd), if announced.</param>
/// <param name="Successor">The base id the provider or AWS points to instead, if any.</param>
/// <param name="RequiresInferenceProfile">True when on-demand calls must use an inference profile, not the base id.</param>
/// <param name="ProfilePrefixes">The geographic inference-profile prefixes known to exist, e.g. <c>us</c>, <c>eu</c>, <c>global</c>.</param>
/// <param name="Capabilities">What the model accepts, as far as the catalog knows.</param>
/// <param name="Unconfirmed">The capability flags whose value (set or not) no source confirms.</param>
/// <param name="TemperatureMax">The largest Converse <c>temperature</c>.</param>
/// <param name="MaxStopSequences">The most stop sequences the model takes.</param>
/// <param name="StopSequenceLimitConfirmed">
/// True when a source confirms <paramref name="MaxStopSequences"/> (the Converse wire limit is); a remembered
/// model-specific limit is not, and PG0209 warns only on confirmed limits.
/// </param>
/// <param name="Source">Where the facts come from, and which of them are not confirmed.</param>
/// <param name="Modality">
/// What the model makes: chat (Converse), images or embeddings. Image and embedding models are called with InvokeModel
/// only; their Converse capabilities are all unset.
/// </param>
internal sealed record ModelInfo(
    string BaseId,
    string Provider,
    string Family,
    string DisplayName,
    int ContextTokens,
    int MaxOutputTokens,
    ModelLifecycle Lifecycle,
    string? LegacySince,
    string? EndOfLife,
    string? Successor,
    bool RequiresInferenceProfile,
    IReadOnlyList<string> ProfilePrefixes,
    ModelCapabilities Capabilities,
    ModelCapabilities Unconfirmed,
    double TemperatureMax,
    int MaxStopSequences,
    bool StopSequenceLimitConfirmed,
    string Source,
    ModelModality Modality = ModelModality.Chat)
{
    /// <summary>The model's list prices with their dates and sources; empty when the catalog has none it could source.</summary>
    public IReadOnlyList<ModelPrice> Prices { get; init; } = System.Array.Empty<ModelPrice>();

    /// <summary>
    /// The InvokeModel body family of an image or embedding model: the one its file states (<c>invokeBody</c>), else the
    /// one its id's prefix names (<see cref="InvokeModelFamilies.ByBaseId"/>); null for chat models and for image or
    /// embedding models whose body PromptGen cannot tell (their methods are PG0223 until a file states it).
    /// </summary>
    public InvokeModelFamily? Body { get; init; }

    public bool Supports(ModelCapabilities capability) => (Capabilities & capability) == capability;

    public bool IsConfirmed(ModelCapabilities capability) => (Unconfirmed & capability) == ModelCapabilities.None;

    /// <summary>
    /// Equal facts, lists compared by their items: the generator's pipeline holds a project's rows
    /// (<c>ProjectCatalogModel</c>) and must see a re-read file with the same rows as unchanged.
    /// </summary>
    public bool Equals(ModelInfo? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (BaseId == other.BaseId && Provider == other.Provider && Family == other.Family && DisplayName == other.DisplayName
                && ContextTokens == other.ContextTokens && MaxOutputTokens == other.MaxOutputTokens && Lifecycle == other.Lifecycle
                && LegacySince == other.LegacySince && EndOfLife == other.EndOfLife && Successor == other.Successor
                && RequiresInferenceProfile == other.RequiresInferenceProfile && ProfilePrefixes.SequenceEqual(other.ProfilePrefixes, StringComparer.Ordinal)
                && Capabilities == other.Capabilities && Unconfirmed == other.Unconfirmed && TemperatureMax.Equals(other.TemperatureMax)
                && MaxStopSequences == other.MaxStopSequences && StopSequenceLimitConfirmed == other.StopSequenceLimitConfirmed
                && Source == other.Source && Modality == other.Modality && Body == other.Body && Prices.SequenceEqual(other.Prices)));

    public override int GetHashCode() =>
        StringComparer.Ordinal.GetHashCode(BaseId) * 31 + (int)Capabilities * 7 + (int)Lifecycle + MaxOutputTokens;
}
