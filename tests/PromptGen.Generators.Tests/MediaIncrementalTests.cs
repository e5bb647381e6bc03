using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>The caching guarantees of <see cref="IncrementalTests"/>, for an interface with every kind of media parameter.</summary>
public sealed class MediaIncrementalTests
{
    [Fact]
    public void Every_step_is_cached_after_an_unrelated_edit_with_media_parameters() =>
        new IncrementalTests().Every_step_is_cached_after_an_unrelated_edit(MediaSources.Media);
}
