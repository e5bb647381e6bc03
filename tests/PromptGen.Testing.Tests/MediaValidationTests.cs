using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Testing.Tests.Support;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>Image, document and video content blocks are checked as spec §3 describes, recorded, and mentioned in the default reply.</summary>
public sealed class MediaValidationTests
{
    private const string Png = "iVBORw0KGgo=";
    private const string Text = """{"text":"Describe."}""";
    private const string Image = """{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}}""";

    private static string Doc(string name, string format = "md") =>
        "{\"document\":{\"format\":\"" + format + "\",\"name\":\"" + name + "\",\"source\":{\"bytes\":\"aGk=\"}}}";

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { User("""{"image":{"format":"bmp","source":{"bytes":"iVBORw0KGgo="}}}""", Text),
            "Value 'bmp' at 'messages.1.member.content.1.member.image.format' failed to satisfy constraint: Member must satisfy enum value set: [png, jpeg, gif, webp]" },
        { User("""{"image":{"source":{"bytes":"iVBORw0KGgo="}}}""", Text),
            "Value at 'messages.1.member.content.1.member.image.format' failed to satisfy constraint: Member must not be null" },
        { User("""{"image":{"format":"png"}}""", Text),
            "Value at 'messages.1.member.content.1.member.image.source' failed to satisfy constraint: Member must not be null" },
        { User("""{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo=","s3Location":{"uri":"s3://b/k"}}}}""", Text),
            "Value at 'messages.1.member.content.1.member.image.source' failed to satisfy constraint: Member must have exactly one union member set, found 2" },
        { User("""{"image":{"format":"png","source":{"bytes":"not base64!"}}}""", Text),
            "Value at 'messages.1.member.content.1.member.image.source.bytes' failed to satisfy constraint: Member must be valid base64" },
        { User("""{"image":{"format":"png","source":{"text":"x"}}}""", Text),
            "Value at 'messages.1.member.content.1.member.image.source' failed to satisfy constraint: Member must be one of: bytes, s3Location" },
        { User("""{"image":{"format":"png","source":{"s3Location":{"uri":"https://b/k"}}}}""", Text),
            "Value 'https://b/k' at 'messages.1.member.content.1.member.image.source.s3Location.uri' failed to satisfy constraint: Member must satisfy regular expression pattern: s3://.*" },
        { User("""{"image":{"format":"png","source":{"s3Location":{"uri":"s3://b/k","bucketOwner":"me"}}}}""", Text),
            "Value 'me' at 'messages.1.member.content.1.member.image.source.s3Location.bucketOwner' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}" },
        { User("""{"image":{"format":"png","source":{"bytes":""" + "\"" + Convert.ToBase64String(new byte[3_750_001]) + "\"}}}", Text),
            "image.source.bytes' failed to satisfy constraint: Member must have length less than or equal to 3750000 bytes, got 3750001" },
        { User(Doc("notes.md"), Text),
            "Value 'notes.md' at 'messages.1.member.content.1.member.document.name' failed to satisfy constraint: The document name can only contain alphanumeric characters" },
        { User(Doc("two  spaces"), Text), "no more than one consecutive whitespace character" },
        { User("""{"document":{"format":"md","source":{"bytes":"aGk="}}}""", Text),
            "Value at 'messages.1.member.content.1.member.document.name' failed to satisfy constraint: Member must not be null" },
        { User(Doc("notes", "rtf"), Text),
            "Value 'rtf' at 'messages.1.member.content.1.member.document.format' failed to satisfy constraint: Member must satisfy enum value set: [pdf, csv, doc, docx, xls, xlsx, html, txt, md]" },
        { User("""{"video":{"format":"avi","source":{"bytes":"AAAA"}}}""", Text),
            "Value 'avi' at 'messages.1.member.content.1.member.video.format' failed to satisfy constraint: Member must satisfy enum value set: [mkv, mov, mp4, webm, flv, mpeg, mpg, wmv, three_gp]" },
        { """{"messages":[{"role":"user","content":[{"text":"Hi"}]},{"role":"assistant","content":[""" + Image + "]}]}",
            "Value at 'messages.2.member.content.1.member.image' failed to satisfy constraint: media content blocks are allowed only in user messages" },
        { User(Doc("notes")), "A message with a document must also contain a text block (messages.0.content)." },
        { User(Doc("notes"), Doc("notes"), Text), "The document name 'notes' is used more than once at messages.0.content." },
        { User(Doc("a"), Doc("b"), Doc("c"), Doc("d"), Doc("e"), Doc("f"), Text), "Too many documents at messages.0.content: 6. A message can hold at most 5 documents." },
        { User(string.Join(",", Enumerable.Repeat(Image, 21)), Text), "Too many images at messages.0.content: 21. A message can hold at most 20 images." },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_media_is_a_validation_exception(string body, string expectedMessage)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", Converse.ErrorType(response));
        string message = await Converse.ErrorMessageAsync(response);
        Assert.True(message.Contains(expectedMessage, StringComparison.Ordinal), $"message was: {message}");
    }

    [Fact]
    public async Task Valid_media_is_recorded_in_order_with_its_bytes_and_named_in_the_default_reply()
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string body = User(
            Image,
            Doc("release notes (v2)"),
            """{"video":{"format":"mp4","source":{"s3Location":{"uri":"s3://clips/a.mp4","bucketOwner":"123456789012"}}}}""",
            Text);

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, body, "us.amazon.nova-lite-v1:0");

        string json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "Emulated reply from us.amazon.nova-lite-v1:0 to: Describe. (with image (png, 8 bytes); document 'release notes (v2)' (md, 2 bytes); video (mp4, s3://clips/a.mp4))",
            Converse.ReplyText(json));

        RecordedRequest recorded = Assert.Single(emulator.Requests);
        Assert.Collection(
            recorded.UserContent,
            image =>
            {
                Assert.Equal(ContentKinds.Image, image.Kind);
                Assert.Equal("png", image.Format);
                Assert.Equal(Convert.FromBase64String(Png), image.Bytes!.Value.ToArray());
            },
            document =>
            {
                Assert.Equal(ContentKinds.Document, document.Kind);
                Assert.Equal("release notes (v2)", document.Name);
                Assert.Equal("hi"u8.ToArray(), document.Bytes!.Value.ToArray());
            },
            video =>
            {
                Assert.Equal("s3://clips/a.mp4", video.S3Uri);
                Assert.Equal("123456789012", video.BucketOwner);
                Assert.Null(video.Bytes);
            },
            text => Assert.Equal("Describe.", text.Text));
    }

    [Theory]
    [InlineData("us.amazon.nova-micro-v1:0", "image content blocks")]
    [InlineData("us.amazon.nova-micro-v1:0", "document content blocks")]
    [InlineData(Converse.HaikuModel, "video content blocks")]
    public async Task Media_a_model_cannot_read_is_refused_as_the_service_does(string modelId, string feature)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        string block = feature switch
        {
            "image content blocks" => Image,
            "document content blocks" => Doc("notes"),
            _ => """{"video":{"format":"mp4","source":{"bytes":"AAAA"}}}""",
        };

        using HttpResponseMessage response = await Converse.SendSignedAsync(emulator, User(block, Text), modelId);

        string message = await Converse.ErrorMessageAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"doesn't support {feature}", message, StringComparison.Ordinal);
    }

    private static string User(params string[] blocks) =>
        """{"messages":[{"role":"user","content":[""" + string.Join(",", blocks) + "]}]}";
}
