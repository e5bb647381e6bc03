namespace PromptGen.Generators.Tests;

/// <summary>A rich result type graph: records, classes, enums, lists, dictionaries, nullables, annotations, recursion.</summary>
internal static class ResultSources
{
    public const string Triage = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Contoso.Triage;

        public enum Priority { Low, Medium, High, Critical }

        [Description("How a support ticket should be handled.")]
        public sealed record TicketTriage(
            [property: Description("One-sentence summary.")] string Summary,
            Priority Priority,
            IReadOnlyList<string> Tags,
            Customer? Customer,
            [property: Range(0, 1)] double Confidence)
        {
            [StringLength(200, MinimumLength = 1)]
            public string? SuggestedReply { get; init; }

            public Dictionary<string, int> Scores { get; init; } = new();

            public DateOnly? DueDate { get; init; }

            [JsonPropertyName("ticket_id")]
            public Guid TicketId { get; init; }
        }

        public sealed class Customer
        {
            public required string Name { get; set; }

            [RegularExpression("^[A-Z]{2}$")]
            public string? Country { get; set; }

            [MinLength(1)]
            public List<Order> Orders { get; set; } = new();
        }

        public sealed record Order(string Id, decimal Total, DateTimeOffset PlacedAt, Uri? Receipt, int Quantity = 1);

        public sealed record Category(string Name, IReadOnlyList<Category> Children);

        [PromptClient(Model = "us.anthropic.claude-haiku-4-5-20251001-v1:0")]
        public partial interface ITriagePrompts
        {
            [Prompt("Triage this ticket: {{ ticket }}")]
            Task<TicketTriage> TriageAsync(string ticket, CancellationToken cancellationToken = default);

            [Prompt("Priority of: {{ ticket }}")]
            ValueTask<Priority> PriorityAsync(string ticket);

            [Prompt("Tags for: {{ ticket }}")]
            Task<List<string>> TagsAsync(string ticket);

            [Prompt("Is this spam? {{ ticket }}")]
            Task<bool> IsSpamAsync(string ticket);

            [Prompt("Categories of: {{ ticket }}")]
            Task<Category> CategorizeAsync(string ticket);

            [Prompt("How many items in: {{ ticket }}")]
            Task<int?> CountAsync(string ticket);
        }
        """;
}
