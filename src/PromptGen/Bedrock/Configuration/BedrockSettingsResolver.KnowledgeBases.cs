using System;

namespace PromptGen.Bedrock.Configuration;

// The Knowledge Bases runtime (bedrock-agent-runtime) is a second service behind the same credentials and region.
internal sealed partial class BedrockSettingsResolver
{
    /// <summary>
    /// options.KnowledgeBaseEndpoint, AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME, options.Endpoint, AWS_ENDPOINT_URL (the
    /// two variables unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), then the regional
    /// <c>bedrock-agent-runtime</c> endpoint. A custom <see cref="BedrockOptions.Endpoint"/> serves both services (as
    /// the emulator does) unless a knowledge base endpoint of its own is given.
    /// </summary>
    public Uri ResolveKnowledgeBaseEndpoint(BedrockOptions options, string? region)
    {
        if (options.KnowledgeBaseEndpoint is not null)
        {
            return ValidEndpoint(options.KnowledgeBaseEndpoint, "BedrockOptions.KnowledgeBaseEndpoint");
        }

        bool ignoreVariables = string.Equals(Variable(AwsEnvironmentVariables.IgnoreConfiguredEndpoints), "true", StringComparison.OrdinalIgnoreCase);
        if (!ignoreVariables && FromVariable(AwsEnvironmentVariables.BedrockAgentRuntimeEndpoint) is { } specific)
        {
            return specific;
        }

        if (options.Endpoint is not null)
        {
            return ValidEndpoint(options.Endpoint, "BedrockOptions.Endpoint");
        }

        if (!ignoreVariables && FromVariable(AwsEnvironmentVariables.Endpoint) is { } general)
        {
            return general;
        }

        if (region is null)
        {
            throw MissingRegion(options, "to build the knowledge base endpoint URL");
        }

        return BedrockEndpointBuilder.Build(BedrockEndpointBuilder.AgentRuntimePrefix, region, options.UseFips, options.UseDualStack);
    }

    private Uri? FromVariable(string variable)
    {
        if (Variable(variable) is not { } value)
        {
            return null;
        }

        string source = "the " + variable + " environment variable";
        return Uri.TryCreate(value, UriKind.Absolute, out Uri? parsed)
            ? ValidEndpoint(parsed, source)
            : throw new BedrockConfigurationException($"{Capitalize(source)} is not an absolute URL: '{value}'.");
    }
}
