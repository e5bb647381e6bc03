using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests;

/// <summary>Generated media prompts over signed HTTP against the emulator: the wire blocks, their order, and the answers.</summary>
public sealed class MediaTests : IAsyncLifetime
{
    private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
    private static readonly byte[] Jpeg = { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 };

    private readonly EmulatorFixture _fixture = new();

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private IMediaPrompts Prompts => IMediaPrompts.Create(_fixture.Client);

    [Fact]
    public async Task An_image_goes_before_the_text_as_base64_and_the_reply_says_what_was_received()
    {
        string answer = await Prompts.DescribeAsync("Lisbon", PromptImage.FromBytes(Png));

        Assert.Equal("Emulated reply from us.amazon.nova-lite-v1:0 to: What is in the photo of Lisbon? (with image (png, 12 bytes))", answer);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        Assert.Contains("{\"image\":{\"format\":\"png\",\"source\":{\"bytes\":\"" + Convert.ToBase64String(Png) + "\"}}}", request.Body, StringComparison.Ordinal);
        Assert.Collection(
            request.UserContent,
            image => Assert.Equal(Png, image.Bytes!.Value.ToArray()),
            text => Assert.Equal("What is in the photo of Lisbon?", text.Text));
    }

    [Fact]
    public async Task Collections_give_one_block_each_and_AfterText_places_the_document_last()
    {
        PromptDocument contract = PromptDocument.FromText("# Terms\nPay in 30 days.", "contract (v2)", DocumentFormat.Md);

        await Prompts.CompareAsync(new[] { PromptImage.FromBytes(Png), PromptImage.FromBytes(Jpeg) }, contract);

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        Assert.Equal(
            new[] { "image png", "image jpeg", "text ", "document md" },
            request.UserContent.Select(block => $"{block.Kind} {block.Format}").ToArray());
        RecordedContentBlock document = request.UserContent[3];
        Assert.Equal("contract (v2)", document.Name);
        Assert.Equal("# Terms\nPay in 30 days.", Encoding.UTF8.GetString(document.Bytes!.Value.Span));
    }

    [Fact]
    public async Task Null_media_send_no_block()
    {
        await Prompts.CompareAsync(Array.Empty<PromptImage>(), contract: null);
        await Prompts.SummariseAsync(report: null, chart: null);

        Assert.All(_fixture.Emulator.Requests, request => Assert.Equal(ContentKinds.Text, Assert.Single(request.UserContent).Kind));
    }

    [Fact]
    public async Task Raw_bytes_take_the_attribute_format_and_name_or_their_detected_format()
    {
        await Prompts.SummariseAsync("Revenue up 4%."u8.ToArray(), Jpeg);

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        Assert.Collection(
            request.UserContent,
            document => Assert.Equal(("md", "Q3 report", "Revenue up 4%."), (document.Format, document.Name, Encoding.UTF8.GetString(document.Bytes!.Value.Span))),
            image => Assert.Equal("jpeg", image.Format),
            text => Assert.Equal("Summarise the report.", text.Text));
    }

    [Fact]
    public async Task A_stream_is_read_once_and_sent_while_the_video_follows_the_text()
    {
        using var scan = new MemoryStream(Png);
        byte[] clip = { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70 };

        await Prompts.TranscribeAsync(scan, clip);

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        Assert.Equal(new[] { "image", "text", "video" }, request.UserContent.Select(block => block.Kind).ToArray());
        Assert.Equal(Png, request.UserContent[0].Bytes!.Value.ToArray());
        Assert.Equal(("mp4", clip.Length), (request.UserContent[2].Format, request.UserContent[2].Bytes!.Value.Length));
        Assert.Equal(Png.Length, scan.Position);
    }

    [Fact]
    public async Task Bad_media_fail_before_anything_is_sent()
    {
        // A JPEG stream where the attribute says PNG, an empty document, a null the parameter does not allow.
        await Assert.ThrowsAsync<PromptMediaException>(() => Prompts.TranscribeAsync(new MemoryStream(Jpeg), new byte[] { 1 }));
        await Assert.ThrowsAsync<PromptMediaException>(() => Prompts.SummariseAsync(report: Array.Empty<byte>(), chart: null));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Prompts.DescribeAsync("Lisbon", photo: null!));

        Assert.Empty(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_cancelled_call_does_not_read_the_stream_to_the_end()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Prompts.TranscribeAsync(new MemoryStream(Png), new byte[] { 1 }, cancellation.Token));
        Assert.Empty(_fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_typed_result_comes_back_from_an_image_prompt()
    {
        _fixture.Emulator.Script.When(promptContains: "Report on the photo").ReplyToolUse(null, """{"caption":"A tram on a hill","objects":["tram","hill"]}""");

        PhotoReport report = await Prompts.ReportAsync(PromptImage.FromBytes(Png));

        Assert.Equal("A tram on a hill", report.Caption);
        Assert.Equal(new[] { "tram", "hill" }, report.Objects);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal(ContentKinds.Image, request.UserContent[0].Kind);
    }

    [Fact]
    public async Task A_streaming_prompt_carries_its_images_too()
    {
        PromptStream stream = Prompts.StreamAsync(new[] { PromptImage.FromBytes(Png), PromptImage.FromBytes(Jpeg) });

        string text = await stream.ReadToEndAsync();

        Assert.Contains("(with image (png, 12 bytes); image (jpeg, 7 bytes))", text, StringComparison.Ordinal);
        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.Equal("ConverseStream", request.Operation);
        Assert.Equal(3, request.UserContent.Count);
    }

    [Fact]
    public async Task A_cache_point_after_the_prompt_follows_the_media_too()
    {
        await Prompts.AskManualAsync("How do I reset it?", PromptDocument.FromText("Hold the button for 10 s.", "Manual", DocumentFormat.Txt));

        RecordedRequest request = Assert.Single(_fixture.Emulator.Requests);
        Assert.True(request.Accepted, request.ErrorCode);
        Assert.Equal(new[] { "document", "text", "cachePoint" }, request.UserContent.Select(block => block.Kind).ToArray());
    }

    [Fact]
    public async Task A_model_without_vision_is_refused_by_the_emulator_as_by_Bedrock()
    {
        var request = new ConverseRequest { Messages = { new UserTurnBuilder().Add(PromptImage.FromBytes(Png)).AddText("What is this?").Build() } };

        var error = await Assert.ThrowsAsync<BedrockValidationException>(() => _fixture.Client.ConverseAsync("us.amazon.nova-micro-v1:0", request));

        Assert.Contains("doesn't support image content blocks", error.Message, StringComparison.Ordinal);
    }
}
