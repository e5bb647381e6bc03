using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Diagnostics;
using Xunit;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Declaration and result-type mistakes: each gets one diagnostic at the characters to change (the modifier, the
/// member of the result type, the attribute), every problem of a result type shows in one build, nothing cascades
/// from another diagnostic, and a type that does not compile leaves the compiler's error alone.
/// </summary>
public sealed class DeclarationMistakeTests
{
    private static string Client(string members, string usings = "using System.Threading.Tasks;\n", string clientAttribute = "[PromptClient(Model = \"us.amazon.nova-micro-v1:0\")]") => $$"""
        using System.Collections.Generic;
        using System.Threading;
        {{usings}}using PromptGen;

        namespace Demo;

        {{clientAttribute}}
        public partial interface IPrompts
        {
        {{members}}
        }
        """;

    /// <summary>Everything a build reports about the prompts: the generator's and the analyzers' diagnostics.</summary>
    private static List<Diagnostic> Reported(params string[] sources) =>
        GeneratorHarness.Run(sources).GeneratorDiagnostics.Concat(AnalyzerHarness.Run(sources)).ToList();

    // PG0006

    [Theory]
    [InlineData("ref string name", "ref", "never writes back to its inputs; remove 'ref'", "")]
    [InlineData("in string name", "in", "cannot take a parameter by reference; remove 'in'", "")]
    [InlineData("ref readonly string name", "ref readonly", "cannot take a parameter by reference; remove 'ref readonly'", "")]
    [InlineData("out string name", "out", "return the value through the method's result type", null)]
    public void A_modifier_is_PG0006_at_the_modifier_with_the_advice_that_fits_it(string parameter, string underlined, string advice, string? replacement)
    {
        GeneratorRun run = GeneratorHarness.Run(Client($$$"""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync({{{parameter}}}, CancellationToken cancellationToken);
            """));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(underlined, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains($"declared '{underlined}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(advice, diagnostic.GetMessage(), StringComparison.Ordinal);
        // The fix removes the modifier (and the space after it); an out value belongs in the result, so no fix.
        diagnostic.Properties.TryGetValue(FixProperties.EditReplacement, out string? edit);
        Assert.Equal(replacement, edit);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        Assert.DoesNotContain(AnalyzerHarness.Run(Client($$$"""
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync({{{parameter}}}, CancellationToken cancellationToken);
            """)), d => d.Id == "PG0102");
    }

    // PG0009

    [Fact]
    public void A_member_named_like_a_generated_partial_type_is_PG0009_at_the_member()
    {
        List<Diagnostic> diagnostics = Reported(Client("""
                [Prompt("Triage {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAsync(string text, CancellationToken cancellationToken);

                public sealed record TriagePartial(string Team);
            """) + "\npublic sealed record Triage(string Team, int Priority);\n");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0009", diagnostic.Id);
        Assert.Equal("TriagePartial", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(13, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // the record, not the return type
        Assert.Contains("the partial type 'TriagePartial' it generates for streaming 'Demo.Triage'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("remove it: PromptGen writes 'TriagePartial' itself", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratorHarness.Run(Client("""
                [Prompt("Triage {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAsync(string text, CancellationToken cancellationToken);

                public sealed record TriagePartial(string Team);
            """) + "\npublic sealed record Triage(string Team, int Priority);\n").CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_prompt_method_named_like_a_generated_partial_type_is_PG0009_telling_to_rename_it()
    {
        List<Diagnostic> diagnostics = Reported(Client("""
                [Prompt("Triage {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAsync(string text, CancellationToken cancellationToken);

                [Prompt("Again {{ text }}")]
                Task<string> TriagePartial(string text, CancellationToken cancellationToken);
            """) + "\npublic sealed record Triage(string Team, int Priority);\n");

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == "PG0009");
        Assert.Equal("TriagePartial", AnalyzerHarness.TextAt(diagnostic));
        Assert.EndsWith("; rename it", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_interface_member_named_like_a_generated_partial_type_is_PG0009_at_that_member()
    {
        const string Source = """
            using System.Threading;
            using PromptGen;

            namespace Demo;

            public interface IBase
            {
                public sealed record TriagePartial(string Team);
            }

            [PromptClient(Model = "us.amazon.nova-micro-v1:0")]
            public partial interface IPrompts : IBase
            {
                [Prompt("Triage {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAsync(string text, CancellationToken cancellationToken);
            }

            public sealed record Triage(string Team, int Priority);
            """;
        GeneratorRun run = GeneratorHarness.Run(Source);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0009", diagnostic.Id);
        Assert.Equal("TriagePartial", AnalyzerHarness.TextAt(diagnostic));
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // in IBase
        Assert.Equal(
            "Member 'IBase.TriagePartial' of prompt client 'IPrompts' collides with the partial type 'TriagePartial' it generates for streaming 'Demo.Triage', which PromptGen adds to the interface; rename it: the generated 'IPrompts.TriagePartial' would hide it",
            diagnostic.GetMessage());
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    // Types that do not compile

    public static TheoryData<string, string> Unresolved => new()
    {
        // A missing using: Task (and so PromptResult<string> inside it) does not bind.
        { Client("[Prompt(\"Hi {{ name }}\")]\n    Task<PromptResult<string>> GreetAsync(string name, CancellationToken cancellationToken);", usings: string.Empty), string.Empty },
        { Client("[Prompt(\"Hi {{ name }}\")]\n    Task<string> GreetAsync(Customer name, CancellationToken cancellationToken);"), string.Empty },
        { Client("[Prompt(\"Hi {{ name }}\")]\n    Task<Verdict> JudgeAsync(string name, CancellationToken cancellationToken);"), "public sealed record Verdict(Missing Label, int Score);" },
        { Client("[Prompt(\"Hi {{ name }}\")]\n    Task<string> ChatAsync(string name, Tools tools, CancellationToken cancellationToken);"), "public sealed class Tools { [Tool] public string Find(Missing what) => \"\"; }" },
    };

    [Theory]
    [MemberData(nameof(Unresolved))]
    public void A_type_that_does_not_compile_gets_only_the_compilers_error(string prompts, string types)
    {
        string source = prompts + "\n" + types + "\n";
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(AnalyzerHarness.Run(source), d => d.Id != "PG0007");
        IReadOnlyList<Diagnostic> errors = run.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.Equal("File0.cs", error.Location.SourceTree?.FilePath));
        Assert.All(errors, error => Assert.Equal("CS0246", error.Id));
    }

    [Fact]
    public void The_partial_types_of_the_other_methods_are_still_generated_beside_a_type_that_does_not_compile()
    {
        GeneratorRun run = GeneratorHarness.Run(Client("""
                [Prompt("Triage {{ text }}")]
                ResultStream<Triage, TriagePartial> TriageAsync(string text, CancellationToken cancellationToken);

                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(Customer name, CancellationToken cancellationToken);
            """) + "\npublic sealed record Triage(string Team, int Priority);\n");

        Assert.Empty(run.GeneratorDiagnostics);
        Diagnostic error = Assert.Single(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0246", error.Id);
        Assert.Contains("Customer", error.GetMessage(), StringComparison.Ordinal);
    }

    // PG0300 and PG0305: every problem of a result type, each at its member

    private const string Report = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.IO;

        namespace Demo;

        public sealed record Report(
            Dictionary<int, string> Scores,
            Stream Attachment,
            [Range(1, 5)] string Grade,
            Section Details);

        public sealed record Section(string Title, object Extra);
        """;

    [Fact]
    public void Every_problem_of_a_result_type_is_reported_in_one_build_at_its_member()
    {
        string prompts = Client("""
                [Prompt("Report on {{ text }}")]
                Task<Report> ReportAsync(string text, CancellationToken cancellationToken);

                [Prompt("Again on {{ text }}")]
                Task<Report> AgainAsync(string text, CancellationToken cancellationToken);
            """);

        List<Diagnostic> diagnostics = Reported(prompts, Report).Where(d => d.Id is "PG0300" or "PG0305").OrderBy(d => d.Location.SourceSpan.Start).ToList();

        Assert.Equal(new[] { "PG0300", "PG0300", "PG0305", "PG0300" }, diagnostics.Select(d => d.Id));
        Assert.Equal(new[] { "Scores", "Attachment", "Range(1, 5)", "Extra" }, diagnostics.Select(AnalyzerHarness.TextAt));
        Assert.All(diagnostics, d => Assert.Equal("File1.cs", d.Location.SourceTree!.FilePath));
        Assert.Contains("at $.scores has 'int' keys", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'System.IO.Stream' at $.attachment has no concrete shape", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[2].Severity);
        Assert.Equal(
            "[Range] on 'Report.Grade' does not fit its type 'string': it applies to numbers, so the answer is never checked against it; remove it, or use [StringLength] for the text's length",
            diagnostics[2].GetMessage());
        Assert.Contains("'object' at $.details.extra has no JSON shape", diagnostics[3].GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratorHarness.Run(prompts, Report).CompilationDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[StringLength(10)] int Count", "StringLength(10)", "applies to strings", "use [Range] for the number's range")]
    [InlineData("[MaxLength(3)] bool Flag", "MaxLength(3)", "applies to strings and lists", "remove it")]
    [InlineData("[RegularExpression(\"^a\")] List<string> Tags", "RegularExpression(\"^a\")", "applies to strings", "move it to a string member")]
    [InlineData("[property: Range(0, 1)] string Score", "Range(0, 1)", "applies to numbers", "[StringLength]")]
    [InlineData("[EmailAddress] int Contact", "EmailAddress", "[EmailAddress] on 'Verdict.Contact' does not fit its type 'int': it applies to strings", "move it to a string member, or use [Range]")]
    [InlineData("[Url] double? Link", "Url", "does not fit its type 'double?': it applies to strings", "move it to a string member")]
    [InlineData("[Phone] List<string> Phones", "Phone", "it applies to strings", "move it to a string member")]
    [InlineData("[Range(typeof(int), \"1\", \"5\")] string Stars", "Range(typeof(int), \"1\", \"5\")", "it applies to values of type 'int'", "name the member's type in it")]
    public void A_validation_attribute_that_does_not_fit_is_PG0305_at_the_attribute(string member, string underlined, string appliesTo, string advice)
    {
        List<Diagnostic> diagnostics = Reported(
            Client("""
                    [Prompt("Judge {{ text }}")]
                    Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
                """),
            $"using System.Collections.Generic;\nusing System.ComponentModel.DataAnnotations;\nnamespace Demo;\npublic sealed record Verdict(string Label, {member});\n");

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == "PG0305");
        Assert.Equal(underlined, AnalyzerHarness.TextAt(diagnostic));
        Assert.Contains(appliesTo, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(advice, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_attributes_that_fit_are_quiet()
    {
        List<Diagnostic> diagnostics = Reported(
            Client("""
                    [Prompt("Judge {{ text }}")]
                    Task<Verdict> JudgeAsync(string text, CancellationToken cancellationToken);
                """),
            "using System.Collections.Generic;\nusing System.ComponentModel.DataAnnotations;\nnamespace Demo;\n"
            + "public sealed record Verdict([StringLength(40)] string Label, [Range(0, 1)] double Score, [Range(1, 5)] int? Stars, [MinLength(1), MaxLength(5)] List<string> Tags, [Length(1, 3)] string[] Codes, [RegularExpression(\"^[A-Z]+$\")] string Code,\n"
            + "    [EmailAddress] string Mail, [Url, Required] string? Link, [Range(typeof(System.DateTime), \"2000-01-01\", \"2100-01-01\")] System.DateTime? Due, [Required] int Count, [Phone] string Phone);\n");

        Assert.DoesNotContain(diagnostics, d => d.Id == "PG0305");
    }

    [Fact]
    public void A_validation_attribute_that_does_not_fit_a_tool_parameter_is_PG0305_once_at_the_attribute()
    {
        // Two prompt methods use the tool set: the tool's parameters are judged once.
        List<Diagnostic> diagnostics = Reported(
            Client("""
                    [Prompt("Find {{ text }}")]
                    Task<string> FindAsync(string text, Catalog catalog, CancellationToken cancellationToken);

                    [Prompt("Look for {{ text }}")]
                    Task<string> LookAsync(string text, Catalog catalog, CancellationToken cancellationToken);
                """),
            "using System.ComponentModel;\nusing System.ComponentModel.DataAnnotations;\nusing System.Threading;\nusing PromptGen;\nnamespace Demo;\n"
            + "public sealed class Catalog\n{\n    [Tool, Description(\"Finds products.\")]\n"
            + "    public string Search([Range(1, 10)] string query, [StringLength(5)] int limit, [Range(1, 50)] int pages, CancellationToken cancellationToken) => query;\n}\n");

        List<Diagnostic> misfits = diagnostics.Where(d => d.Id == "PG0305").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "Range(1, 10)", "StringLength(5)" }, misfits.Select(AnalyzerHarness.TextAt));
        Assert.All(misfits, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(
            "[Range] on 'Search(query)' does not fit its type 'string': it applies to numbers, so the answer is never checked against it; remove it, or use [StringLength] for the text's length",
            misfits[0].GetMessage());
        Assert.Contains("[StringLength] on 'Search(limit)' does not fit its type 'int'", misfits[1].GetMessage(), StringComparison.Ordinal);
    }

    // Cascades

    [Theory]
    [InlineData("[Prompt(\"Hi {{ name }}\")]\n    string Greet(string name);", "PG0002")]
    [InlineData("[Prompt(\"Hi {{ name }}\")]\n    Task<string> GreetAsync(ref string name);", "PG0006")]
    [InlineData("[Prompt(\"Describe {{ bedrock }}\")]\n    Task<string> Create(IBedrockRuntime bedrock);", "PG0009")]
    public void A_method_that_cannot_be_generated_gets_no_PG0007_beside_its_error(string member, string id)
    {
        List<Diagnostic> diagnostics = Reported(Client(member));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(AnalyzerHarness.Run(Client("[Prompt(\"Hi {{ name }}\")]\n    Task<string> GreetAsync(string name);")), d => d.Id == "PG0007");
    }

    [Fact]
    public void A_method_without_a_prompt_is_only_PG0004_even_without_a_model()
    {
        List<Diagnostic> diagnostics = Reported(Client(
            "    Task<string> GreetAsync(string name, CancellationToken cancellationToken);",
            clientAttribute: "[PromptClient]"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0004", diagnostic.Id);
    }

    [Fact]
    public void A_streaming_method_with_tools_reports_the_tool_sets_own_problems_in_the_same_build()
    {
        List<Diagnostic> diagnostics = Reported(
            Client("""
                    [Prompt("Plan {{ text }}")]
                    IAsyncEnumerable<string> PlanAsync(string text, PlanTools tools, CancellationToken cancellationToken);
                """),
            "namespace Demo;\npublic sealed class PlanTools { [PromptGen.Tool, System.ComponentModel.Description(\"Reads.\")] public string Read(object path) => \"\"; }\n");

        Assert.Equal(new[] { "PG0400" }, diagnostics.Where(d => d.Id.StartsWith("PG04", StringComparison.Ordinal)).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_media_attribute_on_a_type_that_carries_no_media_is_only_PG0010()
    {
        List<Diagnostic> diagnostics = Reported(Client("""
                [Prompt("Describe the picture.")]
                Task<string> DescribeAsync([Image] string photoUrl, CancellationToken cancellationToken);
            """, clientAttribute: "[PromptClient(Model = \"us.amazon.nova-lite-v1:0\")]"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PG0010", diagnostic.Id);
    }

    [Fact]
    public void A_result_type_without_a_JSON_shape_gets_no_word_about_how_its_schema_is_sent()
    {
        List<Diagnostic> diagnostics = Reported(
            Client(
                """
                    [Prompt("Judge {{ text }}")]
                    Task<Holder> JudgeAsync(string text, CancellationToken cancellationToken);
                """,
                clientAttribute: "[PromptClient(Model = \"amazon.titan-text-express-v1\")]"),
            "namespace Demo;\npublic sealed record Holder(object Payload);\n");

        Assert.Contains(diagnostics, d => d.Id == "PG0300");
        Assert.DoesNotContain(diagnostics, d => d.Id is "PG0301" or "PG0304");
    }

    // PG0201

    [Fact]
    public void An_unknown_vendors_id_is_sent_unchecked_and_gets_no_guess()
    {
        Diagnostic diagnostic = Assert.Single(Reported(Client(
            """
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: "[PromptClient(Model = \"acme.super-model-v1:0\")]")));

        Assert.Equal("PG0201", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.EndsWith("PromptGen knows no models of 'acme', so the id is sent to Bedrock as written and not checked", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.False(diagnostic.Properties.ContainsKey(FixProperties.SuggestedModelIds));
    }

    [Fact]
    public void A_misspelt_vendor_still_gets_a_did_you_mean()
    {
        Diagnostic diagnostic = Assert.Single(Reported(Client(
            """
                [Prompt("Hi {{ name }}")]
                Task<string> GreetAsync(string name, CancellationToken cancellationToken);
            """,
            clientAttribute: "[PromptClient(Model = \"us.amazn.nova-micro-v1:0\")]")));

        Assert.Equal("PG0201", diagnostic.Id);
        Assert.Contains("did you mean 'us.amazon.nova-micro-v1:0'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
