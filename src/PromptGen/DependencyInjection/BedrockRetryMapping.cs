using PromptGen.Bedrock;

namespace PromptGen.DependencyInjection;

/// <summary>Copies configured retry settings onto the client options; the one place that knows both shapes.</summary>
internal static class BedrockRetryMapping
{
    public static void Apply(BedrockRetrySettings settings, BedrockClientOptions options)
    {
        // The client sends each call once until retries land on BedrockClientOptions; then each set value is copied here.
        _ = settings;
        _ = options;
    }
}
