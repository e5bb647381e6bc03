using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>Each analyzer diagnostic: where it squiggles, what it says, and that valid code stays quiet.</summary>
public sealed class AnalyzerDiagnosticTests
{
    private const string ValidModel = "us.amazon.nova-micro-v1:0";

    private static string Client(string members, string clientAttribute = $"[PromptClient(Model = \"{ValidModel}\")]") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using PromptGen;

        namespace Demo;

        public sealed record Ticket(string Title, string Body);

        {{clientAttribute}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    /// <summary>The one diagnostic with <paramref name="id"/>; any other warning or error fails the test too.</summary>
    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string id)
    {
        Assert.True(
            diagnostics.Count(d => d.Id == id) == 1 && diagnostics.All(d => d.Id == id || d.Severity == DiagnosticSeverity.Info),
            "Expected exactly one " + id + " and nothing else above Info, got:\n" + AnalyzerHarness.Describe(diagnostics));
        Diagnostic diagnostic = diagnostics.Single(d => d.Id == id);
        // A source location is what lets #pragma and .editorconfig apply in a real build.
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        return diagnostic;
    }

    private static void AssertQuiet(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.True(diagnostics.Count == 0, "Expected no analyzer diagnostics, got:\n" + AnalyzerHarness.Describe(diagnostics));

    [Fact]
    public void Every_analyzer_supports_only_catalogued_descriptors_and_every_analyzer_id_is_covered()
    {
        string[] supported = AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToArray();

        Assert.Equal(supported.Length, supported.Distinct().Count());
        Assert.All(AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics), d => Assert.Contains(d, Diagnostics.DiagnosticDescriptors.All));
        Assert.Equal(
            new[] { "PG0007", "PG0008", "PG0017", "PG0101", "PG0102", "PG0103", "PG0104", "PG0105", "PG0106", "PG0201", "PG0202", "PG0203", "PG0204", "PG0205", "PG0206", "PG0207", "PG0208", "PG0209", "PG0210", "PG0211", "PG0212", "PG0213", "PG0215", "PG0216", "PG0217", "PG0218", "PG0219", "PG0220", "PG0230", "PG0301", "PG0302", "PG0304", "PG0305", "PG0408", "PG0409", "PG0503" },
            supported.OrderBy(id => id, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_test_sources_get_only_the_cancellation_infos()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Sources.SupportPrompts, ResultSources.Triage);

        Assert.True(diagnostics.All(d => d.Id == "PG0007"), AnalyzerHarness.Describe(diagnostics));
        Assert.Equal(
            new[] { "ClassifyAsync", "PriorityAsync", "TagsAsync", "IsSpamAsync", "CategorizeAsync", "CountAsync" },
            diagnostics.Select(AnalyzerHarness.TextAt));
    }

    [Fact]
    public void QuickStart_sample_is_clean()
    {
        string prompts = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "Prompts.cs"));

