using BenchmarkDotNet.Running;

namespace PromptGen.Benchmarks;

public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher: --filter, --job, ...).</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
}
