using System;

namespace PromptGen.Bedrock.Configuration;

/// <summary>
/// Builds the regional Bedrock Runtime endpoint the way the service's endpoint rule set does (wire spec §1):
/// <c>https://bedrock-runtime[-fips].{region}.{dnsSuffix | dualStackDnsSuffix}</c>, with the suffixes of the
/// region's partition.
/// </summary>
internal static class BedrockEndpointBuilder
{
    private const string EndpointPrefix = "bedrock-runtime";

    /// <summary>
    /// The Knowledge Bases runtime's prefix: its rule set builds <c>bedrock-agent-runtime[-fips].{region}.{suffix}</c>
    /// the same way (the endpoint rules of <c>@aws-sdk/client-bedrock-agent-runtime</c>).
    /// </summary>
    public const string AgentRuntimePrefix = "bedrock-agent-runtime";

    public static Uri Build(string region, bool useFips, bool useDualStack) => Build(EndpointPrefix, region, useFips, useDualStack);

    public static Uri Build(string endpointPrefix, string region, bool useFips, bool useDualStack)
    {
        Partition partition = Partition.Of(region);
        if (useDualStack && partition.DualStackDnsSuffix is null)
        {
            throw new BedrockConfigurationException(
                $"Dual-stack endpoints are not available in the {partition.Name} partition (region '{region}'). Turn off BedrockOptions.UseDualStack.");
        }

        string prefix = useFips ? endpointPrefix + "-fips" : endpointPrefix;
        string suffix = useDualStack ? partition.DualStackDnsSuffix! : partition.DnsSuffix;
        return new Uri($"https://{prefix}.{region}.{suffix}/");
    }

    /// <summary>The partition of <paramref name="region"/> as ARNs name it (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, …).</summary>
    public static string PartitionName(string region) => Partition.Of(region).Name;

    /// <summary>The partition facts the endpoint needs, from the AWS partitions table.</summary>
    private sealed record Partition(string Name, string DnsSuffix, string? DualStackDnsSuffix)
    {
        private static readonly Partition Aws = new("aws", "amazonaws.com", "api.aws");
        private static readonly Partition China = new("aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn");
        private static readonly Partition GovCloud = new("aws-us-gov", "amazonaws.com", "api.aws");
        private static readonly Partition Iso = new("aws-iso", "c2s.ic.gov", null);
        private static readonly Partition IsoB = new("aws-iso-b", "sc2s.sgov.gov", null);
        private static readonly Partition IsoE = new("aws-iso-e", "cloud.adc-e.uk", null);
        private static readonly Partition IsoF = new("aws-iso-f", "csp.hci.ic.gov", null);
        private static readonly Partition EuropeanSovereign = new("aws-eusc", "amazonaws.eu", null);

        // Like the rule set, a region no partition claims belongs to the standard aws partition, so regions
        // launched after this code was written still work.
        public static Partition Of(string region) =>
            region.StartsWith("cn-", StringComparison.Ordinal) ? China
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
            : region.StartsWith("us-iso-", StringComparison.Ordinal) ? Iso
            : region.StartsWith("us-isob-", StringComparison.Ordinal) ? IsoB
            : region.StartsWith("eu-isoe-", StringComparison.Ordinal) ? IsoE
            : region.StartsWith("us-isof-", StringComparison.Ordinal) ? IsoF
            : region.StartsWith("eusc-", StringComparison.Ordinal) ? EuropeanSovereign
            : Aws;
    }
}
