using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests;

public enum OrderStatus { Pending, Shipped, Delivered, Cancelled }

public sealed record LineItem(string Sku, [property: Range(1, 1000)] int Quantity, decimal Price);

public sealed record OrderSummary(
    string OrderId,
    OrderStatus Status,
    IReadOnlyList<LineItem> Items,
    DateOnly? ShippedOn,
    string? Note);

/// <summary>Reads one answer with no repair, so the typed corpus sees exactly what the generated parser makes of it.</summary>
[PromptClient(Model = "amazon.nova-micro-v1:0")]
[StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 0)]
public partial interface IOrderPrompts
{
    [Prompt("Summarize the order in: {{ email }}")]
    Task<OrderSummary> SummarizeAsync(string email);
}
