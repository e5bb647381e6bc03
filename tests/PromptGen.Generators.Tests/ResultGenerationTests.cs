using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Generators.Tests;

public sealed class ResultGenerationTests
{
    private static readonly Lazy<GeneratorRun> TriageRun = new(() => GeneratorHarness.Run(ResultSources.Triage));

    [Fact]
    public void Typed_results_match_the_approved_snapshot()
    {
        GeneratorRun run = TriageRun.Value;

        Assert.Empty(run.GeneratorDiagnostics);
        SnapshotAssert.Matches("TriagePrompts", run.GeneratedSource("ITriagePrompts.PromptClient.g.cs"));
    }

    [Fact]
    public void Typed_results_compile_without_warnings()
    {
        Assert.Empty(TriageRun.Value.CompilationDiagnostics);
    }

    [Fact]
    public void Object_schema_has_types_requirements_descriptions_and_constraints()
    {
        using JsonDocument schema = JsonDocument.Parse(SchemaOf("TriageAsync"));
        JsonElement root = schema.RootElement;

        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.Equal("How a support ticket should be handled.", root.GetProperty("description").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(
            new[] { "summary", "priority", "tags", "confidence", "ticket_id" },
            root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray());

        JsonElement properties = root.GetProperty("properties");
        Assert.Equal("One-sentence summary.", properties.GetProperty("summary").GetProperty("description").GetString());
        Assert.Equal(new[] { "Low", "Medium", "High", "Critical" }, properties.GetProperty("priority").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("string", properties.GetProperty("tags").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal(0, properties.GetProperty("confidence").GetProperty("minimum").GetDouble());
        Assert.Equal(1, properties.GetProperty("confidence").GetProperty("maximum").GetDouble());
        Assert.Equal("[\"string\",\"null\"]", properties.GetProperty("suggestedReply").GetProperty("type").GetRawText());
        Assert.Equal(200, properties.GetProperty("suggestedReply").GetProperty("maxLength").GetInt32());
        Assert.Equal(1, properties.GetProperty("suggestedReply").GetProperty("minLength").GetInt32());
        Assert.Equal("integer", properties.GetProperty("scores").GetProperty("additionalProperties").GetProperty("type").GetString());
        Assert.Equal("date", properties.GetProperty("dueDate").GetProperty("format").GetString());
        Assert.Equal("uuid", properties.GetProperty("ticket_id").GetProperty("format").GetString());

        JsonElement customer = properties.GetProperty("customer").GetProperty("anyOf");
        Assert.Equal("null", customer[1].GetProperty("type").GetString());
        JsonElement customerObject = customer[0];
        Assert.Equal(new[] { "name" }, customerObject.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("^[A-Z]{2}$", customerObject.GetProperty("properties").GetProperty("country").GetProperty("pattern").GetString());
        JsonElement orders = customerObject.GetProperty("properties").GetProperty("orders");
        Assert.Equal(1, orders.GetProperty("minItems").GetInt32());
        JsonElement order = orders.GetProperty("items");
        Assert.Equal(new[] { "id", "total", "placedAt" }, order.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("number", order.GetProperty("properties").GetProperty("total").GetProperty("type").GetString());
        Assert.Equal("date-time", order.GetProperty("properties").GetProperty("placedAt").GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("PriorityAsync", "{\"type\":\"string\",\"enum\":[\"Low\",\"Medium\",\"High\",\"Critical\"]}")]
    [InlineData("TagsAsync", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")]
    [InlineData("IsSpamAsync", "{\"type\":\"boolean\"}")]
    [InlineData("CountAsync", "{\"type\":[\"integer\",\"null\"]}")]
    public void Non_object_results_are_wrapped_in_an_object(string method, string valueSchema)
    {
        Assert.Equal(
            "{\"type\":\"object\",\"properties\":{\"value\":" + valueSchema + "},\"required\":[\"value\"],\"additionalProperties\":false}",
            SchemaOf(method));
    }

    [Fact]
    public void A_recursive_type_refers_to_itself()
    {
        using JsonDocument schema = JsonDocument.Parse(SchemaOf("CategorizeAsync"));

        Assert.Equal("#", schema.RootElement.GetProperty("properties").GetProperty("children").GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public void A_type_that_contains_itself_below_the_root_goes_to_defs()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PromptGen;
            namespace Demo;
            public sealed record Node(string Label, List<Node> Next);
            public sealed record Graph(Node Start);
            [PromptClient(Model = "amazon.nova-micro-v1:0")]
            public partial interface IGraphs
            {
                [Prompt("Draw {{ topic }}")]
                Task<Graph> DrawAsync(string topic);
            }
            """);

        Assert.Empty(run.CompilationDiagnostics);
        string schema = GeneratedText.Schema(run.GeneratedSource("IGraphs.PromptClient.g.cs"));
        Assert.Contains("\"start\":{\"$ref\":\"#/$defs/Node\"}", schema, StringComparison.Ordinal);
        Assert.Contains("\"$defs\":{\"Node\":{\"type\":\"object\"", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_parser_reads_a_full_answer()
    {
        ParseOutcome<object> outcome = Parse("TriageAsync", """
            {"summary":"Double charge","priority":"high","tags":["billing"],"confidence":"0.9",
             "customer":{"name":"Ada","country":"GB","orders":[{"id":"A1","total":12.5,"placedAt":"2026-11-01T10:00:00Z","receipt":null}]},
             "scores":{"urgency":3},"ticket_id":"5f0c7a3e-0000-4000-8000-000000000001","extra":"ignored"}
            """);

        Assert.True(outcome.IsSuccess, string.Join("\n", outcome.Errors));
        dynamic triage = outcome.Value;
        Assert.Equal("Double charge", (string)triage.Summary);
        Assert.Equal("High", triage.Priority.ToString());
        Assert.Equal(0.9, (double)triage.Confidence);
        Assert.Equal(1, (int)triage.Customer.Orders[0].Quantity); // constructor default when absent
        Assert.Equal(12.5m, (decimal)triage.Customer.Orders[0].Total);
        Assert.Equal(3, (int)triage.Scores["urgency"]);
    }

    [Fact]
    public void Generated_parser_reports_every_problem_with_its_path()
    {
        ParseOutcome<object> outcome = Parse("TriageAsync", """
            {"summary":"x","priority":"urgent","tags":["a", 5, {"no":1}],"confidence":1.5,
             "customer":{"country":"Great Britain","orders":[{"id":"A1","total":"12 USD","placedAt":"2026-11-01T10:00:00Z"}]},
             "ticket_id":"5f0c7a3e-0000-4000-8000-000000000001"}
            """);

        Assert.False(outcome.IsSuccess);
        string[] paths = outcome.Errors.Select(e => e.Path).ToArray();
        Assert.Contains("$.priority", paths);
        Assert.Contains("$.tags[2]", paths);
        Assert.Contains("$.confidence", paths);
        Assert.Contains("$.customer.name", paths);
        Assert.Contains("$.customer.country", paths);
        Assert.Contains("$.customer.orders[0].total", paths);
        Assert.Contains(outcome.Errors, e => e.Path == "$.customer.orders[0].total" && e.Message.Contains("12 USD", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Path == "$.customer.name" && e.Kind == ResultErrorKind.MissingMember);
        Assert.Contains(outcome.Errors, e => e.Path == "$.priority" && e.Kind == ResultErrorKind.UnknownEnumValue);
        Assert.Contains(outcome.Errors, e => e.Path == "$.confidence" && e.Kind == ResultErrorKind.ConstraintViolation);
    }

    [Theory]
    [InlineData("PriorityAsync", "{\"value\":\"critical\"}", "Critical")]
    [InlineData("PriorityAsync", "\"Medium\"", "Medium")]
    [InlineData("TagsAsync", "{\"value\":[\"a\",\"b\"]}", "a,b")]
    [InlineData("IsSpamAsync", "{\"value\":\"true\"}", "True")]
    [InlineData("CountAsync", "{\"value\":null}", "")]
    [InlineData("CountAsync", "{\"value\":\"42\"}", "42")]
    public void Wrapped_results_are_unwrapped_and_bare_values_accepted(string method, string json, string expected)
    {
        ParseOutcome<object> outcome = Parse(method, json);

        Assert.True(outcome.IsSuccess, string.Join("\n", outcome.Errors));
        object? value = outcome.Value;
        string text = value is System.Collections.IEnumerable items and not string ? string.Join(",", items.Cast<object>()) : value?.ToString() ?? string.Empty;
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Wrapped_result_without_its_member_is_a_wrong_type_at_the_root()
    {
        ParseOutcome<object> outcome = Parse("PriorityAsync", "{\"priority\":\"Low\"}");

        Assert.Equal(new ResultError("$", ResultErrorKind.TypeMismatch, "expected string, got an object"), Assert.Single(outcome.Errors));
    }

    private static string SchemaOf(string method)
    {
        object spec = LoadedClient().GetField(method + "Result", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        return (string)spec.GetType().GetProperty("SchemaJson")!.GetValue(spec)!;
    }

    /// <summary>
    /// Reads an answer with the reader of a method's result spec, from the compiled test assembly (through the
    /// runtime's internal entry point, as a call does), and boxes its outcome.
    /// </summary>
    private static ParseOutcome<object> Parse(string method, string answer)
    {
        object spec = LoadedClient().GetField(method + "Result", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        object reader = spec.GetType().GetProperty("Reader")!.GetValue(spec)!;
        MethodInfo readText = reader.GetType().GetMethod("ReadText", BindingFlags.NonPublic | BindingFlags.Instance)!;
        object outcome = readText.Invoke(reader, new object[] { answer, false })!;
        Type type = outcome.GetType();
        bool success = (bool)type.GetProperty("IsSuccess")!.GetValue(outcome)!;
        return success
            ? ParseOutcome<object>.Success(type.GetProperty("Value")!.GetValue(outcome)!)
            : ParseOutcome<object>.Failure((System.Collections.Generic.IReadOnlyList<ResultError>)type.GetProperty("Errors")!.GetValue(outcome)!);
    }

    private static Type LoadedClient() => LoadedAssembly.Value.GetTypes().Single(t => t.Name == "TriagePromptsClient");

    private static readonly Lazy<Assembly> LoadedAssembly = new(() =>
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = TriageRun.Value.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        // The default context already has PromptGen.dll loaded, so the generated code binds to the same runtime types.
        return AssemblyLoadContext.Default.LoadFromStream(image);
    });
}
