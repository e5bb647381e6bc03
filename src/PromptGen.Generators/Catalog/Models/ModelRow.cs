using System;

namespace PromptGen.Generators.Catalog.Models;

/// <summary>Builds catalog rows with named arguments, so each row reads as a table line and defaults stay in one place.</summary>
internal static class ModelRow
{
    /// <summary>The Converse wire limit on <c>stopSequences</c> (wire spec §3); used where no model-specific limit is known.</summary>
    public const int WireMaxStopSequences = 2500;

    /// <summary>Converse caps <c>temperature</c> at 1 for every model (wire spec §3), whatever the native API allows.</summary>
    public const double ConverseTemperatureMax = 1.0;

    public static ModelInfo Create(
        string baseId,
        string provider,
        string family,
        string name,
        int context,
        int maxOutput,
        ModelCapabilities capabilities,
        ModelCapabilities unconfirmed,
        string source,
        ModelLifecycle lifecycle = ModelLifecycle.Active,
        string? legacySince = null,
        string? endOfLife = null,
        string? successor = null,
        bool requiresProfile = false,
        string[]? prefixes = null,
        double temperatureMax = ConverseTemperatureMax,
        int maxStopSequences = WireMaxStopSequences,
        bool? stopSequenceLimitConfirmed = null,
        ModelModality modality = ModelModality.Chat) =>
        new(
            baseId,
            provider,
            family,
            name,
            context,
            maxOutput,
            lifecycle,
            legacySince,
            endOfLife,
            successor,
            requiresProfile,
            prefixes ?? Array.Empty<string>(),
            capabilities,
            unconfirmed,
            temperatureMax,
            maxStopSequences,
            // The wire limit is the API reference's; a model-specific one is unconfirmed unless the row says otherwise.
            stopSequenceLimitConfirmed ?? maxStopSequences == WireMaxStopSequences,
            source,
            modality);
}
