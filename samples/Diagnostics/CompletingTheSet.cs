// The rest of the set (see Program.cs): a method without a cancellation token, a cache point after no tools, a
// partial type of another name, a template Scriban renders at run time, fallbacks beside tools, media a fallback
// model does not read, and validation attributes that fit neither a number nor a tool's parameter.
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace PromptGen.Samples.Diagnostics;

// PG0305: [EmailAddress] validates text; on a number the answer is never checked against it.
public sealed record Contact(string Name, [EmailAddress] int Mail);

public sealed record Issue(string Title);

public sealed record Ruling(string Label);

// Declared by hand, so the stream names a type PromptGen does not write (PG0303 below).
public sealed class RulingDraft
{
}

public sealed class LookupTools
{
    // PG0305: [MaxLength] applies to strings and lists; the tool's input is never checked against it.
    [Tool, Description("Finds customers.")]
    public string Find(string name, [MaxLength(3)] int limit) => name;
}

[PromptClient(Model = "us.amazon.nova-lite-v1:0")]
public partial interface ICompletingTheSet
{
    // PG0007 (info; a warning here): no CancellationToken, so the call cannot be cancelled.
    [Prompt("Greet {{ name }}")]
    Task<string> GreetAsync(string name);

    // PG0017: a cache point after the tools of a method that has none.
    [CachePoint(CacheAfter.Tools)]
    [Prompt("Summarize {{ text }}")]
    Task<string> CachedAsync(string text, CancellationToken cancellationToken = default);

    // PG0303: the partial type PromptGen writes is 'RulingPartial'.
    [Prompt("Judge {{ text }}")]
    ResultStream<Ruling, RulingDraft> JudgeAsync(string text, CancellationToken cancellationToken = default);

    // PG0150 (info; a warning here): 'string.truncate' is rendered by Scriban at run time.
    [Prompt("Summarize {{ issue.title | string.truncate 40 }}")]
    Task<string> TruncatedAsync(Issue issue, CancellationToken cancellationToken = default);

    // Fine: a tool loop falls back per model turn, keeping the conversation (PG0222 is retired).
    [FallbackModels("us.amazon.nova-pro-v1:0")]
    [Prompt("Find {{ name }}")]
    Task<string> FindAsync(string name, LookupTools tools, CancellationToken cancellationToken = default);

    // PG0211: the fallback, Nova Micro, reads text only.
    [FallbackModels("us.amazon.nova-micro-v1:0")]
    [Prompt("Describe the picture.")]
    Task<string> DescribeAsync(PromptImage photo, CancellationToken cancellationToken = default);

    [Prompt("Who is {{ text }}?")]
    Task<Contact> ContactAsync(string text, CancellationToken cancellationToken = default);
}
