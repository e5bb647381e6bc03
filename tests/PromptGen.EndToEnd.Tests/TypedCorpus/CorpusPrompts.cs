using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests.TypedCorpus;

public enum Priority { Low, Medium, High, Critical }

public enum Sentiment { Negative, Neutral, Positive }

/// <summary>A support ticket: required members, an enum, a constrained number, a list and an optional member.</summary>
public sealed record Ticket(string Title, Priority Priority, [property: Range(0, 10)] int Severity, IReadOnlyList<string> Labels, string? Assignee);

/// <summary>An invoice: exact decimals, dates, a date-time with its offset.</summary>
public sealed record Invoice(string Number, DateOnly Issued, DateTimeOffset? PaidAt, decimal Total, IReadOnlyList<decimal> Lines);

/// <summary>A review: nested objects in a list, each with its own list.</summary>
public sealed record Review(string Product, Sentiment Sentiment, [property: Range(1, 5)] int Stars, IReadOnlyList<Aspect> Aspects);

public sealed record Aspect(string Name, Sentiment Sentiment, IReadOnlyList<string> Quotes);

/// <summary>
/// One method per result kind the corpus reads. Each family's client (below) has its own model; every answer is read
/// with no repair, so the corpus sees exactly what the generated reader makes of it. The case's id travels in the
/// prompt, and the emulator answers each case with its text.
/// </summary>
public interface ICorpusPrompts
{
    [Prompt("Triage ticket {{ id }}")]
    Task<Ticket> TicketAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Read invoice {{ id }}")]
    Task<Invoice> InvoiceAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Review {{ id }}")]
    Task<Review> ReviewAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("List the tickets in {{ id }}")]
    Task<List<Ticket>> TicketsAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Priority of {{ id }}")]
    Task<Priority> PriorityAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Is {{ id }} urgent?")]
    Task<bool> IsUrgentAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("How many items in {{ id }}?")]
    Task<int> CountAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("How many refunds in {{ id }}, if any?")]
    Task<int?> RefundsAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Headline of {{ id }}")]
    Task<string?> HeadlineAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Tags of {{ id }}")]
    Task<List<string>> TagsAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Scores of {{ id }}")]
    Task<Dictionary<string, int>> ScoresAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Due date of {{ id }}")]
    Task<DateOnly> DueAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Meeting time of {{ id }}")]
    Task<DateTimeOffset> MeetingAsync(string id, CancellationToken cancellationToken = default);

    [Prompt("Total of {{ id }}")]
    Task<decimal> TotalAsync(string id, CancellationToken cancellationToken = default);
}

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 0)]
public partial interface IClaudeCorpus : ICorpusPrompts;

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.ForcedTool, MaxRepairAttempts = 0)]
public partial interface IClaudeToolCorpus : ICorpusPrompts;

[PromptClient(Model = "meta.llama3-1-70b-instruct-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 0)]
public partial interface ILlamaCorpus : ICorpusPrompts;

[PromptClient(Model = "mistral.mistral-large-2407-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 0)]
public partial interface IMistralCorpus : ICorpusPrompts;

// Titan's answers (a legacy model, PG0203) are read by the client of its successor, Nova.
[PromptClient(Model = "amazon.nova-lite-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 0)]
public partial interface INovaCorpus : ICorpusPrompts;

[PromptClient(Model = "cohere.command-r-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 0)]
public partial interface ICohereCorpus : ICorpusPrompts;
