using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests;

public sealed record PhotoReport(string Caption, List<string> Objects);

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface IMediaPrompts
{
    [Prompt("What is in the photo of {{ place }}?")]
    Task<string> DescribeAsync(string place, PromptImage photo, CancellationToken cancellationToken = default);

    [Prompt("Compare the pages with the contract.")]
    Task<string> CompareAsync(
        IReadOnlyList<PromptImage> pages,
        [Document(Placement = MediaPlacement.AfterText)] PromptDocument? contract,
        CancellationToken cancellationToken = default);

    [Prompt("Summarise the report.")]
    Task<string> SummariseAsync(
        [Document(DocumentFormat.Md, Name = "Q3 report")] byte[]? report,
        [Image] ReadOnlyMemory<byte>? chart,
        CancellationToken cancellationToken = default);

    [Prompt("Transcribe the scan.")]
    Task<string> TranscribeAsync(
        [Image(ImageFormat.Png)] Stream scan,
        [Video(VideoFormat.Mp4, Placement = MediaPlacement.AfterText)] Memory<byte> clip,
        CancellationToken cancellationToken = default);

    [Prompt("Report on the photo.")]
    Task<PhotoReport> ReportAsync(PromptImage photo, CancellationToken cancellationToken = default);

    [Prompt("Describe the photos.")]
    PromptStream StreamAsync(PromptImage[] photos, CancellationToken cancellationToken = default);

    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [CachePoint(CacheAfter.Prompt)]
    [Prompt("Answer from the manual: {{ question }}")]
    Task<string> AskManualAsync(string question, PromptDocument manual, CancellationToken cancellationToken = default);
}
