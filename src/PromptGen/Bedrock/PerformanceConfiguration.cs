using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

namespace PromptGen.Bedrock;

/// <summary>Converse <c>performanceConfig</c>; the response echoes the configuration that applied.</summary>
public sealed class PerformanceConfiguration
{
    /// <summary>Standard or latency-optimized inference; null in a response when Bedrock names a mode this version does not know.</summary>
    [JsonConverter(typeof(LatencyModeConverter))]
    public LatencyMode? Latency { get; set; }
}

/// <summary>The inference latency mode of <see cref="PerformanceConfiguration.Latency"/>.</summary>
public enum LatencyMode
{
    /// <summary>Standard inference.</summary>
    Standard,

    /// <summary>Latency-optimized inference, offered for some models in some regions.</summary>
    Optimized,
}
