using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.EndToEnd.Tests;

public enum Sentiment { Negative, Neutral, Positive }

[Description("What a customer review says.")]
public sealed record ReviewAnalysis(
    string Summary,
    Sentiment Sentiment,
    [property: Range(1, 5)] int Stars,
    IReadOnlyList<string> Topics);

/// <summary>One typed prompt per strategy; the catalog picks the strategy from each model.</summary>
[PromptClient]
public partial interface IReviewPrompts
{
    // Claude Haiku 4.5: native structured output (outputConfig).
    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [Prompt("Analyze this review: {{ review }}")]
    Task<ReviewAnalysis> AnalyzeNativeAsync(string review, CancellationToken cancellationToken = default);

    // Claude Sonnet 4: a forced tool whose input schema is the result's.
    [Model("us.anthropic.claude-sonnet-4-20250514-v1:0")]
    [Prompt("Analyze this review: {{ review }}")]
    Task<ReviewAnalysis> AnalyzeWithToolAsync(string review, CancellationToken cancellationToken = default);

    // Titan Text Express: neither, so the schema goes in the prompt. It is legacy (PG0203), kept on purpose as the
    // catalog's clearest prompt-only model.
#pragma warning disable PG0203
    [Model("amazon.titan-text-express-v1")]
    [Prompt("Analyze this review: {{ review }}")]
    Task<ReviewAnalysis> AnalyzeInPromptAsync(string review, CancellationToken cancellationToken = default);

    // PromptResult<T>: the value with every attempt and the summed token usage.
    [Model("amazon.titan-text-express-v1")]
    [Prompt("Analyze this review: {{ review }}")]
    Task<PromptResult<ReviewAnalysis>> AnalyzeWithDetailsAsync(string review, CancellationToken cancellationToken = default);
#pragma warning restore PG0203

    // The user's choice beats the catalog's.
    [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
    [StructuredOutput(Strategy = StructuredOutputStrategy.PromptOnly, MaxRepairAttempts = 2)]
    [Prompt("How many stars does this review give? {{ review }}")]
    ValueTask<int> StarsAsync(string review, CancellationToken cancellationToken = default);
}
