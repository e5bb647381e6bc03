using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>The caching guarantees of <see cref="IncrementalTests"/>, for an interface with every streaming return type.</summary>
public sealed class StreamingIncrementalTests
{
    [Fact]
    public void Every_step_is_cached_after_an_unrelated_edit_with_streaming_methods() =>
        new IncrementalTests().Every_step_is_cached_after_an_unrelated_edit(StreamingSources.Streaming);
}
