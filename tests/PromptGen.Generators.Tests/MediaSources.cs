namespace PromptGen.Generators.Tests;

/// <summary>A prompt client with every kind of media parameter: by type, by attribute, collections, streams, placement.</summary>
internal static class MediaSources
{
    public const string Media = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo.Media;

        public sealed record Caption(string Text, List<string> Objects);

        [PromptClient(Model = "us.amazon.nova-lite-v1:0")]
        public partial interface IMediaPrompts
        {
            [Prompt("What is in the photo?")]
            Task<string> DescribeAsync(PromptImage photo, CancellationToken cancellationToken = default);

            [Prompt("Compare the {{ count }} pages with the contract.")]
            Task<string> CompareAsync(
                int count,
                IReadOnlyList<PromptImage> pages,
                [Document(Placement = MediaPlacement.AfterText)] PromptDocument? contract,
                CancellationToken cancellationToken = default);

            [Prompt("Summarise the report.")]
            Task<string> SummariseAsync(
                [Document(DocumentFormat.Pdf, Name = "Q3 report")] byte[]? report,
                [Image] ReadOnlyMemory<byte>? chart,
                CancellationToken cancellationToken = default);

            [Prompt("Transcribe the scan.")]
            Task<string> TranscribeAsync(
                [Image(ImageFormat.Png)] Stream scan,
                [Video(VideoFormat.Mp4, Placement = MediaPlacement.AfterText)] Memory<byte> clip,
                [Document(DocumentFormat.Md)] Stream meeting_notes,
                CancellationToken cancellationToken = default);

            [Prompt("Caption the photo.")]
            Task<Caption> CaptionAsync(PromptImage photo, CancellationToken cancellationToken = default);

            [Prompt("Describe the photos.")]
            IAsyncEnumerable<string> StreamDescriptionAsync(PromptImage[] photos, CancellationToken cancellationToken = default);
        }
        """;
}
