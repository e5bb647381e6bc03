// Deliberate media mistakes (PG0010-PG0013, PG0211-PG0213); the expected lines are pinned by DiagnosticsSampleBuildTests.
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface IMediaMistakes
{
    // PG0010: [Image] on a string.
    [Prompt("Describe the picture.")]
    Task<string> DescribeAsync([Image] string photoUrl, CancellationToken cancellationToken = default);

    // PG0011: raw document bytes carry no format.
    [Prompt("Summarise the report.")]
    Task<string> SummariseAsync([Document] byte[] report, CancellationToken cancellationToken = default);

    // PG0012: a stream cannot be awaited in a streaming method.
    [Prompt("Describe the scan.")]
    IAsyncEnumerable<string> StreamAsync([Image] Stream scan, CancellationToken cancellationToken = default);

    // PG0013: dots and underscores are not allowed in document names.
    [Prompt("Read the notes.")]
    Task<string> ReadAsync([Document(DocumentFormat.Md, Name = "notes_v2.md")] byte[] notes, CancellationToken cancellationToken = default);

    // PG0212: media go beside the text, not in it.
    [Prompt("Summarise {{ contract }}.")]
    Task<string> ContractAsync(PromptDocument contract, CancellationToken cancellationToken = default);

    // PG0213: binary data without [Image], [Document] or [Video].
    [Prompt("Describe the picture.")]
    Task<string> RawAsync(byte[] photo, CancellationToken cancellationToken = default);

    // PG0211: Nova Micro reads text only.
    [Model("us.amazon.nova-micro-v1:0")]
    [Prompt("Describe the picture.")]
    Task<string> MicroAsync(PromptImage photo, CancellationToken cancellationToken = default);
}
