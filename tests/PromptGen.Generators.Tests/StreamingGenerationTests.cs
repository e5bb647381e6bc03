using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class StreamingGenerationTests
{
    private static readonly Lazy<GeneratorRun> StreamingRun = new(() => GeneratorHarness.Run(StreamingSources.Streaming));

    [Fact]
    public void Streaming_methods_match_the_approved_snapshot()
    {
        GeneratorRun run = StreamingRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("StreamingPrompts", run.GeneratedSource("IStreamingPrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Streaming_methods_compile_without_warnings()
    {
        Assert.Empty(StreamingRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Partial_types_are_nested_in_the_interface_with_every_member_nullable()
    {
        Type partial = Loaded.Value.GetType("Demo.Streaming.IStreamingPrompts+PlanPartial", throwOnError: true)!;

        Assert.True(partial.IsNestedPublic);
        foreach (PropertyInfo property in partial.GetProperties())
        {
            bool nullable = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            Assert.True(nullable, property.Name);
        }

        Assert.Equal(typeof(double?), partial.GetProperty("Confidence")!.PropertyType);
        Assert.Equal("IReadOnlyList`1", partial.GetProperty("Steps")!.PropertyType.Name);
        Assert.Equal("StepPartial", partial.GetProperty("Steps")!.PropertyType.GetGenericArguments()[0].Name);
        Assert.Equal("AddressPartial", partial.GetProperty("Customer")!.PropertyType.Name);
    }

    [Fact]
    public void Generated_builders_fill_the_partial_from_relaxed_json_at_any_split()
    {
        const string answer = """
            Sure! ```json
            {"team": "Billing", "priority": "HIGH", "fallback": null, "confidence": "0.5", escalate: True,
             "due": "2026-12-01", "customer": {"city": "Oslo"},
             "steps": [{"title": "Refund", "minutes": 5, "tools": ["console"]}, {"title": "Call", "minutes": 10, "tools": []}],
             "history": ["low", "normal"], "scores": {"a": 1}, "matrix": [[1.5], []], "tags": ["x",],}
            ```
            """;
        for (int split = 0; split <= answer.Length; split += 7)
        {
            (IncrementalJsonReader reader, Func<object> snapshot) = NewReader("CreatePlanPartial");
            reader.Append(answer.AsSpan(0, split));
            reader.Append(answer.AsSpan(split));
            Assert.True(reader.IsComplete, reader.Failure);

            dynamic plan = snapshot();
            Assert.Equal("Billing", (string)plan.Team);
            Assert.Equal("High", plan.Priority.ToString());
            Assert.Null(plan.Fallback);
            Assert.Equal(0.5, (double)plan.Confidence);
            Assert.True((bool)plan.Escalate);
            Assert.Equal(new DateOnly(2026, 12, 1), (DateOnly)plan.Due);
            Assert.Equal("Oslo", (string)plan.Customer.City);
            Assert.Null(plan.Customer.Street);
            Assert.Equal(2, Count(plan.Steps));
            Assert.Equal(10, (int)At(plan.Steps, 1).Minutes);
            Assert.Equal("console", (string)At(At(plan.Steps, 0).Tools, 0));
            Assert.Equal("Normal", At(plan.History, 1).ToString());
            Assert.Equal(1, (int)plan.Scores["a"]);
            Assert.Equal(1.5, (double)At(At(plan.Matrix, 0), 0));
            Assert.Equal("x", (string)At(plan.Tags, 0));
        }
    }

    [Fact]
    public void A_recursive_result_streams_nested_partials()
    {
        (IncrementalJsonReader reader, Func<object> snapshot) = NewReader("CreateOutlinePartial");
        reader.Append("{\"title\": \"Root\", \"children\": [{\"title\": \"A\", \"children\": [{\"title\": \"A1\"");
        dynamic partial = snapshot();
        Assert.Equal("Root", (string)partial.Title);
        Assert.Equal("A1", (string)At(At(partial.Children, 0).Children, 0).Title);
        Assert.Null(At(At(partial.Children, 0).Children, 0).Children);
    }

    [Theory]
    [InlineData("[{\"title\": \"Refund\", \"minutes\": 5, \"tools\": []}, {\"title\": \"Call\", \"minutes\": 10, \"tools\": [\"phone\"]}]")]
    [InlineData("Here are the steps:\n```json\n{\"value\": [{\"title\": \"Refund\", \"minutes\": 5}, {\"title\": \"Call\", \"minutes\": 10}]}\n```")]
    [InlineData("I checked {\"note\": [1, 2]} first; the steps: [{\"title\": \"Refund\", \"minutes\": 5}, {\"title\": \"Call\", \"minutes\": 10}]")]
    public void A_list_result_streams_as_a_growing_list_bare_or_wrapped(string answer)
    {
        (IncrementalJsonReader reader, Func<object> snapshot) = NewReader("CreateListOfStepPartial", rootIsArray: true);
        int firstStepEnd = answer.IndexOf('}', answer.IndexOf("Refund", StringComparison.Ordinal)) + 1;

        reader.Append(answer.AsSpan(0, firstStepEnd));
        Assert.Equal("Refund", (string)At(snapshot(), 0).Title);
        Assert.Equal(1, Count(snapshot()));

        reader.Append(answer.AsSpan(firstStepEnd));
        Assert.Equal(new[] { "Refund", "Call" }, ((IEnumerable)snapshot()).Cast<dynamic>().Select(step => (string)step.Title).ToArray());
        Assert.Equal(10, (int)At(snapshot(), 1).Minutes);
    }

    [Fact]
    public void An_array_where_an_object_is_expected_is_passed_over_not_read_as_the_object()
    {
        (IncrementalJsonReader reader, Func<object> snapshot) = NewReader("CreateOutlinePartial");
        reader.Append("[{\"title\": \"First\"}, {\"title\": \"Second\"}] and then {\"title\": \"Root\"}");

        Assert.True(reader.IsComplete, reader.Failure);
        Assert.Equal("Root", (string)((dynamic)snapshot()).Title);
    }

    // The lists in snapshots are runtime-internal views: read through their interface, not with dynamic indexing.
    private static dynamic At(object list, int index) => ((IEnumerable)list).Cast<object>().ElementAt(index);

    private static int Count(object list) => ((IEnumerable)list).Cast<object>().Count();

    private static (IncrementalJsonReader Reader, Func<object> Snapshot) NewReader(string factory, bool rootIsArray = false)
    {
        Type partials = Loaded.Value.GetTypes().Single(t => t.Name == "Partials" && t.DeclaringType?.Name == "StreamingPromptsClient");
        var builder = (PartialJsonNode)partials.GetMethod(factory)!.Invoke(null, null)!;
        MethodInfo snapshot = builder.GetType().GetMethod("Snapshot")!;

        // As ResultStream makes it: a list result's reader takes the array (bare or wrapped) as its root.
        var reader = (IncrementalJsonReader)typeof(IncrementalJsonReader)
            .GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, new[] { typeof(PartialJsonNode), typeof(bool) })!
            .Invoke(new object[] { builder, rootIsArray });
        return (reader, () => snapshot.Invoke(builder, null)!);
    }

    private static readonly Lazy<Assembly> Loaded = new(() =>
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = StreamingRun.Value.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        // Its own context: other tests load their generated "UserAssembly" into the default one.
        return new AssemblyLoadContext("StreamingPrompts").LoadFromStream(image);
    });
}
