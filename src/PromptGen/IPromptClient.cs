namespace PromptGen;

/// <summary>
/// Implemented by every <c>[PromptClient]</c> interface through the generated code: it lets generic code create the
/// generated client for <typeparamref name="TSelf"/> without reflection, e.g.
/// <c>services.AddPromptClient&lt;ISupportPrompts&gt;()</c>. Trimming- and NativeAOT-safe: the call is a
/// constrained static call resolved at compile time.
/// </summary>
/// <typeparam name="TSelf">The prompt interface itself.</typeparam>
public interface IPromptClient<TSelf>
    where TSelf : class, IPromptClient<TSelf>
{
    /// <summary>Creates the generated implementation of <typeparamref name="TSelf"/> sending through <paramref name="bedrock"/>.</summary>
    static abstract TSelf Create(IBedrockRuntime bedrock);
}
