using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PromptGen.Tests.Media;

public sealed class PromptImageTests
{
    public static TheoryData<byte[], ImageFormat> Signatures => new()
    {
        { MediaSamples.Png, ImageFormat.Png },
        { MediaSamples.Jpeg, ImageFormat.Jpeg },
        { MediaSamples.Gif, ImageFormat.Gif },
        { MediaSamples.Webp, ImageFormat.Webp },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Format_comes_from_the_file_signature(byte[] bytes, ImageFormat expected)
    {
        PromptImage image = PromptImage.FromBytes(bytes);

        Assert.Equal(expected, image.Format);
        Assert.True(image.Bytes.Span.SequenceEqual(bytes));
        Assert.Null(image.S3Location);
    }

    [Fact]
    public void Bytes_are_not_copied()
    {
        byte[] bytes = MediaSamples.Png;
        PromptImage image = PromptImage.FromBytes(bytes);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(image.Bytes, out ArraySegment<byte> segment));
        Assert.Same(bytes, segment.Array);
    }

    [Fact]
    public void Unknown_bytes_without_a_format_are_refused_plainly()
    {
        var error = Assert.Throws<PromptMediaException>(() => PromptImage.FromBytes(new byte[] { 1, 2, 3 }));
        Assert.Contains("not PNG, JPEG, GIF or WebP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_bytes_with_a_format_are_taken_as_that_format()
    {
        Assert.Equal(ImageFormat.Webp, PromptImage.FromBytes(new byte[] { 1, 2, 3 }, ImageFormat.Webp).Format);
    }

    [Fact]
    public void A_declared_format_the_bytes_contradict_is_refused()
    {
        var error = Assert.Throws<PromptMediaException>(() => PromptImage.FromBytes(MediaSamples.Jpeg, ImageFormat.Png));
        Assert.Contains("given as Png but its bytes are Jpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_oversized_images_are_refused_before_sending()
    {
        Assert.Contains("empty", Assert.Throws<PromptMediaException>(() => PromptImage.FromBytes(Array.Empty<byte>(), ImageFormat.Png)).Message, StringComparison.Ordinal);
        PromptImage.FromBytes(MediaSamples.OfLength(PromptMediaLimits.MaxImageBytes));
        var error = Assert.Throws<PromptMediaException>(() => PromptImage.FromBytes(MediaSamples.OfLength(PromptMediaLimits.MaxImageBytes + 1)));
        Assert.Contains("3,750,001 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 3,750,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_take_their_format_from_the_extension_then_the_signature()
    {
        string directory = Directory.CreateTempSubdirectory("promptgen-media").FullName;
        try
        {
            string jpg = Path.Combine(directory, "photo.JPG");
            File.WriteAllBytes(jpg, MediaSamples.Jpeg);
            string unnamed = Path.Combine(directory, "photo.bin");
            File.WriteAllBytes(unnamed, MediaSamples.Gif);
            string lying = Path.Combine(directory, "photo.png");
            File.WriteAllBytes(lying, MediaSamples.Jpeg);

            Assert.Equal(ImageFormat.Jpeg, PromptImage.FromFile(jpg).Format);
            Assert.Equal(ImageFormat.Gif, PromptImage.FromFile(unnamed).Format);
            Assert.Contains("'photo.png'", Assert.Throws<PromptMediaException>(() => PromptImage.FromFile(lying)).Message, StringComparison.Ordinal);
            Assert.Throws<FileNotFoundException>(() => PromptImage.FromFile(Path.Combine(directory, "missing.png")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_stream_is_read_from_its_position_and_left_open()
    {
        var stream = new MemoryStream();
        stream.Write(new byte[] { 9, 9, 9 });
        stream.Write(MediaSamples.Png);
        stream.Position = 3;

        PromptImage image = await PromptImage.FromStreamAsync(stream);

        Assert.Equal(ImageFormat.Png, image.Format);
        Assert.True(image.Bytes.Span.SequenceEqual(MediaSamples.Png));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_over_the_limit_is_refused_without_reading_it_all()
    {
        var stream = new EndlessStream();

        var error = await Assert.ThrowsAsync<PromptMediaException>(() => PromptImage.FromStreamAsync(stream, ImageFormat.Png, maxBytes: 1000));

        Assert.Contains("larger than the limit", error.Message, StringComparison.Ordinal);
        Assert.InRange(stream.BytesRead, 1001, 1001 + 81_920);
    }

    [Fact]
    public async Task A_seekable_stream_over_the_limit_is_refused_before_any_read()
    {
        var stream = new MemoryStream(MediaSamples.OfLength(2000));

        var error = await Assert.ThrowsAsync<PromptMediaException>(() => PromptImage.FromStreamAsync(stream, maxBytes: 1000));

        Assert.Contains("2,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task Reading_a_stream_honours_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PromptImage.FromStreamAsync(new EndlessStream(), ImageFormat.Png, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void S3_locations_are_checked()
    {
        PromptImage image = PromptImage.FromS3("s3://bucket/photos/cat.png", ImageFormat.Png, "123456789012");
        Assert.Equal("s3://bucket/photos/cat.png", image.S3Location!.Uri);
        Assert.Equal("123456789012", image.S3Location.BucketOwner);
        Assert.True(image.Bytes.IsEmpty);

        Assert.Contains("s3://bucket/key", Assert.Throws<PromptMediaException>(() => PromptImage.FromS3("https://bucket/cat.png", ImageFormat.Png)).Message, StringComparison.Ordinal);
        Assert.Contains("12-digit", Assert.Throws<PromptMediaException>(() => PromptImage.FromS3("s3://bucket/cat.png", ImageFormat.Png, "me")).Message, StringComparison.Ordinal);
    }

    /// <summary>A non-seekable stream that never ends and honours cancellation.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read synchronously");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(buffer.Length, 4096);
            buffer.Span[..count].Fill(7);
            BytesRead += count;
            return ValueTask.FromResult(count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
