using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using PromptGen.CompilerServices;

namespace PromptGen.Benchmarks.Results;

/// <summary>
/// Reading a typed result from a model's text answer: PromptGen's path (ModelJson normalisation, which strips fences
/// and prose, then the generated Utf8JsonReader parser with validation) against System.Text.Json's source-generated
/// context and its reflection serializer, on the same answers. For the fenced answer the System.Text.Json rows read the
/// fence body already taken out (<see cref="ModelAnswers.StripFence"/>, once, outside the measurement), which they
/// cannot do themselves: PromptGen's row pays for finding the JSON, theirs does not.
/// </summary>
[BenchmarkCategory("Parsing")]
public class ResultParsingBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly string StrippedTriage = ModelAnswers.StripFence(ModelAnswers.FencedTriage);

    private StructuredOutputSpec<TicketTriage> _triage = null!;
    private StructuredOutputSpec<Catalog> _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _triage = GeneratedSpecs.Of<TicketTriage>(typeof(IResultPrompts), "TriageAsyncResult");
        _catalog = GeneratedSpecs.Of<Catalog>(typeof(IResultPrompts), "CatalogAsyncResult");
    }

    [Benchmark, BenchmarkCategory("Clean")]
    public TicketTriage Clean_Generated() => Generated(_triage, ModelAnswers.CleanTriage);

    [Benchmark(Baseline = true), BenchmarkCategory("Clean")]
    public TicketTriage Clean_StjSourceGen() => JsonSerializer.Deserialize(ModelAnswers.CleanTriage, ResultJsonContext.Default.TicketTriage)!;

    [Benchmark, BenchmarkCategory("Clean")]
    public TicketTriage Clean_StjReflection() => JsonSerializer.Deserialize<TicketTriage>(ModelAnswers.CleanTriage, ReflectionOptions)!;

    [Benchmark, BenchmarkCategory("Fenced")]
    public TicketTriage Fenced_Generated() => Generated(_triage, ModelAnswers.FencedTriage);

    [Benchmark(Baseline = true), BenchmarkCategory("Fenced")]
    public TicketTriage Fenced_StjSourceGen() => JsonSerializer.Deserialize(StrippedTriage, ResultJsonContext.Default.TicketTriage)!;

    [Benchmark, BenchmarkCategory("Fenced")]
    public TicketTriage Fenced_StjReflection() => JsonSerializer.Deserialize<TicketTriage>(StrippedTriage, ReflectionOptions)!;

    [Benchmark, BenchmarkCategory("LargeList")]
    public Catalog LargeList_Generated() => Generated(_catalog, ModelAnswers.LargeCatalog);

    [Benchmark(Baseline = true), BenchmarkCategory("LargeList")]
    public Catalog LargeList_StjSourceGen() => JsonSerializer.Deserialize(ModelAnswers.LargeCatalog, ResultJsonContext.Default.Catalog)!;

    [Benchmark, BenchmarkCategory("LargeList")]
    public Catalog LargeList_StjReflection() => JsonSerializer.Deserialize<Catalog>(ModelAnswers.LargeCatalog, ReflectionOptions)!;

    /// <summary>What a call does with the model's text: find the JSON, read it with the generated reader, validate.</summary>
    private static T Generated<T>(StructuredOutputSpec<T> spec, string answer)
    {
        ParseOutcome<T> outcome = spec.Reader.ReadText(answer, outOfTokens: false);
        return outcome.IsSuccess ? outcome.Value : throw new InvalidOperationException(outcome.Errors[0].Message);
    }
}
