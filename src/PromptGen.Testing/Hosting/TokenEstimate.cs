using System;

namespace PromptGen.Testing.Hosting;

/// <summary>Token counts for replies that do not script them: roughly four characters a token, at least one.</summary>
internal static class TokenEstimate
{
    public static int FromCharacters(int characters) => Math.Max(1, (characters + 3) / 4);
}
