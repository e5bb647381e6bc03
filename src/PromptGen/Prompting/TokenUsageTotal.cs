namespace PromptGen.Prompting;

/// <summary>Adds up token usage over the attempts of one structured prompt.</summary>
internal sealed class TokenUsageTotal
{
    private readonly TokenUsage _total = new();

    // The summed estimate: null until a call reports usage, and null for good once a call's usage has no estimate.
    private decimal? _cost;
    private bool _costUnknown;

    /// <summary>Whether no usage was added yet: an empty total adds nothing to another (not even an unknown cost).</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>Adds another total's calls, if it has any.</summary>
    public void Add(TokenUsageTotal other)
    {
        if (!other.IsEmpty)
        {
            Add(other.Snapshot());
        }
    }

    public void Add(TokenUsage? usage)
    {
        if (usage is null)
        {
            return;
        }

        IsEmpty = false;

        _total.InputTokens += usage.InputTokens;
        _total.OutputTokens += usage.OutputTokens;
        _total.TotalTokens += usage.TotalTokens;
        // Cache counts stay null (not reported) until some attempt reports one.
        _total.CacheReadInputTokens = Sum(_total.CacheReadInputTokens, usage.CacheReadInputTokens);
        _total.CacheWriteInputTokens = Sum(_total.CacheWriteInputTokens, usage.CacheWriteInputTokens);
        _costUnknown |= usage.EstimatedCostUsd is null;
        _cost = _costUnknown ? null : (_cost ?? 0m) + usage.EstimatedCostUsd;
    }

    /// <summary>A copy, so that later additions do not change a total already handed out.</summary>
    public TokenUsage Snapshot() => new()
    {
        InputTokens = _total.InputTokens,
        OutputTokens = _total.OutputTokens,
        TotalTokens = _total.TotalTokens,
        CacheReadInputTokens = _total.CacheReadInputTokens,
        CacheWriteInputTokens = _total.CacheWriteInputTokens,
        EstimatedCostUsd = _cost,
    };

    private static int? Sum(int? total, int? more) => total is null && more is null ? null : (total ?? 0) + (more ?? 0);
}
