using System;
using System.Net.Http;
using System.Reflection;

namespace PromptGen.Bedrock.Http;

/// <summary>The non-authentication headers every Bedrock call carries.</summary>
internal static class BedrockRequestHeaders
{
    public const string InvocationId = "amz-sdk-invocation-id";
    public const string RequestAttempt = "amz-sdk-request";
    public const string RequestId = "x-amzn-RequestId";
    public const string ErrorType = "x-amzn-ErrorType";

    /// <summary><c>promptgen/&lt;version&gt;</c>, the informational version without its source-revision suffix.</summary>
    public static string UserAgent { get; } = "promptgen/" + LibraryVersion();

    /// <summary>
    /// Adds the user agent and the SDK invocation headers. The invocation id stays the same on every attempt
    /// of one call; the attempt number counts up (wire spec §6).
    /// </summary>
    public static void Apply(HttpRequestMessage request, string invocationId, int attempt, int maxAttempts)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation(InvocationId, invocationId);
        request.Headers.TryAddWithoutValidation(RequestAttempt, $"attempt={attempt}; max={maxAttempts}");
    }

    private static string LibraryVersion()
    {
        Assembly assembly = typeof(BedrockRequestHeaders).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (string.IsNullOrEmpty(version))
        {
            return "unknown";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
