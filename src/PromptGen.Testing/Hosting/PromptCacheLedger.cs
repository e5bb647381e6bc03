using System.Collections.Concurrent;
using PromptGen.Testing.Wire;

namespace PromptGen.Testing.Hosting;

/// <summary>
/// The emulator's prompt cache, deterministic on purpose: the first request with a given model and cached prefix
/// writes it (<c>cacheWriteInputTokens</c>), every later one reads it (<c>cacheReadInputTokens</c>). Entries do not
/// expire, so a test never depends on the clock.
/// </summary>
internal sealed class PromptCacheLedger
{
    private readonly ConcurrentDictionary<string, bool> _prefixes = new();

    /// <summary>
    /// The answer's extras for <paramref name="reply"/>, with cache usage scripted or derived from the request. When
    /// derived and the input tokens were not scripted, <paramref name="inputTokens"/> (the uncached input) is lowered
    /// by the tokens the cache covers.
    /// </summary>
    public AnswerExtras ExtrasFor(string modelId, EmulatorReply reply, InvocationOptions options, bool inputTokensScripted, ref int inputTokens)
    {
        int? read = reply.CacheReadInputTokens;
        int? write = reply.CacheWriteInputTokens;
        if (read is null && write is null && options.CachedPrefix is { Length: > 0 } prefix)
        {
            int cached = TokenEstimate.FromCharacters(prefix.Length);
            bool first = _prefixes.TryAdd(modelId + "\n" + prefix, true);
            read = first ? 0 : cached;
            write = first ? cached : 0;
            if (!inputTokensScripted)
            {
                inputTokens = System.Math.Max(1, inputTokens - cached);
            }
        }

        GuardrailTraceReply? trace = reply.IsGuardrailIntervention && options.WantsGuardrailTrace
            ? new GuardrailTraceReply(options.GuardrailIdentifier!, reply.GuardrailTopic!, Full: options.GuardrailTrace == "enabled_full")
            : null;
        return new AnswerExtras(reply.ReasoningText, reply.ReasoningSignature, read, write, trace, options.Latency, options.ServiceTier);
    }
}
