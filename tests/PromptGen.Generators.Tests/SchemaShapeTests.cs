using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>The schema of each supported C# shape, as the value of a wrapped result.</summary>
public sealed class SchemaShapeTests
{
    [Theory]
    [InlineData("string?", "{\"type\":[\"string\",\"null\"]}")]
    [InlineData("bool", "{\"type\":\"boolean\"}")]
    [InlineData("int", "{\"type\":\"integer\"}")]
    [InlineData("long?", "{\"type\":[\"integer\",\"null\"]}")]
    [InlineData("float", "{\"type\":\"number\"}")]
    [InlineData("double", "{\"type\":\"number\"}")]
    [InlineData("decimal", "{\"type\":\"number\"}")]
    [InlineData("System.DateTime", "{\"type\":\"string\",\"format\":\"date-time\"}")]
    [InlineData("System.DateTimeOffset", "{\"type\":\"string\",\"format\":\"date-time\"}")]
    [InlineData("System.DateOnly", "{\"type\":\"string\",\"format\":\"date\"}")]
    [InlineData("System.TimeOnly?", "{\"type\":[\"string\",\"null\"],\"format\":\"time\"}")]
    [InlineData("System.TimeSpan", "{\"type\":\"string\",\"format\":\"duration\"}")]
    [InlineData("System.Guid", "{\"type\":\"string\",\"format\":\"uuid\"}")]
    [InlineData("System.Uri", "{\"type\":\"string\",\"format\":\"uri\"}")]
    [InlineData("Color", "{\"type\":\"string\",\"enum\":[\"Red\",\"Green\"]}")]
    [InlineData("Color?", "{\"type\":[\"string\",\"null\"],\"enum\":[\"Red\",\"Green\",null]}")]
    [InlineData("int[]", "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}")]
    [InlineData("System.Collections.Generic.IReadOnlyList<string?>", "{\"type\":\"array\",\"items\":{\"type\":[\"string\",\"null\"]}}")]
    [InlineData("System.Collections.Generic.IEnumerable<Color>", "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":[\"Red\",\"Green\"]}}")]
    [InlineData("System.Collections.Generic.IReadOnlyDictionary<string, double>", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}}")]
    [InlineData("System.Collections.Generic.List<Point>?", "{\"anyOf\":[{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\"},\"y\":{\"type\":\"integer\"}},\"required\":[\"x\",\"y\"],\"additionalProperties\":false}},{\"type\":\"null\"}]}")]
    public void Each_shape_has_its_schema_and_the_generated_code_compiles(string type, string expectedValueSchema)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using PromptGen;
            namespace Demo;
            public enum Color { Red, Green }
            public readonly record struct Point(int X, int Y);
            [PromptClient(Model = "amazon.titan-text-express-v1")]
            public partial interface IShapes
            {
                [Prompt("Give me one")]
                Task<{{type}}> GetAsync();
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string schema = GeneratedText.Schema(run.GeneratedSource("IShapes.PromptClient.g.cs"));
        Assert.Equal($"{{\"type\":\"object\",\"properties\":{{\"value\":{expectedValueSchema}}},\"required\":[\"value\"],\"additionalProperties\":false}}", schema);
    }

    [Fact]
    public void A_class_with_settable_properties_and_required_members_is_an_object_shape()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using PromptGen;
            namespace Demo;
            public sealed class Invoice
            {
                public required string Number { get; init; }
                public decimal Total { get; set; }
                public string Currency { get; set; } = "EUR";
                public string? Note { get; set; }
                public int LineCount => 0;   // computed: not part of the shape
            }
            [PromptClient(Model = "amazon.titan-text-express-v1")]
            public partial interface IInvoices
            {
                [Prompt("Read {{ text }}")]
                Task<Invoice> ReadAsync(string text);
            }
            """);

        Assert.Empty(run.CompilationDiagnostics);
        string generated = run.GeneratedSource("IInvoices.PromptClient.g.cs");
        Assert.Contains("\"required\":[\"number\",\"total\"]", GeneratedText.Schema(generated), System.StringComparison.Ordinal);
        Assert.DoesNotContain("lineCount", generated, System.StringComparison.Ordinal);
    }
}
