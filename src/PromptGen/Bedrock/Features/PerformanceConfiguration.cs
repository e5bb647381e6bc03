namespace PromptGen.Bedrock;

/// <summary>Converse <c>performanceConfig</c>; the response echoes the configuration that applied.</summary>
public sealed class PerformanceConfiguration
{
    /// <summary>One of <see cref="LatencyModes"/>.</summary>
    public string? Latency { get; set; }
}

/// <summary>The values of <see cref="PerformanceConfiguration.Latency"/>.</summary>
public static class LatencyModes
{
    public const string Standard = "standard";

    /// <summary>Latency-optimized inference, offered for some models in some regions.</summary>
    public const string Optimized = "optimized";
}

/// <summary>Converse <c>serviceTier</c>: the capacity tier that serves the call; the response echoes the tier used.</summary>
public sealed class ServiceTier
{
    /// <summary>One of <see cref="ServiceTierTypes"/>.</summary>
    public string Type { get; set; } = ServiceTierTypes.Default;
}

/// <summary>The values of <see cref="ServiceTier.Type"/>.</summary>
public static class ServiceTierTypes
{
    public const string Default = "default";
    public const string Priority = "priority";
    public const string Flex = "flex";
    public const string Reserved = "reserved";
}
