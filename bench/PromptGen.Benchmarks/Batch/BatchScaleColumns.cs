using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PromptGen.Benchmarks.Batch;

/// <summary>The scale benchmark's two figures beyond time: records per second (from the mean) and peak managed memory.</summary>
internal static class BatchScaleColumns
{
    public static string CaseName(string method, int records) => $"batch-scale-{method}-{records.ToString(CultureInfo.InvariantCulture)}";

    private static string Megabytes(long? bytes) =>
        bytes is long value and > 0 ? (value / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB" : "-";

    private static int RecordsOf(BenchmarkCase benchmarkCase) => (int)benchmarkCase.Parameters["Records"];

    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new Column("Records/s", "Records per second: Records / Mean", (summary, benchmarkCase) =>
                summary[benchmarkCase]?.ResultStatistics?.Mean is double nanoseconds && nanoseconds > 0
                    ? (RecordsOf(benchmarkCase) / (nanoseconds / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
                    : "-"));
            AddColumn(new Column("Peak heap", "Most managed heap at once, garbage not yet collected included (GC.GetTotalMemory every 5 ms)", (_, benchmarkCase) =>
                Megabytes(PeakManagedMemory.Read(CaseName(benchmarkCase.Descriptor.WorkloadMethod.Name, RecordsOf(benchmarkCase)))?.Heap)));
            AddColumn(new Column("Peak live", "Most managed memory still reachable after a gen-2 collection (GCMemoryInfo, heap minus fragmentation)", (_, benchmarkCase) =>
                Megabytes(PeakManagedMemory.Read(CaseName(benchmarkCase.Descriptor.WorkloadMethod.Name, RecordsOf(benchmarkCase)))?.Live)));
        }
    }

    private sealed class Column(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
    {
        public string Id => nameof(BatchScaleColumns) + "." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
