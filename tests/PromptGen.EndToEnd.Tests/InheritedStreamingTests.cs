using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>A prompt client that extends another and streams the same result type: one partial type, the base's.</summary>
[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
public partial interface IExtendedStreamingPrompts : IStreamingPrompts
{
    [Prompt("Outline again a story about {{ topic }}")]
    ResultStream<StoryOutline, StoryOutlinePartial> OutlineAgainAsync(string topic, CancellationToken cancellationToken = default);
}

public sealed class InheritedStreamingTests : IAsyncLifetime
{
    private const string Outline = """{"title":"The Keeper","chapters":["Night","Storm","Dawn"],"pages":120}""";

    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Inherited_and_own_methods_of_a_derived_client_stream_the_base_partial_type()
    {
        _fixture.Emulator.Script.When(promptContains: "Outline a story").Stream(chunkSize: 4).ReplyJson(Outline);
        _fixture.Emulator.Script.When(promptContains: "Outline again").Stream(chunkSize: 5).ReplyJson(Outline);
        IExtendedStreamingPrompts prompts = IExtendedStreamingPrompts.Create(_fixture.Client);

        var inherited = new List<IStreamingPrompts.StoryOutlinePartial>();
        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> first = prompts.OutlineAsync("a lighthouse");
        await foreach (IStreamingPrompts.StoryOutlinePartial partial in first)
        {
            inherited.Add(partial);
        }

        var own = new List<IStreamingPrompts.StoryOutlinePartial>();
        ResultStream<StoryOutline, IStreamingPrompts.StoryOutlinePartial> second = prompts.OutlineAgainAsync("a lighthouse");
        await foreach (IStreamingPrompts.StoryOutlinePartial partial in second)
        {
            own.Add(partial);
        }

        Assert.Equal(new IStreamingPrompts.StoryOutlinePartial { Title = "The Keeper" }, inherited[0]);
        Assert.Equal(new IStreamingPrompts.StoryOutlinePartial { Title = "The Keeper" }, own[0]);
        Assert.Equal(120, own[^1].Pages);
        Assert.Equal((first.Value.Title, first.Value.Pages), (second.Value.Title, second.Value.Pages));
        Assert.Equal(new[] { "Night", "Storm", "Dawn" }, second.Value.Chapters);
        Assert.Equal(2, _fixture.Emulator.Requests.Count);
    }
}
