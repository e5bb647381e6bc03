// More deliberate mistakes (see Program.cs): templates written in another template language's way, an empty template,
// a member of a string, a model of a vendor PromptGen does not know, and a validation attribute that fits no number.
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

// PG0305: [Range] applies to numbers; on a string the answer is never checked against it.
public sealed record Review([Range(1, 5)] string Grade, string Summary);

[PromptClient(Model = "us.amazon.nova-micro-v1:0")]
public partial interface ITemplateHabits
{
    // PG0105: an empty template sends Bedrock an empty user turn, which it rejects.
    [Prompt("")]
    Task<string> EmptyAsync(CancellationToken cancellationToken = default);

    // PG0106: 'upcase' is a Liquid filter; Scriban's function is 'string.upcase'.
    [Prompt("Hello {{ name | upcase }}")]
    Task<string> LiquidAsync(string name, CancellationToken cancellationToken = default);

    // PG0106: '{text}' is sent as written; Scriban reads '{{ text }}'.
    [Prompt("Summarize {text}")]
    Task<string> BracesAsync(string text, CancellationToken cancellationToken = default);

    // PG0100: the '{{' is never closed, reported where it opens.
    [Prompt("Hello {{ name")]
    Task<string> UnclosedAsync(string name, CancellationToken cancellationToken = default);

    // PG0103: a string has no member but 'size'.
    [Prompt("Dear {{ name.first }}")]
    Task<string> ScalarAsync(string name, CancellationToken cancellationToken = default);

    // PG0201: PromptGen knows no models of 'acme', so the id is sent unchecked.
    [Model("acme.super-model-v1:0")]
    [Prompt("Hi {{ name }}")]
    Task<string> VendorAsync(string name, CancellationToken cancellationToken = default);

    [Prompt("Review {{ text }}")]
    Task<Review> ReviewAsync(string text, CancellationToken cancellationToken = default);
}
