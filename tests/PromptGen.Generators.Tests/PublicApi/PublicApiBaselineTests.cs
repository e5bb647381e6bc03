using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PromptGen.Generators.Tests.PublicApi;

/// <summary>
/// The runtime's public API baseline (<c>src/PromptGen/PublicAPI.Shipped.txt</c>) is enforced: the public API analyzer
/// the build runs (same package, same version) is run here over the runtime's sources and
/// its baseline files, with one change of each kind. The build turns RS0016/RS0017 into errors
/// (Directory.Build.targets); these tests show the analyzer reports exactly the change, so that an undeclared
/// public member fails the build and a declared one that is gone does too.
/// </summary>
public sealed class PublicApiBaselineTests
{
    private const string UndeclaredType = """
        namespace PromptGen;

        /// <summary>Not in PublicAPI.Shipped.txt.</summary>
        public static class UndeclaredApi
        {
            /// <summary>Not in PublicAPI.Shipped.txt either.</summary>
            public static int Added(string name) => name.Length;
        }
        """;

    // A new public member on a declared type: the commonest way an API grows by accident.
    private const string AddedMember = """
        namespace PromptGen;

        public readonly partial struct StopReason
        {
            /// <summary>Not in PublicAPI.Shipped.txt.</summary>
            public bool IsUndeclared => true;
        }
        """;

    private const string GoneMember = "PromptGen.Message.Gone() -> void";

    private static readonly string RuntimeProject = Path.Combine(RepositoryPaths.Root, "src", "PromptGen");

    /// <summary>
    /// One analysis of the runtime with all three changes at once (an undeclared type, a member made public on a
    /// declared type, a declared member that is gone): they touch different symbols, so each test reads its own
    /// change's diagnostics, and anything else reported is a real mismatch of the runtime. A full analysis of the
    /// runtime takes seconds; one instead of four keeps the test run short.
    /// </summary>
    private static readonly Lazy<Task<List<Diagnostic>>> Reported = new(async () =>
    {
        string stopReason = Path.Combine(RuntimeProject, "StopReason.cs");
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeRuntimeAsync(
            extraSources: [UndeclaredType, AddedMember],
            shippedSuffix: GoneMember + "\n",
            rewrite: (path, text) => path == stopReason ? text.Replace("public readonly struct StopReason", "public readonly partial struct StopReason", StringComparison.Ordinal) : text);
        return ApiDiagnostics(diagnostics);
    });

    [Fact]
    public async Task The_runtime_matches_its_declared_api()
    {
        List<Diagnostic> reported = await Reported.Value;

        Assert.DoesNotContain(reported, d => !IsAboutUndeclaredType(d) && !IsAboutAddedMember(d) && !IsAboutGoneMember(d));
    }

    [Fact]
    public async Task An_undeclared_public_type_and_member_are_reported()
    {
        List<Diagnostic> reported = (await Reported.Value).Where(IsAboutUndeclaredType).ToList();

        Assert.All(reported, d => Assert.Equal("RS0016", d.Id));
        Assert.Contains(reported, d => d.GetMessage().Contains("'PromptGen.UndeclaredApi'", StringComparison.Ordinal));
        Assert.Contains(reported, d => d.GetMessage().Contains("PromptGen.UndeclaredApi.Added(string! name) -> int", StringComparison.Ordinal));
        Assert.Equal(2, reported.Count);
    }

