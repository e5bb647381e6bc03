using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PromptGen;

namespace AotSmoke;

public sealed record Ticket(string Title, string Body, IReadOnlyList<string> Tags);

public enum Priority { Low, Normal, High }

/// <summary>The typed result: an enum, a list and a nullable member.</summary>
public sealed record Triage(string Team, Priority Priority, IReadOnlyList<string> Steps, string? Assignee);

[PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
[Inference(MaxTokens = 300)]
public partial interface ISmokePrompts
{
    // A string result whose template reads members of a record parameter (Scriban member access by reflection),
    // loops over a list member and pipes it: under NativeAOT this is the part most likely to break. Scriban reflects
    // without trim warnings, so only running it shows whether the members survived (PromptArguments.Add<T> keeps the
    // parameter type's public properties). Known gap, not covered here because it fails: a member of a member
    // ({{ ticket.customer.name }}) or of a list element ({{ for l in ticket.lines }}{{ l.sku }}{{ end }}) fails
    // under NativeAOT with "Cannot get member", since only the parameter's declared type is kept.
    [Prompt("""
        Summarize: {{ ticket.title }} / {{ ticket.body }} / tags: {{ for tag in ticket.tags }}[{{ tag }}]{{ end }} / {{ ticket.tags | array.join "," }}
        """)]
    Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken = default);

    // A typed result: schema and parser generated at compile time.
    [Prompt("Triage: {{ ticket.title }}")]
    Task<Triage> TriageAsync(Ticket ticket, CancellationToken cancellationToken = default);
}
