using System;
using System.Linq;
using System.Text.Json;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Media;

public sealed class UserTurnBuilderTests
{
    [Fact]
    public void Blocks_keep_the_order_they_were_added_in_and_nulls_are_skipped()
    {
        Message message = new UserTurnBuilder()
            .Add(PromptImage.FromBytes(MediaSamples.Png))
            .Add((PromptImage?)null)
            .AddRange(new[] { PromptDocument.FromText("a", "first"), null })
            .AddText("Compare them.")
            .Add(PromptVideo.FromS3("s3://b/clip.mp4", VideoFormat.Mp4))
            .Build();

        Assert.Equal(ConversationRole.User, message.Role);
        Assert.Collection(
            message.Content,
            block => Assert.Equal("png", block.Image!.Format),
            block => Assert.Equal("first", block.Document!.Name),
            block => Assert.Equal("Compare them.", block.Text),
            block => Assert.Equal("s3://b/clip.mp4", block.Video!.Source.S3Location!.Uri));
    }

    [Fact]
    public void The_turn_serialises_as_the_wire_spec_shows()
    {
        Message message = new UserTurnBuilder()
            .Add(PromptImage.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            .Add(PromptDocument.FromText("hi", "notes", DocumentFormat.Md))
            .Add(PromptImage.FromS3("s3://bucket/cat.webp", ImageFormat.Webp, "123456789012"))
            .AddText("Describe.")
            .Build();

        string json = JsonSerializer.Serialize(new ConverseRequest { Messages = { message } }, BedrockJsonContext.Default.ConverseRequest);

        Assert.Equal(
            """{"messages":[{"role":"user","content":[{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}},"""
            + """{"document":{"format":"md","name":"notes","source":{"bytes":"aGk="}}},"""
            + """{"image":{"format":"webp","source":{"s3Location":{"uri":"s3://bucket/cat.webp","bucketOwner":"123456789012"}}}},"""
            + """{"text":"Describe."}]}]}""",
            json);
    }

    [Fact]
    public void Media_blocks_read_back_from_JSON()
    {
        const string Json = """{"role":"user","content":[{"video":{"format":"three_gp","source":{"bytes":"AQID"}}}]}""";

        Message message = JsonSerializer.Deserialize(
            """{"messages":[""" + Json + "]}", BedrockJsonContext.Default.ConverseRequest)!.Messages[0];

        Assert.Equal("three_gp", message.Content[0].Video!.Format);
        Assert.Equal(new byte[] { 1, 2, 3 }, message.Content[0].Video!.Source.Bytes!.Value.ToArray());
        Assert.Null(message.Content[0].UnknownMembers);
    }

    [Fact]
    public void More_than_20_images_are_refused()
    {
        var builder = new UserTurnBuilder();
        builder.AddRange(Enumerable.Range(0, 20).Select(_ => PromptImage.FromBytes(MediaSamples.Png)));

        var error = Assert.Throws<PromptMediaException>(() => builder.Add(PromptImage.FromBytes(MediaSamples.Png)));
        Assert.Contains("at most 20 images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_5_documents_and_duplicate_names_are_refused()
    {
        var builder = new UserTurnBuilder();
        builder.AddRange(Enumerable.Range(1, 5).Select(i => PromptDocument.FromText("x", $"doc {i}")));

        Assert.Contains("at most 5 documents", Assert.Throws<PromptMediaException>(() => builder.Add(PromptDocument.FromText("x", "doc 6"))).Message, StringComparison.Ordinal);
        Assert.Contains("named 'a'", Assert.Throws<PromptMediaException>(() => new UserTurnBuilder().Add(PromptDocument.FromText("1", "a")).Add(PromptDocument.FromText("2", "a"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_need_text_and_empty_text_beside_media_is_left_out()
    {
        var error = Assert.Throws<PromptMediaException>(() => new UserTurnBuilder().Add(PromptDocument.FromText("x", "a")).AddText(string.Empty).Build());
        Assert.Contains("text block beside documents", error.Message, StringComparison.Ordinal);

        Message imageOnly = new UserTurnBuilder().AddText(string.Empty).Add(PromptImage.FromBytes(MediaSamples.Gif)).Build();
        Assert.Single(imageOnly.Content);
        Assert.Equal("", Assert.Single(new UserTurnBuilder().AddText(string.Empty).Build().Content).Text);
    }
}