    [Fact]
    public async Task A_member_made_public_on_an_existing_type_is_reported()
    {
        Diagnostic reported = Assert.Single(await Reported.Value, IsAboutAddedMember);

        Assert.Equal("RS0016", reported.Id);
        Assert.Contains("PromptGen.StopReason.IsUndeclared.get -> bool", reported.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_member_that_is_gone_is_reported()
    {
        Diagnostic reported = Assert.Single(await Reported.Value, IsAboutGoneMember);

        Assert.Equal("RS0017", reported.Id);
        Assert.Contains(GoneMember, reported.GetMessage(), StringComparison.Ordinal);
    }

    private static bool IsAboutUndeclaredType(Diagnostic diagnostic) => diagnostic.GetMessage().Contains("UndeclaredApi", StringComparison.Ordinal);

    private static bool IsAboutAddedMember(Diagnostic diagnostic) => diagnostic.GetMessage().Contains("IsUndeclared", StringComparison.Ordinal);

    private static bool IsAboutGoneMember(Diagnostic diagnostic) => diagnostic.GetMessage().Contains("Message.Gone", StringComparison.Ordinal);

    private static List<Diagnostic> ApiDiagnostics(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id is "RS0016" or "RS0017" or "RS0026" or "RS0027" or "RS0036" or "RS0037").ToList();

    /// <summary>
    /// Runs the public API analyzers over <c>src/PromptGen</c>'s sources and baseline files. The runtime's own source
    /// generators (System.Text.Json, logging) do not run here, so the compilation has errors in internal code; the
    /// public symbols, all the analyzer reads, are complete.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeRuntimeAsync(
        IReadOnlyList<string> extraSources,
        string shippedSuffix,
        Func<string, string, string>? rewrite = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        List<SyntaxTree> trees = Directory.EnumerateFiles(RuntimeProject, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => CSharpSyntaxTree.ParseText(
                SourceText.From(rewrite?.Invoke(path, File.ReadAllText(path)) ?? File.ReadAllText(path), Encoding.UTF8),
                parseOptions,
                path))
            .ToList();
        Assert.True(trees.Count > 100, $"Only {trees.Count} source files were found under {RuntimeProject}.");
        trees.AddRange(extraSources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, Path.Combine(RuntimeProject, $"Undeclared{index}.cs"))));

        CSharpCompilation compilation = CSharpCompilation.Create(
            "PromptGen",
            trees,
            RuntimeReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        ImmutableArray<AdditionalText> baseline = ImmutableArray.Create<AdditionalText>(
            new BaselineFile(Path.Combine(RuntimeProject, "PublicAPI.Shipped.txt"), File.ReadAllText(Path.Combine(RuntimeProject, "PublicAPI.Shipped.txt")) + shippedSuffix),
            new BaselineFile(Path.Combine(RuntimeProject, "PublicAPI.Unshipped.txt"), File.ReadAllText(Path.Combine(RuntimeProject, "PublicAPI.Unshipped.txt"))));

        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            PublicApiAnalyzers(),
            new AnalyzerOptions(baseline));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private static bool IsBuildOutput(string path)
    {
        string relative = Path.GetRelativePath(RuntimeProject, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    /// <summary>
    /// .NET's reference assemblies and the runtime's package dependencies, which this test project has beside it
    /// since it references the runtime.
    /// </summary>
    private static IEnumerable<MetadataReference> RuntimeReferences()
    {
        string[] packages = ["AWSSDK.", "Scriban.", "Polly.", "Microsoft.Extensions."];
        return Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                .Where(path => packages.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
                .Select(path => MetadataReference.CreateFromFile(path)));
    }

    /// <summary>
    /// The analyzers of Microsoft.CodeAnalysis.PublicApiAnalyzers at the version the build uses (Directory.Packages.props),
    /// from the NuGet package folder.
    /// </summary>
    private static ImmutableArray<DiagnosticAnalyzer> PublicApiAnalyzers()
    {
        const string packageId = "Microsoft.CodeAnalysis.PublicApiAnalyzers";
        string packageRoot = typeof(PublicApiBaselineTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;
        string version = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == packageId)
            .Attribute("Version")!.Value;
        string assemblyPath = Path.Combine(packageRoot, packageId.ToLowerInvariant(), version, "analyzers", "dotnet", packageId + ".dll");
        Assert.True(File.Exists(assemblyPath), $"The public API analyzer was not found at {assemblyPath}.");

        ImmutableArray<DiagnosticAnalyzer> analyzers = new AnalyzerFileReference(assemblyPath, new AssemblyLoader()).GetAnalyzers(LanguageNames.CSharp);
        Assert.Contains(analyzers, analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == "RS0016"));
        return analyzers;
    }

    /// <summary>Loads the analyzer as the compiler does, into this process (the test's Roslyn is the build's major version).</summary>
    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class BaselineFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
