using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace Multimodal;

/// <summary>What the model found when it compared a product photo with its listing.</summary>
public sealed record ListingCheck(bool Matches, List<string> Differences);

/// <summary>Prompts about a product: its photo and its listing travel as image and document blocks beside the text.</summary>
[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface IProductPrompts
{
    // A PromptImage is an image by type; it goes before the text (what Anthropic and Amazon recommend).
    [Prompt("Describe this product photo for {{ audience }} in one sentence.")]
    Task<string> DescribeAsync(PromptImage photo, string audience, CancellationToken cancellationToken = default);

    // A typed result from an image and a document; the document keeps the name it was given.
    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Prompt("Does the photo show the product the listing describes? List every difference.")]
    Task<ListingCheck> CheckListingAsync(PromptImage photo, PromptDocument listing, CancellationToken cancellationToken = default);

    // Raw input: a stream read once before the call, sent as a markdown document named "Product listing", after the text.
    [Prompt("Write a two-line advert from the listing below.")]
    Task<string> AdvertAsync(
        [Document(DocumentFormat.Md, Name = "Product listing", Placement = MediaPlacement.AfterText)] Stream listing,
        CancellationToken cancellationToken = default);
}
