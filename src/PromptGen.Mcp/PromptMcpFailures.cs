using System;
using PromptGen.Descriptors;

namespace PromptGen.Mcp;

/// <summary>
/// What a client is told when a prompt method fails. PromptGen's own exceptions say what went wrong in words meant
/// for users and hold no credentials (service messages are masked by the client, arguments errors name JSON paths);
/// anything else is named by its type only, so no message or stack trace of a library we do not control leaks out.
/// </summary>
internal static class PromptMcpFailures
{
    public static string Describe(string name, Exception e) => e switch
    {
        PromptArgumentsException => e.Message,
        PromptTemplateException => $"{name}: the prompt's template cannot render these arguments: {e.Message}",
        BedrockException or PromptResultException or ModelFallbackException or ToolLoopLimitException
            => $"{name} failed: {e.Message}",
        _ => $"{name} failed ({e.GetType().Name}).",
    };
}
