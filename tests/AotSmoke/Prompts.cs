using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;
using PromptGen.Bedrock;

namespace AotSmoke;

public sealed record Ticket(string Title, string Body, IReadOnlyList<string> Tags, Customer Customer, IReadOnlyList<Line> Lines);

public sealed record Customer(string Name, Address Address);

public sealed record Address(string City);

public sealed record Line(string Sku, int Quantity);

public enum Priority { Low, Normal, High }

/// <summary>The typed result: an enum, a list and a nullable member.</summary>
public sealed record Triage(string Team, Priority Priority, IReadOnlyList<string> Steps, string? Assignee);

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[Inference(MaxTokens = 300)]
[PromptDescriptors] // Descriptors: arguments read from JSON and results written as JSON by generated code, no reflection.
public partial interface ISmokePrompts
{
    // A string result whose template reads members of a record parameter, members of members and of list elements
    // (Scriban member access by reflection), loops and pipes: under NativeAOT this is the part most likely to break,
    // and Scriban reflects without trim warnings, so only running it shows whether the members survived. The
    // generated client names every type reachable from the parameters in [DynamicDependency].
    [Prompt("""
        Summarize: {{ ticket.title }} / {{ ticket.body }} / tags: {{ for tag in ticket.tags }}[{{ tag }}]{{ end }} / {{ ticket.tags | array.join "," }} / {{ ticket.customer.name }} in {{ ticket.customer.address.city }} / {{ for line in ticket.lines }}{{ line.sku }}x{{ line.quantity }} {{ end }}
        """)]
    Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken = default);

    // A typed result: schema and parser generated at compile time.
    [Prompt("Triage: {{ ticket.title }}")]
    Task<Triage> TriageAsync(Ticket ticket, CancellationToken cancellationToken = default);

    // Tools: the generated invoker reads the model's input and writes the record result as JSON, no reflection.
    [Prompt("Price of {{ sku }}")]
    Task<string> PriceAsync(string sku, PriceTools tools, CancellationToken cancellationToken = default);

    // A typed result stream after a conversation: the descriptor reads the history from [{"role","text"}] and writes
    // each partial value as JSON with generated writers, no reflection.
    [Prompt("Stream the triage: {{ question }}")]
    ResultStream<Triage, ISmokePrompts.TriagePartial> StreamTriageAsync(IReadOnlyList<Message> history, string question, CancellationToken cancellationToken = default);
}

public sealed record Quote(string Sku, int Quantity, decimal Total, Priority Priority);

public sealed class PriceTools
{
    [Tool, Description("Quotes a price.")]
    public Task<Quote> QuoteAsync(string sku, int quantity, CancellationToken cancellationToken) =>
        Task.FromResult(new Quote(sku, quantity, 4.75m * quantity, Priority.Normal));
}

/// <summary>An image method and an embedding method: InvokeModel through generated code, with no reflection.</summary>
[PromptClient(Model = "stability.sd3-5-large-v1:0")]
public partial interface ISmokeMedia
{
    [Prompt("A mug on a {{ surface }}")]
    [ImageGeneration(AspectRatio = "16:9", OutputFormat = ImageFormat.Jpeg, Seed = 5)]
    Task<GeneratedImage> DrawAsync(string surface, CancellationToken cancellationToken = default);

    [Model("cohere.embed-english-v3")]
    [Embedding(InputType = EmbeddingInputType.SearchQuery)]
    Task<IReadOnlyList<Microsoft.Extensions.AI.Embedding<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
