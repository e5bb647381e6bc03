namespace PromptGen.Bedrock.Configuration;

/// <summary>The environment variables the client reads itself (the AWS SDK's credential chain reads its own).</summary>
internal static class AwsEnvironmentVariables
{
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string Profile = "AWS_PROFILE";
    public const string BedrockRuntimeEndpoint = "AWS_ENDPOINT_URL_BEDROCK_RUNTIME";
    public const string BedrockAgentRuntimeEndpoint = "AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME";
    public const string Endpoint = "AWS_ENDPOINT_URL";
    public const string IgnoreConfiguredEndpoints = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary><c>AWS_BEARER_TOKEN_</c> plus the signing name in upper case, as the other SDKs spell it.</summary>
    public const string BedrockBearerToken = "AWS_BEARER_TOKEN_BEDROCK";
}
