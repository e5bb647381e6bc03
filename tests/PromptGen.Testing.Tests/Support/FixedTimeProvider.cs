using System;

namespace PromptGen.Testing.Tests.Support;

/// <summary>A clock stuck at one instant, so signature-date checks are deterministic.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}
