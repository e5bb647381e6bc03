using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators;
using PromptGen.Generators.Tests.Incremental;

namespace PromptGen.Benchmarks.Generator;

/// <summary>
/// PromptClientGenerator on the generated corpus of 1,000 prompt methods over 100 interfaces, as the compiler runs
/// it: a cold run (new driver, new compilation: every interface parsed, templates compiled, files emitted), and the
/// IDE case of one template edited in a warm driver (one interface re-parsed and re-emitted, the rest cached).
/// </summary>
[BenchmarkCategory("Generator")]
public class GeneratorDriverBenchmarks
{
    private const int EditedInterface = 42;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private SyntaxTree[] _trees = null!;
    private MetadataReference[] _references = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private SyntaxTree[] _editedTrees = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _trees = GeneratorCorpus.Build(interfaces: 100, methodsPerInterface: 10)
            .Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Corpus{index}.cs"))
            .ToArray();
        _references = Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(PromptClientAttribute).Assembly.Location))
            .ToArray();
        _compilation = CSharpCompilation.Create("Corpus", _trees, _references, CompilationOptions);
        _warmDriver = CreateDriver().RunGenerators(_compilation);

        // Two different edits of one template, alternated, so each run sees a real change from the driver's state.
        SyntaxTree original = _trees[EditedInterface + 1];
        _editedTrees = new[] { 2, 3 }
            .Select(version => CSharpSyntaxTree.ParseText(
                GeneratorCorpus.EditTemplate(original.GetText().ToString(), EditedInterface, methodIndex: 7, version),
                ParseOptions,
                original.FilePath))
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver ColdRun() =>
        CreateDriver().RunGenerators(CSharpCompilation.Create("Corpus", _trees, _references, CompilationOptions));

    [Benchmark]
    public GeneratorDriver EditOneTemplate()
    {
        // The warm driver last saw the original; each edit differs from it and from the other edit.
        SyntaxTree edited = _editedTrees[_edit++ & 1];
        return _warmDriver.RunGenerators(_compilation.ReplaceSyntaxTree(_trees[EditedInterface + 1], edited));
    }

    private static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new PromptClientGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