        AssertQuiet(AnalyzerHarness.Run(prompts));
    }

    // PG0007

    [Fact]
    public void Method_without_cancellation_token_gets_an_info_at_its_name()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text);
            """)), "PG0007");

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("SummarizeAsync", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Method 'SummarizeAsync' has no CancellationToken parameter, so its Bedrock call cannot be cancelled; add 'CancellationToken cancellationToken = default'",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Method_with_cancellation_token_is_quiet()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken ct);
            """)));
    }

    // PG0101

    [Theory]
    [InlineData("\"Summarize {{ tiket.title }}\"")]
    [InlineData("@\"Say \"\"hi\"\"\nSummarize {{ tiket.title }}\"")]
    [InlineData("\"\"\"\n        Say \"hi\"\n          Summarize {{ tiket.title }}\n        \"\"\"")]
    [InlineData("\"Line\\n\\tSummarize {{ tiket.title }}\"")]
    public void Unknown_variable_is_reported_on_its_characters_with_a_suggestion(string literal)
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client($$"""
                [Prompt({{literal}})]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """)), "PG0101");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("tiket", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal("'tiket' is not a parameter of method 'SummarizeAsync', so rendering fails; did you mean 'ticket'?", diagnostic.GetMessage());
    }

    [Fact]
    public void Unknown_variable_in_the_interface_system_prompt_names_the_method_and_suggests_nothing_far_off()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client(
            """
                [Prompt("Summarize {{ ticket.title }}")]
                Task<string> SummarizeAsync(Ticket ticket, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), SystemPrompt(\"You work for {{{{ company }}}}.\")]")), "PG0101");

        Assert.Equal("company", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "'company' is not a parameter of method 'SummarizeAsync', so rendering fails; add a parameter named 'company' or correct the name",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Builtins_loop_variables_assignments_and_members_are_not_unknown_variables()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [SystemPrompt("Today is {{ date.now | date.to_string '%F' }}.")]
                [Prompt("{{ total = 0 }}{{ for tag in tags }}{{ for.index }}: {{ tag | string.upcase }} {{ total = total + 1 }}{{ end }}{{ capture c }}{{ ticket.title }}{{ end }}{{ c }} {{ tags | array.size }} {{ math.round 1.5 }} {{ $local = 1 }}{{ $local }}")]
                Task<string> TagAsync(Ticket ticket, string[] tags, CancellationToken cancellationToken);
            """)));
    }

    [Fact]
    public void Cancellation_token_is_not_a_template_variable()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Prompt("{{ text }} {{ cancellationToken }}")]
                Task<string> EchoAsync(string text, CancellationToken cancellationToken);
            """)), "PG0101");

        Assert.Equal("cancellationToken", AnalyzerHarness.TextAt(diagnostic));
    }

    [Fact]
    public void Template_with_a_syntax_error_is_left_to_PG0100()
    {
        AssertQuiet(AnalyzerHarness.Run(Client("""
                [Prompt("Hello {{ nme | }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """)));
    }

    // PG0102

    [Fact]
    public void Unused_parameter_is_reported_at_the_parameter()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Prompt("Reply to: {{ message }}")]
                Task<string> ReplyAsync(string message, string language, CancellationToken cancellationToken = default);
            """)), "PG0102");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("language", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Parameter 'language' of method 'ReplyAsync' is not used by its [Prompt] or [SystemPrompt] template, so the model never sees it; use it as {{ language }} or remove it",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Parameter_used_only_by_the_interface_system_prompt_is_used()
    {
        AssertQuiet(AnalyzerHarness.Run(Client(
            """
                [Prompt("Reply to: {{ message }}")]
                Task<string> ReplyAsync(string message, string company, CancellationToken cancellationToken = default);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), SystemPrompt(\"You work for {{{{ company }}}}.\")]")));
    }

    // PG0201

    [Fact]
    public void Unknown_model_is_a_warning_with_the_closest_ids()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client(
            """
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: "[PromptClient(Model = \"us.amazon.nova-mikro-v1:0\")]")), "PG0201");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("\"us.amazon.nova-mikro-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.StartsWith(
            $"Model 'us.amazon.nova-mikro-v1:0' is not in PromptGen's model catalog (as of {PromptGen.Generators.Catalog.ModelCatalog.AsOf}); did you mean 'us.amazon.nova-micro-v1:0'",
            diagnostic.GetMessage(),
            System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Model(\"amazon.titan-embed-txt-v2:0\")]", "Embedding", "amazon.titan-embed-text-v2:0")]
    [InlineData("", "Embedding", "amazon.titan-embed-text-v2:0", "[PromptClient(Model = \"amazon.titan-embed-txt-v2:0\")]")]
    [InlineData("[Model(\"amazon.nova-canvs-v1:0\")]", "Image", "amazon.nova-canvas-v1:0")]
    public void An_unknown_id_is_compared_with_models_of_the_kind_its_method_needs(string methodModel, string kind, string closest, string clientAttribute = $"[PromptClient(Model = \"{ValidModel}\")]")
    {
        string method = kind == "Image"
            ? "[Prompt(\"A lighthouse at {{ hour }}\")]\n    Task<GeneratedImage> DrawAsync(string hour, CancellationToken cancellationToken);"
            : "Task<Microsoft.Extensions.AI.Embedding<float>> EmbedAsync(string text, CancellationToken cancellationToken);";
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client(methodModel + "\n    " + method, clientAttribute)), "PG0201");

        Assert.Contains($"did you mean '{closest}'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        var wanted = System.Enum.Parse<PromptGen.Generators.Catalog.ModelModality>(kind);
        string[] suggested = diagnostic.Properties[PromptGen.Generators.Diagnostics.FixProperties.SuggestedModelIds]!
            .Split(PromptGen.Generators.Diagnostics.FixProperties.Separator);
        Assert.All(suggested, id => Assert.Equal(wanted, PromptGen.Generators.Catalog.ModelCatalog.Find(id).Model?.Modality));
    }

    // PG0202

    [Fact]
    public void Malformed_model_id_is_an_error_at_the_method_model_literal()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Model("anthropic claude haiku")]
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """)), "PG0202");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"anthropic claude haiku\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "'anthropic claude haiku' is not a Bedrock model id, inference profile id or ARN, and Bedrock rejects it; write an id such as 'us.anthropic.claude-haiku-4-5-20251001-v1:0'",
            diagnostic.GetMessage());
    }

    // PG0203

    [Fact]
    public void Legacy_model_is_a_warning_naming_the_successor()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Model("us.anthropic.claude-3-opus-20240229-v1:0")]
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """)), "PG0203");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("\"us.anthropic.claude-3-opus-20240229-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Model 'us.anthropic.claude-3-opus-20240229-v1:0' is a legacy model on Bedrock; use 'us.anthropic.claude-opus-4-5-20251101-v1:0' instead",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Legacy_warning_is_reported_once_for_an_interface_model_used_by_many_methods_and_pragma_silences_it()
    {
        string source = Client(
            """
                [Prompt("One {{ name }}")]
                Task<string> OneAsync(string name, CancellationToken cancellationToken);

                [Prompt("Two {{ name }}")]
                Task<string> TwoAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: "[PromptClient(Model = \"amazon.titan-text-express-v1\")]");

        Single(AnalyzerHarness.Run(source), "PG0203");
        IReadOnlyList<Diagnostic> silenced = AnalyzerHarness.Run(source.Replace("[PromptClient", "#pragma warning disable PG0203\n[PromptClient", System.StringComparison.Ordinal));
        Assert.True(silenced.All(d => d.IsSuppressed), AnalyzerHarness.Describe(silenced));
    }

    // PG0204

    [Fact]
    public void End_of_life_model_is_an_error_with_the_date_and_successor()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Model("us.anthropic.claude-3-haiku-20240307-v1:0")]
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """)), "PG0204");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"us.anthropic.claude-3-haiku-20240307-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Model 'us.anthropic.claude-3-haiku-20240307-v1:0' reached end of life on Bedrock on 2026-09-10, and calls to it fail; use 'us.anthropic.claude-haiku-4-5-20251001-v1:0' instead",
            diagnostic.GetMessage());
    }

    // PG0205

    [Fact]
    public void Base_id_of_a_profile_only_model_is_an_error_with_the_prefixed_id()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client(
            """
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: "[PromptClient(Model = \"anthropic.claude-sonnet-4-5-20250929-v1:0\")]")), "PG0205");

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"anthropic.claude-sonnet-4-5-20250929-v1:0\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Bedrock serves 'anthropic.claude-sonnet-4-5-20250929-v1:0' on demand only through an inference profile, so the base id fails; use 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' (profiles: us, eu, apac, jp, au, global)",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("global.anthropic.claude-sonnet-4-5-20250929-v1:0")]
    [InlineData("amazon.nova-micro-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123")]
    public void Current_models_profiles_and_opaque_arns_are_quiet(string model)
    {
        AssertQuiet(AnalyzerHarness.Run(Client(
            """
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{model}\")]")));
    }

    // PG0206

    [Fact]
    public void MaxTokens_above_the_model_limit_is_reported_at_the_argument()
    {
        Diagnostic diagnostic = Single(AnalyzerHarness.Run(Client("""
                [Inference(MaxTokens = 100000)]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """)), "PG0206");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("MaxTokens = 100000", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "MaxTokens 100000 for method 'SummarizeAsync' is above the 5000 output tokens model 'us.amazon.nova-micro-v1:0' can generate; set MaxTokens to 5000 or less",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Interface_MaxTokens_is_judged_against_each_method_model_and_a_method_override_wins()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client(
            """
                [Prompt("Long: {{ text }}")]
                Task<string> LongAsync(string text, CancellationToken cancellationToken);

                [Model("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
                [Prompt("Fits: {{ text }}")]
                Task<string> FitsAsync(string text, CancellationToken cancellationToken);

                [Inference(MaxTokens = 100)]
                [Prompt("Short: {{ text }}")]
                Task<string> ShortAsync(string text, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), Inference(MaxTokens = 8000)]"));

        Diagnostic diagnostic = Single(diagnostics, "PG0206");
        Assert.Equal("MaxTokens = 8000", AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains("method 'LongAsync'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    // PG0207

    [Fact]
    public void Temperature_and_TopP_outside_0_to_1_are_errors_at_each_argument()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("""
                [Inference(Temperature = 1.5, TopP = -0.1)]
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """));

        Assert.True(diagnostics.Count == 2 && diagnostics.All(d => d.Id == "PG0207" && d.Severity == DiagnosticSeverity.Error), AnalyzerHarness.Describe(diagnostics));
        Assert.Equal(new[] { "Temperature = 1.5", "TopP = -0.1" }, diagnostics.Select(AnalyzerHarness.TextAt));
        Assert.Equal("Temperature = 1.5 is outside 0 to 1, and Bedrock rejects it; use a value in 0 to 1", diagnostics[0].GetMessage());
        Assert.Equal("TopP = -0.1 is outside 0 to 1, and Bedrock rejects it; use a value in 0 to 1", diagnostics[1].GetMessage());
    }

    [Fact]
    public void Inference_settings_at_the_bounds_are_quiet()
    {
        AssertQuiet(AnalyzerHarness.Run(Client(
            """
                [Inference(Temperature = 1, TopP = 0, MaxTokens = 5000)]
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: $"[PromptClient(Model = \"{ValidModel}\"), Inference(Temperature = 0, TopP = 1, MaxTokens = 1)]")));
    }

    // PG0208

    [Fact]
    public void System_prompt_on_a_model_without_one_is_an_error_at_the_model()
    {
        IReadOnlyList<Diagnostic> diagnostics = AnalyzerHarness.Run(Client("""
                [Model("amazon.titan-text-express-v1")]
                [SystemPrompt("You are terse.")]
                [Prompt("Summarize: {{ text }}")]
                Task<string> SummarizeAsync(string text, CancellationToken cancellationToken);
            """)).Where(d => d.Id != "PG0203").ToList(); // Titan Text is also legacy

        Diagnostic diagnostic = Single(diagnostics, "PG0208");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"amazon.titan-text-express-v1\"", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(
            "Model 'amazon.titan-text-express-v1' does not accept a system prompt, but method 'SummarizeAsync' has [SystemPrompt]; move the instructions into [Prompt] or choose a model that takes a system prompt",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Generated_code_is_not_analyzed_and_a_compilation_without_PromptGen_is_quiet()
    {
        AssertQuiet(AnalyzerHarness.Run(Sources.Unrelated));
    }
}
