using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

namespace PromptGen.Benchmarks;

/// <summary>
/// Every benchmark reports allocations and ratios against its baseline; jobs come from the command line
/// (<c>--job short</c>, <c>--job dry</c>), or BenchmarkDotNet's default when none is given.
/// </summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        AddColumn(StatisticColumn.Median);
        AddColumn(BaselineAllocationRatioColumn.RatioMean);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}
