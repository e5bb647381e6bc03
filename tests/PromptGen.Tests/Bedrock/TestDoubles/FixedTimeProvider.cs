using System;

namespace PromptGen.Tests.Bedrock.TestDoubles;

/// <summary>A clock that always reads the same instant; timers still run on the system clock.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
